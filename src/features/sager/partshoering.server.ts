/**
 * Partshøring: the municipality sends the material it will decide on (by a caseworker, or by the case
 * system through the API), and the citizen answers it once, with a receipt.
 */
import { z } from 'astro/zod';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevSag } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { type Dag, dagen, formatDato } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { partshoeringer } from '../../../db/schema.ts';
import { skrivBrev } from './breve.server.ts';
import { ejer } from './ejerskab.ts';
import { partshoeringBesvaret, partshoeringSendt, skrivHaendelse } from './haendelser.ts';
import { saetTrin } from './sagsskrivning.server.ts';
import { PARTSHOERING_TRIN } from './trin.ts';

export const PartshoeringSvarSchema = z.object({
  partshoeringId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv dine bemærkninger.' })
    .trim()
    .min(2, 'Skriv dine bemærkninger. Skriv "Ingen bemærkninger", hvis du ikke har nogen.')
    .max(10000, 'Dit svar må højst være 10.000 tegn.'),
});
export type PartshoeringSvar = z.output<typeof PartshoeringSvarSchema>;

/**
 * The newest partshøring on the case: the one the case page shows and the citizen answers. `sendt`
 * is a day, so on a day with two (an answered one and a new one) the unanswered one comes first.
 */
export async function aabenPartshoering(db: Pick<Db, 'select'>, sagId: string) {
  const q = forberedt(db, 'partshoering.aaben', () =>
    db
      .select()
      .from(partshoeringer)
      .where(eq(partshoeringer.sagId, sql.placeholder('sagId')))
      .orderBy(desc(partshoeringer.sendt), sql`${partshoeringer.besvaret} is null desc`)
      .limit(1)
      .prepare(),
  );
  return foerste(await q.execute({ sagId }));
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

export async function besvarPartshoering(
  db: Db,
  bruger: Bruger,
  input: PartshoeringSvar,
  now: Date,
): Promise<{ sagId: string }> {
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
  // The first answer stands: a second submission of the same form shows the same receipt.
  if (ph.besvaret) return { sagId: ph.sagId };
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
  return { sagId: ph.sagId };
}
