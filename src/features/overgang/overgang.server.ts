/** "Din overgang til voksenlivet": the young person's dates, meetings, services and checklist. */
import { z } from 'astro/zod';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevPerson, personHvisKan } from '#/features/adgang/adgang.server.ts';
import { dagen } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { moeder, overgangTjekliste, sager } from '../../../db/schema.ts';
import { foraeldreVarsel, iOvergangsalder } from './tidslinje.ts';
import { tjeklisteIds } from './tjekliste.ts';

/** Children's-area cases: the services that end at 18 and must be applied for again as an adult. */
export const BOERNEOMRAADE = 'boernehandicap';

/**
 * Whether the transition pages apply to a person the user may see: 16-17 years old with a
 * children's-area case. The door first, so the birthday is not read for someone else.
 */
export async function visOvergang(db: Db, bruger: Bruger, personId: string, now: Date): Promise<boolean> {
  const person = await personHvisKan(db, bruger, 'se-sager', personId, now);
  return person !== undefined && iOvergangsalder(person.foedselsdato, dagen(now)) && (await harBoernesag(db, personId));
}

/** Only after the door: whether the person has a case in the children's area. */
async function harBoernesag(db: Db, personId: string): Promise<boolean> {
  // Asked on every view of Min side (of a 16-17-year-old): prepared once per connection.
  const q = forberedt(db, 'overgang.boernesag', () =>
    db
      .select({ id: sager.id })
      .from(sager)
      .where(and(eq(sager.personId, sql.placeholder('id')), eq(sager.enhed, BOERNEOMRAADE)))
      .limit(1)
      .prepare(),
  );
  return foerste(await q.execute({ id: personId })) !== undefined;
}

export async function overgangFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  if (!(await visOvergang(db, bruger, personId, now))) throw new IkkeFundet();
  const person = await kraevPerson(
    db,
    bruger,
    'se-sager',
    personId,
    { handling: 'se', hvad: 'Overgangen til voksenlivet' },
    now,
  );
  return {
    person,
    moeder: await db
      .select()
      .from(moeder)
      .where(and(eq(moeder.personId, personId), inArray(moeder.type, ['overgang', 'cafe'])))
      .orderBy(asc(moeder.start)),
    boernesager: await db
      .select()
      .from(sager)
      .where(and(eq(sager.personId, personId), eq(sager.enhed, BOERNEOMRAADE))),
    afkrydset: new Map(
      (await db.select().from(overgangTjekliste).where(eq(overgangTjekliste.personId, personId))).map((t) => [
        t.punkt,
        t,
      ]),
    ),
  };
}

export const TjeklisteSchema = z.object({
  personId: z.string().min(1),
  punkter: z.array(z.enum(tjeklisteIds)).default([]),
});

/** Saves the whole checklist as ticked in the form. */
export async function gemTjekliste(db: Db, bruger: Bruger, input: z.output<typeof TjeklisteSchema>, now: Date) {
  await kraevPerson(
    db,
    bruger,
    'handle-i-sag',
    input.personId,
    { handling: 'ret', hvad: 'Tjekliste til overgangen' },
    now,
  );
  await db.transaction(async (tx) => {
    const foer = new Set(
      (await tx.select().from(overgangTjekliste).where(eq(overgangTjekliste.personId, input.personId))).map(
        (t) => t.punkt,
      ),
    );
    for (const punkt of foer) {
      if (!input.punkter.includes(punkt as never))
        await tx
          .delete(overgangTjekliste)
          .where(and(eq(overgangTjekliste.personId, input.personId), eq(overgangTjekliste.punkt, punkt)));
    }
    // A tampered form can send a box twice; a ticked box is saved once.
    for (const punkt of new Set(input.punkter)) {
      if (!foer.has(punkt))
        await tx
          .insert(overgangTjekliste)
          .values({ personId: input.personId, punkt, afkrydsetAf: bruger.navn, tidspunkt: now.toISOString() });
    }
  });
  return { personId: input.personId };
}

/**
 * For a parent: each child whose 18th birthday is near, with the day their access ends. The
 * child's name is read through the access check and logged, like every other read of the child's data.
 */
export async function foraeldreVarsler(db: Db, bruger: Bruger, now: Date) {
  if (bruger.aktoer.type !== 'borger') return [];
  const idag = dagen(now);
  // The children by the session's own relations; each child's birthday is read only after the door.
  const boern = new Set(
    bruger.aktoer.relationer.filter((r) => r.type === 'foraeldremyndighed').map((r) => r.tilPersonId),
  );
  const varsler = [];
  for (const id of boern) {
    const barnet = await personHvisKan(db, bruger, 'se-sager', id, now);
    const v = barnet && foraeldreVarsel(barnet.foedselsdato, idag);
    if (!v) continue;
    const barn = await kraevPerson(db, bruger, 'se-sager', id, { handling: 'se', hvad: 'Varsel om 18-årsdagen' }, now);
    varsler.push({ id: barn.id, navn: barn.navn, ...v });
  }
  return varsler;
}
