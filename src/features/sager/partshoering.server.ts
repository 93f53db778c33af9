/** Answering a partshøring: the answer is filed on the case with a receipt, once. */
import { z } from 'astro/zod';
import { and, eq, isNull } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevSag } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { partshoeringer } from '../../../db/schema.ts';
import { partshoeringBesvaret, skrivHaendelse } from './haendelser.ts';

export const PartshoeringSvarSchema = z.object({
  partshoeringId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv dine bemærkninger.' })
    .trim()
    .min(2, 'Skriv dine bemærkninger. Skriv "Ingen bemærkninger", hvis du ikke har nogen.')
    .max(10000, 'Dit svar må højst være 10.000 tegn.'),
});
export type PartshoeringSvar = z.output<typeof PartshoeringSvarSchema>;

export async function aabenPartshoering(db: Db, sagId: string) {
  return foerste(await db.select().from(partshoeringer).where(eq(partshoeringer.sagId, sagId)));
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
