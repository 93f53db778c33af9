/** Consents (samtykker): seeing them and withdrawing one, with a receipt the caseworker also sees. */
import { z } from 'astro/zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { samtykkeTilbagekaldt, skrivHaendelse } from '#/features/sager/haendelser.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { samtykker } from '../../../db/schema.ts';

export async function samtykkerFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  const person = await kraevPerson(db, bruger, 'se-sager', personId, { handling: 'se', hvad: 'Samtykker' }, now);
  return {
    person,
    samtykker: await db.select().from(samtykker).where(eq(samtykker.personId, personId)).orderBy(desc(samtykker.givet)),
  };
}

export const TilbagekaldSchema = z.object({
  samtykkeId: z.string().min(1),
  bekraeft: z.literal('ja', { error: 'Sæt kryds for at bekræfte, at du vil tilbagekalde samtykket.' }),
});

export async function hentSamtykke(
  db: Db,
  bruger: Bruger,
  samtykkeId: string,
  handling: 'se-sager' | 'handle-i-sag',
  now: Date,
) {
  const s = foerste(await db.select().from(samtykker).where(eq(samtykker.id, samtykkeId)));
  if (!s) throw new IkkeFundet();
  await kraevPerson(
    db,
    bruger,
    handling,
    s.personId,
    { handling: handling === 'se-sager' ? 'se' : 'ret', hvad: `Samtykke: ${s.kilde}` },
    now,
  );
  return s;
}

/** Withdraws a consent from now on; information already obtained stays on the case. */
export async function tilbagekaldSamtykke(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof TilbagekaldSchema>,
  now: Date,
) {
  const s = await hentSamtykke(db, bruger, input.samtykkeId, 'handle-i-sag', now);
  if (s.tilbagekaldt) return { samtykkeId: s.id };
  await db.transaction(async (tx) => {
    const changed = (
      await tx
        .update(samtykker)
        .set({
          tilbagekaldt: now.toISOString(),
          tilbagekaldtAf: bruger.navn,
          kvitteringsnr: nytKvitteringsnr('S', now),
        })
        .where(and(eq(samtykker.id, s.id), isNull(samtykker.tilbagekaldt)))
        .returning({ id: samtykker.id })
    ).length;
    if (changed !== 1) return;
    if (s.sagId) await skrivHaendelse(tx, s.sagId, samtykkeTilbagekaldt(s.kilde), now);
    await tilJournal(
      tx,
      {
        type: 'samtykke-tilbagekaldt',
        personId: s.personId,
        sagId: s.sagId,
        genstandId: s.id,
        data: { kilde: s.kilde, formaal: s.formaal, givet: s.givet, tilbagekaldtAf: bruger.navn },
      },
      now,
    );
  });
  return { samtykkeId: s.id };
}
