/** Meetings: reading them, and the citizen's own topics and bisidder, through the access door. */
import { z } from 'astro/zod';
import { asc, eq, sql } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  kraevElement,
  kraevPerson,
  kraevPersonMedSager,
} from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { moedeEmner, moeder } from '../../../db/schema.ts';
import { retMoede } from './moedeskrivning.server.ts';

export type Moede = typeof moeder.$inferSelect;

export async function moederFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  const { person, maaSe } = await kraevPersonMedSager(
    db,
    bruger,
    'se-moeder',
    personId,
    { handling: 'se', hvad: 'Oversigt over møder' },
    now,
  );
  // On every view of Min side: prepared once per connection.
  const q = forberedt(db, 'moeder.for-person', () =>
    db
      .select()
      .from(moeder)
      .where(eq(moeder.personId, sql.placeholder('id')))
      .orderBy(asc(moeder.start))
      .prepare(),
  );
  const alle = (await q.execute({ id: personId })).filter((m) => maaSe(m.sagId));
  const nu = now.toISOString();
  return { person, kommende: alle.filter((m) => m.slut >= nu), tidligere: alle.filter((m) => m.slut < nu).reverse() };
}

export async function hentMoede(db: Db, bruger: Bruger, moedeId: string, now: Date) {
  const moede = foerste(await db.select().from(moeder).where(eq(moeder.id, moedeId)));
  if (!moede) throw new IkkeFundet();
  const person = await kraevElement(
    db,
    bruger,
    'se-moeder',
    moede,
    { handling: 'se', hvad: `Møde: ${moede.titel}` },
    now,
  );
  const emner = await db
    .select()
    .from(moedeEmner)
    .where(eq(moedeEmner.moedeId, moede.id))
    .orderBy(asc(moedeEmner.tidspunkt));
  return { moede, person, emner, kommende: moede.start > now.toISOString() };
}

export const EmneSchema = z.object({
  moedeId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv dit emne.' })
    .trim()
    .min(3, 'Skriv dit emne med mindst 3 tegn.')
    .max(500, 'Et emne må højst være 500 tegn.'),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});

export const BisidderSchema = z.object({
  moedeId: z.string().min(1),
  bisidder: z.enum(['ja', 'nej'], { error: 'Vælg, om du tager en bisidder med.' }),
  navn: z.string().trim().max(100, 'Navnet må højst være 100 tegn.').optional(),
});

/** Only the person (or a parent) may change a meeting, and only before it. */
async function kraevKommendeMoede(db: Db, bruger: Bruger, moedeId: string, hvad: string, now: Date) {
  const moede = foerste(await db.select().from(moeder).where(eq(moeder.id, moedeId)));
  if (!moede) throw new IkkeFundet();
  await kraevPerson(
    db,
    bruger,
    'handle-i-sag',
    moede.personId,
    { handling: 'ret', hvad: `${hvad}: ${moede.titel}` },
    now,
  );
  if (moede.start <= now.toISOString()) throw new MoedeFejl('Mødet er begyndt eller holdt. Kontakt din sagsbehandler.');
  return moede;
}

export class MoedeFejl extends Error {}

/** A meeting as the feed names it (with the case system's own id for a mirrored one), and its person and case. */
const moedet = (m: Moede) => ({ moedeId: m.id, moedeKildeId: m.kildeId, titel: m.titel, start: m.start });
const moedetsJournal = (m: Moede) => ({ personId: m.personId, sagId: m.sagId });

export async function tilfoejEmne(db: Db, bruger: Bruger, input: z.output<typeof EmneSchema>, now: Date) {
  const moede = await kraevKommendeMoede(db, bruger, input.moedeId, 'Emne til møde', now);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const ny = await tx
      .insert(moedeEmner)
      .values({
        id,
        moedeId: moede.id,
        tekst: input.tekst,
        tilfoejetAf: bruger.navn,
        tidspunkt: now.toISOString(),
        noegle: input.noegle,
      })
      .onConflictDoNothing()
      .returning({ id: moedeEmner.id });
    // The same form sent twice is one topic, journalised once.
    if (ny.length)
      await tilJournal(
        tx,
        {
          type: 'moede-emne',
          ...moedetsJournal(moede),
          genstandId: id,
          data: { ...moedet(moede), tekst: input.tekst, tilfoejetAf: bruger.navn },
        },
        now,
      );
  });
  return { moedeId: moede.id };
}

export async function angivBisidder(db: Db, bruger: Bruger, input: z.output<typeof BisidderSchema>, now: Date) {
  const moede = await kraevKommendeMoede(db, bruger, input.moedeId, 'Bisidder til møde', now);
  const bisidder = input.bisidder === 'ja' ? input.navn || 'Ja' : null;
  if (bisidder === moede.bisidder) return { moedeId: moede.id };
  await db.transaction(async (tx) => {
    await retMoede(tx, moede.id, { bisidder });
    await tilJournal(
      tx,
      {
        type: 'moede-bisidder',
        ...moedetsJournal(moede),
        genstandId: moede.id,
        data: { ...moedet(moede), bisidder, angivetAf: bruger.navn },
      },
      now,
    );
  });
  return { moedeId: moede.id };
}
