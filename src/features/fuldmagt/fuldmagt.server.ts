/** Fuldmagt in the portal: a relative asks, the person accepts some or all scopes or declines, and may revoke. */

import { z } from 'astro/zod';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alleScopes } from '#/features/adgang/access.ts';
import { type Bruger, IkkeFundet, kan, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { logAudit } from '#/features/audit/audit.server.ts';
import { varsl } from '#/features/notifikationer/udbakke.server.ts';
import { personnavne } from '#/features/personer/personnavne.ts';
import { attenAarsdag, dagen } from '#/lib/dato.ts';
import { dagFelt, erDag } from '#/lib/datofelt.ts';
import { defined } from '#/lib/defined.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { fuldmagtAnmodninger, personer, relationer } from '../../../db/schema.ts';
import { kanBesvare, startdag, valgteScopes } from './fuldmagt.ts';
import { nyRelation, tilbagekaldRelation } from './relationsskrivning.server.ts';

export class FuldmagtFejl extends Error {}

const scopeEnum = z.enum(alleScopes as [string, ...string[]]);
const valgfriDato = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || erDag(v), 'Skriv datoen som dd.mm.åååå, eller lad feltet stå tomt.');

export const AnmodSchema = z
  .object({
    tilPersonId: z
      .string({ error: 'Vælg, hvem du beder om en fuldmagt.' })
      .min(1, 'Vælg, hvem du beder om en fuldmagt.'),
    scopes: z
      .array(scopeEnum, { error: 'Vælg mindst én ting, du vil have lov til.' })
      .min(1, 'Vælg mindst én ting, du vil have lov til.'),
    gyldigFra: dagFelt('Skriv, hvornår fuldmagten skal gælde fra.'),
    gyldigTil: valgfriDato,
    noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
  })
  .refine((v) => !v.gyldigTil || v.gyldigTil >= v.gyldigFra, {
    path: ['gyldigTil'],
    message: 'Slutdatoen skal være efter startdatoen.',
  });

export const BesvarSchema = z.object({
  anmodningId: z.string().min(1),
  svar: z.enum(['accepter', 'afvis'], { error: 'Vælg, om du giver fuldmagten.' }),
  scopes: z.array(scopeEnum).default([]),
});

export const TilbagekaldFuldmagtSchema = z.object({ relationId: z.string().min(1) });

function selv(bruger: Bruger): string {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
  return bruger.aktoer.personId;
}

const relativ = personnavne('relativ');

/**
 * The people a relative may ask (those they are related to and whose relation was not revoked,
 * e.g. a parent's child also after 18), through the door: each name shown is logged for the
 * person. With the first day the person can give a fuldmagt (a minor only from the 18th birthday).
 */
export async function kanAnmodeFor(db: Db, bruger: Bruger, now: Date) {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
  const idag = dagen(now);
  const ids = [...new Set(bruger.aktoer.relationer.map((r) => r.tilPersonId))];
  const personer: { id: string; navn: string; kanGiveFra: string }[] = [];
  for (const id of ids) {
    if (!(await kan(db, bruger, 'anmode-om-fuldmagt', id, now))) continue;
    const p = await kraevPerson(
      db,
      bruger,
      'anmode-om-fuldmagt',
      id,
      { handling: 'se', hvad: 'Navn vist: bed om en fuldmagt' },
      now,
    );
    const atten = attenAarsdag(p.foedselsdato);
    // biome-ignore lint/complexity/useMathMinMax: days are 'YYYY-MM-DD' strings; Math.max would give NaN.
    const kanGiveFra = atten > idag ? atten : idag;
    personer.push({ id: p.id, navn: p.navn, kanGiveFra });
  }
  return personer;
}

/** Everything about fuldmagter for the logged-in person: held, given, asked and asked of them. */
export async function fuldmagtOversigt(db: Db, bruger: Bruger, now: Date) {
  const mig = selv(bruger);
  await kraevPerson(db, bruger, 'give-fuldmagt', mig, { handling: 'se', hvad: 'Fuldmagter' }, now);
  const relationerMed = async (where: ReturnType<typeof eq>) =>
    await db
      .select({ r: relationer, fra: relativ.navn, til: personer.navn, tilFoedselsdato: personer.foedselsdato })
      .from(relationer)
      .innerJoin(personer, eq(personer.id, relationer.tilPersonId))
      .innerJoin(relativ, eq(relativ.id, relationer.fraPersonId))
      .where(where)
      .orderBy(desc(relationer.oprettet));
  const anmodningerMed = async (where: ReturnType<typeof eq>) =>
    await db
      .select({ a: fuldmagtAnmodninger, fra: relativ.navn, til: personer.navn })
      .from(fuldmagtAnmodninger)
      .innerJoin(personer, eq(personer.id, fuldmagtAnmodninger.tilPersonId))
      .innerJoin(relativ, eq(relativ.id, fuldmagtAnmodninger.fraPersonId))
      .where(where)
      .orderBy(desc(fuldmagtAnmodninger.oprettet));
  return {
    harFaaet: await relationerMed(eq(relationer.fraPersonId, mig)),
    harGivet: await relationerMed(
      defined(and(eq(relationer.tilPersonId, mig), eq(relationer.type, 'fuldmagt')), 'Filteret'),
    ),
    anmodningerTilMig: await anmodningerMed(eq(fuldmagtAnmodninger.tilPersonId, mig)),
    mineAnmodninger: await anmodningerMed(eq(fuldmagtAnmodninger.fraPersonId, mig)),
  };
}

/** Requests waiting for the person's answer, for the notice at login. */
export async function ventendeAnmodninger(db: Db, personId: string) {
  // On every view of Min side: prepared once per connection.
  return await forberedt(db, 'fuldmagt.ventende', () =>
    db
      .select({ id: fuldmagtAnmodninger.id, fra: relativ.navn })
      .from(fuldmagtAnmodninger)
      .innerJoin(relativ, eq(relativ.id, fuldmagtAnmodninger.fraPersonId))
      .where(
        and(eq(fuldmagtAnmodninger.tilPersonId, sql.placeholder('id')), eq(fuldmagtAnmodninger.status, 'afventer')),
      )
      .prepare(),
  ).execute({ id: personId });
}

export async function anmodOmFuldmagt(db: Db, bruger: Bruger, input: z.output<typeof AnmodSchema>, now: Date) {
  const mig = selv(bruger);
  const tidligere = foerste(
    await db.select().from(fuldmagtAnmodninger).where(eq(fuldmagtAnmodninger.noegle, input.noegle)),
  );
  if (tidligere) return { anmodningId: tidligere.id };
  const person = (await kan(db, bruger, 'anmode-om-fuldmagt', input.tilPersonId, now))
    ? { id: input.tilPersonId }
    : undefined;
  if (!person)
    throw new FuldmagtFejl(
      'Du kan kun bede om en fuldmagt fra en, du allerede er registreret som pårørende til. Kontakt os, hvis det drejer sig om en anden.',
    );
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(fuldmagtAnmodninger).values({
      id,
      fraPersonId: mig,
      tilPersonId: person.id,
      scopes: input.scopes,
      gyldigFra: input.gyldigFra,
      gyldigTil: input.gyldigTil || null,
      status: 'afventer',
      oprettet: now.toISOString(),
      kvitteringsnr: nytKvitteringsnr('F', now),
      noegle: input.noegle,
    });
    // Only the person asked hears of it, not those who act for them.
    await varsl(tx, { omPersonId: person.id, aarsag: 'fuldmagt', kildeId: `fuldmagt:${id}`, kun: [person.id] }, now);
  });
  await logAudit(
    db,
    {
      aktoerType: 'borger',
      aktoerId: mig,
      aktoerNavn: bruger.navn,
      personId: person.id,
      handling: 'opret',
      hvad: 'Anmodning om fuldmagt',
    },
    now,
  );
  return { anmodningId: id };
}

/** A request, for the person asked or the relative who asked. */
export async function hentAnmodning(db: Db, bruger: Bruger, anmodningId: string, now: Date) {
  const mig = selv(bruger);
  const row = foerste(
    await db
      .select({ a: fuldmagtAnmodninger, fra: relativ.navn, til: personer.navn, tilFoedselsdato: personer.foedselsdato })
      .from(fuldmagtAnmodninger)
      .innerJoin(personer, eq(personer.id, fuldmagtAnmodninger.tilPersonId))
      .innerJoin(relativ, eq(relativ.id, fuldmagtAnmodninger.fraPersonId))
      .where(
        and(
          eq(fuldmagtAnmodninger.id, anmodningId),
          or(eq(fuldmagtAnmodninger.tilPersonId, mig), eq(fuldmagtAnmodninger.fraPersonId, mig)),
        ),
      ),
  );
  if (!row) throw new IkkeFundet();
  const erGiver = row.a.tilPersonId === mig;
  return { ...row, erGiver, kanBesvare: erGiver ? kanBesvare(row.a, row.tilFoedselsdato, dagen(now)) : undefined };
}

export async function besvarAnmodning(db: Db, bruger: Bruger, input: z.output<typeof BesvarSchema>, now: Date) {
  const mig = selv(bruger);
  const { a, tilFoedselsdato } = await hentAnmodning(db, bruger, input.anmodningId, now);
  if (a.tilPersonId !== mig) throw new IkkeFundet();
  await kraevPerson(
    db,
    bruger,
    'give-fuldmagt',
    mig,
    { handling: 'ret', hvad: input.svar === 'accepter' ? 'Gav fuldmagt' : 'Afviste anmodning om fuldmagt' },
    now,
  );
  if (a.status !== 'afventer') return { anmodningId: a.id };
  const idag = dagen(now);
  const kan = kanBesvare(a, tilFoedselsdato, idag);
  if (!kan.ok) throw new FuldmagtFejl('Du kan først give en fuldmagt, når du er fyldt 18 år.');
  const scopes = valgteScopes(a.scopes, input.scopes);
  if (input.svar === 'accepter' && scopes.length === 0)
    throw new FuldmagtFejl('Vælg mindst én ting, du giver lov til – eller afvis anmodningen.');
  await db.transaction(async (tx) => {
    let relationId: string | null = null;
    if (input.svar === 'accepter') {
      relationId = await nyRelation(tx, {
        fraPersonId: a.fraPersonId,
        tilPersonId: mig,
        type: 'fuldmagt',
        scopes,
        gyldigFra: startdag(a.gyldigFra, idag),
        gyldigTil: a.gyldigTil,
        oprettet: now.toISOString(),
      });
    }
    await tx
      .update(fuldmagtAnmodninger)
      .set({ status: input.svar === 'accepter' ? 'accepteret' : 'afvist', besvaret: now.toISOString(), relationId })
      .where(and(eq(fuldmagtAnmodninger.id, a.id), eq(fuldmagtAnmodninger.status, 'afventer')));
  });
  await logAudit(
    db,
    {
      aktoerType: 'borger',
      aktoerId: mig,
      aktoerNavn: bruger.navn,
      personId: a.fraPersonId,
      handling: 'ret',
      hvad: input.svar === 'accepter' ? 'Fik fuldmagt' : 'Anmodning om fuldmagt afvist',
    },
    now,
  );
  return { anmodningId: a.id };
}

/** A fuldmagt the person has given, to see or revoke. */
export async function hentGivetFuldmagt(db: Db, bruger: Bruger, relationId: string) {
  const mig = selv(bruger);
  const row = foerste(
    await db
      .select({ r: relationer, fra: relativ.navn })
      .from(relationer)
      .innerJoin(relativ, eq(relativ.id, relationer.fraPersonId))
      .where(and(eq(relationer.id, relationId), eq(relationer.tilPersonId, mig), eq(relationer.type, 'fuldmagt'))),
  );
  if (!row) throw new IkkeFundet();
  return row;
}

/** Revokes at once: the holder's next request already finds no access. */
export async function tilbagekaldFuldmagt(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof TilbagekaldFuldmagtSchema>,
  now: Date,
) {
  const mig = selv(bruger);
  const { r } = await hentGivetFuldmagt(db, bruger, input.relationId);
  await kraevPerson(db, bruger, 'give-fuldmagt', mig, { handling: 'ret', hvad: 'Tilbagekaldte fuldmagt' }, now);
  if (!r.tilbagekaldt) {
    await tilbagekaldRelation(db, r.id, bruger.navn, now);
    await logAudit(
      db,
      {
        aktoerType: 'borger',
        aktoerId: mig,
        aktoerNavn: bruger.navn,
        personId: r.fraPersonId,
        handling: 'ret',
        hvad: 'Fuldmagt tilbagekaldt',
      },
      now,
    );
  }
  return { relationId: r.id };
}
