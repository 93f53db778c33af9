/**
 * Partshøring: the municipality sends the material it will decide on (by a caseworker, or by the case
 * system through the API). The citizen reads the material itself, checks the answer before sending
 * it, gets a receipt, and may add to it until the deadline (each addition its own receipt).
 */
import { z } from 'astro/zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevSag } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { type Dag, dagen, formatDato } from '#/lib/dato.ts';
import { forberedt, forberedtMedListe, listeVaerdier } from '#/lib/forberedt.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { partshoeringer, partshoeringTilfoejelser } from '../../../db/schema.ts';
import { skrivBrev } from './breve.server.ts';
import { ejer } from './ejerskab.ts';
import { kanTilfoeje } from './frister.ts';
import { partshoeringBesvaret, partshoeringSendt, skrivHaendelse } from './haendelser.ts';
import { foerstePrSag } from './pr-sag.ts';
import { saetTrin } from './sagsskrivning.server.ts';
import { PARTSHOERING_TRIN } from './trin.ts';

export const PartshoeringSvarSchema = z.object({
  partshoeringId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv dine bemærkninger.' })
    .trim()
    .min(2, 'Skriv dine bemærkninger. Skriv "Ingen bemærkninger", hvis du ikke har nogen.')
    .max(10000, 'Dit svar må højst være 10.000 tegn.'),
  /** Absent: the answer is only checked, and the page shows it back ("Tjek dit svar"); nothing is written. */
  send: z.literal('ja').optional(),
  /** Set by the form for an addition to an answer already sent; without it, a sent answer is shown again. */
  tilfoejelse: z.literal('ja').optional(),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});
export type PartshoeringSvar = z.output<typeof PartshoeringSvarSchema>;

export class PartshoeringFejl extends Error {}

/** What the citizen added to the answer, oldest first. */
export async function tilfoejelser(db: Pick<Db, 'select'>, partshoeringId: string) {
  return await db
    .select()
    .from(partshoeringTilfoejelser)
    .where(eq(partshoeringTilfoejelser.partshoeringId, partshoeringId))
    .orderBy(partshoeringTilfoejelser.modtaget, partshoeringTilfoejelser.id);
}

// `sendt` is a day, so on a day with two (an answered one and a new one) the unanswered one comes first.
const nyesteFoerst = [desc(partshoeringer.sendt), sql`${partshoeringer.besvaret} is null desc`] as const;

/** The newest partshøring on the case: the one the case page shows and the citizen answers. */
export async function aabenPartshoering(db: Pick<Db, 'select'>, sagId: string) {
  const q = forberedt(db, 'partshoering.aaben', () =>
    db
      .select()
      .from(partshoeringer)
      .where(eq(partshoeringer.sagId, sql.placeholder('sagId')))
      .orderBy(...nyesteFoerst)
      .limit(1)
      .prepare(),
  );
  return foerste(await q.execute({ sagId }));
}

/** aabenPartshoering for several cases in one query (Min side's tasks), by case id. */
export async function aabnePartshoeringer(db: Pick<Db, 'select'>, sagIds: readonly string[]) {
  if (sagIds.length === 0) return foerstePrSag<typeof partshoeringer.$inferSelect>([]);
  const q = forberedtMedListe(db, 'partshoering.aabne', sagIds.length, (liste) =>
    db
      .select()
      .from(partshoeringer)
      .where(inArray(partshoeringer.sagId, liste))
      .orderBy(...nyesteFoerst)
      .prepare(),
  );
  return foerstePrSag(await q.execute(listeVaerdier(sagIds)));
}

type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;

/**
 * Sends a partshøring: the material as a letter on the case, and the event that asks the citizen to
 * answer. A portal case moves to the step "Partshøring"; a mirrored case's step is its system's.
 */
export async function sendPartshoering(
  tx: Skriver,
  sag: { id: string; personId: string; kildeId: string | null; titel: string },
  ph: { materiale: string; svarfrist: Dag; kildeId?: string | null },
  now: Date,
  af: string | null,
  kildesystem: string | null,
): Promise<string> {
  const idag = dagen(now);
  await skrivBrev(
    tx,
    sag,
    {
      type: 'partshoering',
      titel: `Partshøring: ${sag.titel}`,
      dato: idag,
      indhold: `${ph.materiale}\n\nSvar senest ${formatDato(ph.svarfrist)}. Du kan svare i Mit Forløb under sagen.`,
    },
    now,
    kildesystem,
  );
  const id = crypto.randomUUID();
  await tx.insert(partshoeringer).values({
    id,
    sagId: sag.id,
    materiale: ph.materiale,
    sendt: idag,
    svarfrist: ph.svarfrist,
    kildeId: ph.kildeId ?? null,
  });
  const haendelse = partshoeringSendt(ph.svarfrist);
  if (ejer(sag, 'trin') === null && kildesystem === null)
    await saetTrin(
      tx,
      sag.id,
      { trin: PARTSHOERING_TRIN, trinTekst: `Læs oplysningerne, og svar senest ${formatDato(ph.svarfrist)}.` },
      haendelse,
      now,
      af,
    );
  else await skrivHaendelse(tx, sag.id, haendelse, now, af);
  return id;
}

/** A case system corrects the material or deadline of a partshøring it sent, before it is answered. */
export async function retPartshoering(tx: Skriver, id: string, ph: { materiale: string; svarfrist: Dag }) {
  await tx
    .update(partshoeringer)
    .set(ph)
    .where(and(eq(partshoeringer.id, id), isNull(partshoeringer.besvaret)));
}

/**
 * The answer, or an addition to it. Without `send` only the door and the schema are checked, so
 * the page can show the text back before anything is sent.
 */
export async function besvarPartshoering(
  db: Db,
  bruger: Bruger,
  input: PartshoeringSvar,
  now: Date,
): Promise<{ sagId: string; tjek: boolean }> {
  const ph = foerste(await db.select().from(partshoeringer).where(eq(partshoeringer.id, input.partshoeringId)));
  if (!ph) throw new IkkeFundet();
  const { sag } = await kraevSag(
    db,
    bruger,
    'handle-i-sag',
    ph.sagId,
    { handling: 'opret', hvad: 'Svar på partshøring' },
    now,
  );
  if (input.tilfoejelse && ph.besvaret && !kanTilfoeje(ph, dagen(now)))
    throw new PartshoeringFejl(
      `Fristen for at svare var ${formatDato(ph.svarfrist)}. Vil du tilføje noget nu, så skriv til din sagsbehandler.`,
    );
  if (!input.send) return { sagId: ph.sagId, tjek: true };
  if (input.tilfoejelse && ph.besvaret) {
    await tilfoej(db, { ...ph, personId: sag.personId }, input, bruger.navn, now);
    return { sagId: ph.sagId, tjek: false };
  }
  // The first answer stands: a second submission of the same form shows the same receipt.
  if (ph.besvaret) return { sagId: ph.sagId, tjek: false };
  await db.transaction(async (tx) => {
    const changed = (
      await tx
        .update(partshoeringer)
        .set({
          svar: input.tekst,
          besvaret: now.toISOString(),
          besvaretAf: bruger.navn,
          kvitteringsnr: nytKvitteringsnr('P', now),
        })
        .where(and(eq(partshoeringer.id, ph.id), isNull(partshoeringer.besvaret)))
        .returning({ id: partshoeringer.id })
    ).length;
    if (changed === 1) {
      await skrivHaendelse(tx, ph.sagId, partshoeringBesvaret(), now);
      await tilJournal(
        tx,
        {
          type: 'partshoeringssvar',
          personId: sag.personId,
          sagId: ph.sagId,
          genstandId: ph.id,
          data: { materiale: ph.materiale, svarfrist: ph.svarfrist, svar: input.tekst, besvaretAf: bruger.navn },
        },
        now,
      );
    }
  });
  return { sagId: ph.sagId, tjek: false };
}

async function tilfoej(
  db: Db,
  ph: { id: string; sagId: string; personId: string; materiale: string },
  input: PartshoeringSvar,
  af: string,
  now: Date,
) {
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const ny = await tx
      .insert(partshoeringTilfoejelser)
      .values({
        id,
        partshoeringId: ph.id,
        tekst: input.tekst,
        modtaget: now.toISOString(),
        af,
        kvitteringsnr: nytKvitteringsnr('P', now),
        noegle: input.noegle,
      })
      .onConflictDoNothing()
      .returning({ id: partshoeringTilfoejelser.id });
    // The same form sent twice is one addition, journalised once.
    if (ny.length)
      await tilJournal(
        tx,
        {
          type: 'partshoering-tilfoejelse',
          personId: ph.personId,
          sagId: ph.sagId,
          genstandId: id,
          data: { partshoeringId: ph.id, materiale: ph.materiale, tilfoejelse: input.tekst, af },
        },
        now,
      );
  });
}
