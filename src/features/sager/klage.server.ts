/** A complaint about a decision: saved with the case history in one transaction, once per form. */
import { z } from 'astro/zod';
import { and, eq, inArray } from 'drizzle-orm';
import { type Bruger, kraevSag } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { dagen, formatDato } from '#/lib/dato.ts';
import { forberedtMedListe, listeVaerdier } from '#/lib/forberedt.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { klager, sager } from '../../../db/schema.ts';
import { senesteAfgoerelse } from './afgoerelse.server.ts';
import { ejer } from './ejerskab.ts';
import { genvurderingsfrist, klageErForSen, venterPaaGenvurdering } from './frister.ts';
import { klageGenvurderet, klageModtaget, skrivHaendelse } from './haendelser.ts';
import { klageHindring, klageHindringTekst } from './klage.ts';
import { saetTrin } from './sagsskrivning.server.ts';
import { KLAGE_TRIN } from './trin.ts';

export const KlageSchema = z.object({
  sagId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv, hvorfor du klager.' })
    .trim()
    .min(10, 'Skriv mindst 10 tegn om, hvorfor du er uenig i afgørelsen.')
    .max(5000, 'Din klage må højst være 5.000 tegn. Du kan sende resten til din sagsbehandler.'),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});
export type KlageInput = z.output<typeof KlageSchema>;

export class KlageFejl extends Error {}

export { senesteAfgoerelse };

export async function indsendKlage(db: Db, bruger: Bruger, input: KlageInput, now: Date): Promise<{ klageId: string }> {
  const { sag } = await kraevSag(
    db,
    bruger,
    'handle-i-sag',
    input.sagId,
    { handling: 'opret', hvad: 'Klage over afgørelse' },
    now,
  );
  const tidligere = foerste(await db.select().from(klager).where(eq(klager.noegle, input.noegle)));
  if (tidligere) return { klageId: tidligere.id };
  const afg = await senesteAfgoerelse(db, sag.id);
  const idag = dagen(now);
  const hindring = klageHindring(afg, await klagerPaaSagen(db, sag.id));
  if (hindring || !afg) throw new KlageFejl(klageHindringTekst(hindring ?? 'ingen-afgoerelse'));
  const id = crypto.randomUUID();
  const frist = genvurderingsfrist(idag);
  const forSent = klageErForSen(afg, idag);
  await db.transaction(async (tx) => {
    await tx.insert(klager).values({
      id,
      sagId: sag.id,
      afgoerelseId: afg.id,
      tekst: input.tekst,
      modtaget: now.toISOString(),
      status: 'modtaget',
      genvurderingFrist: frist,
      forSent,
      indsendtAf: bruger.navn,
      noegle: input.noegle,
      kvitteringsnr: nytKvitteringsnr('K', now),
    });
    await tilJournal(
      tx,
      {
        type: 'klage',
        personId: sag.personId,
        sagId: sag.id,
        genstandId: id,
        data: {
          afgoerelseId: afg.id,
          tekst: input.tekst,
          indsendtAf: bruger.navn,
          genvurderingFrist: frist,
          forSent,
        },
      },
      now,
    );
    const trinTekst = `Vi vurderer afgørelsen igen (genvurdering). Du får svar senest ${formatDato(frist)}.`;
    // A mirrored case's step is its system's (ejerskab.ts): the complaint reaches it through the
    // klager inbox, and it moves the case. The citizen's history says the complaint arrived either way.
    if (ejer(sag, 'trin')) await skrivHaendelse(tx, sag.id, klageModtaget(frist), now);
    else await saetTrin(tx, sag.id, { trin: KLAGE_TRIN, aaben: true, trinTekst }, klageModtaget(frist), now);
  });
  return { klageId: id };
}

/**
 * The municipality's re-assessment of a complaint: upheld (sent on to Ankestyrelsen) or the
 * decision changed. False, writing nothing, when the complaint was already re-assessed.
 */
export async function genvurderKlage(
  tx: Pick<Db, 'select' | 'insert' | 'update'>,
  klage: typeof klager.$inferSelect,
  resultat: 'fastholdt' | 'aendret',
  begrundelse: string,
  now: Date,
  medarbejderId: string,
): Promise<boolean> {
  if (!venterPaaGenvurdering(klage)) return false;
  const status = resultat === 'fastholdt' ? 'sendt-til-ankestyrelsen' : 'afgoerelse-aendret';
  // Only from the status read above: a concurrent re-assessment makes this one write nothing.
  const aendret = await tx
    .update(klager)
    .set({ status })
    .where(and(eq(klager.id, klage.id), eq(klager.status, klage.status)))
    .returning({ id: klager.id });
  if (aendret.length !== 1) return false;
  const sag = foerste(await tx.select({ personId: sager.personId }).from(sager).where(eq(sager.id, klage.sagId)));
  if (sag)
    await tilJournal(
      tx,
      {
        type: 'klage-genvurderet',
        personId: sag.personId,
        sagId: klage.sagId,
        genstandId: klage.id,
        data: { status, begrundelse },
      },
      now,
    );
  const trinTekst =
    resultat === 'fastholdt' ? 'Din klage er sendt til Ankestyrelsen.' : 'Vi har ændret afgørelsen efter din klage.';
  await saetTrin(tx, klage.sagId, { trinTekst }, klageGenvurderet(resultat, begrundelse), now, medarbejderId);
  return true;
}

/** The complaints on a case, for the complaint rule (the caller has passed the access door for the case). */
export async function klagerPaaSagen(db: Db, sagId: string) {
  return await db.select({ afgoerelseId: klager.afgoerelseId }).from(klager).where(eq(klager.sagId, sagId));
}

/** klagerPaaSagen for several cases in one query (Min side's tasks), by case id. */
export async function klagerPaaSagerne(db: Db, sagIds: readonly string[]) {
  if (sagIds.length === 0) return new Map<string, { sagId: string; afgoerelseId: string }[]>();
  const q = forberedtMedListe(db, 'klage.paa-sagerne', sagIds.length, (liste) =>
    db
      .select({ sagId: klager.sagId, afgoerelseId: klager.afgoerelseId })
      .from(klager)
      .where(inArray(klager.sagId, liste))
      .prepare(),
  );
  return Map.groupBy(await q.execute(listeVaerdier(sagIds)), (k) => k.sagId);
}

/** A complaint for its receipt, through the access door. */
export async function hentKlage(db: Db, bruger: Bruger, sagId: string, klageId: string, now: Date) {
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'se-sager',
    sagId,
    { handling: 'se', hvad: 'Kvittering for klage' },
    now,
  );
  const klage = foerste(await db.select().from(klager).where(eq(klager.id, klageId)));
  return klage && klage.sagId === sag.id ? { sag, person, klage } : undefined;
}
