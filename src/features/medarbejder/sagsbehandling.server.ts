/**
 * What a caseworker does on a case. Every change goes through the access door (audit-logged)
 * and leaves a plain-language event in the history the citizen sees, in one transaction.
 */
import { z } from 'astro/zod';
import { and, eq } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevSag } from '#/features/adgang/adgang.server.ts';
import { registrerAfgoerelse } from '#/features/sager/afgoerelse.server.ts';
import { forsendelseFelt, udfaldVaerdier } from '#/features/sager/afgoerelse.ts';
import { skrivBrev } from '#/features/sager/breve.server.ts';
import { kraevEjerskab } from '#/features/sager/ejerskab.ts';
import { gaeldendeFrist, partshoeringVenter } from '#/features/sager/frister.ts';
import { brevLagtPaaSagen, fristForlaenget, skrivHaendelse, trinMedBesked } from '#/features/sager/haendelser.ts';
import { genvurderKlage } from '#/features/sager/klage.server.ts';
import { aabenPartshoering, sendPartshoering } from '#/features/sager/partshoering.server.ts';
import { saetFrist, saetTrin, skiftSagsbehandler } from '#/features/sager/sagsskrivning.server.ts';
import { PARTSHOERING_TRIN } from '#/features/sager/trin.ts';
import { dagen, plusDage } from '#/lib/dato.ts';
import { dagFelt } from '#/lib/datofelt.ts';
import { defined } from '#/lib/defined.ts';
import { enGangPrNoegle, formularnoegle } from '#/lib/formularnoegle.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { klager, medarbejdere } from '../../../db/schema.ts';

export class SagsbehandlingFejl extends Error {}

export const NaesteTrinSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  besked: z
    .string({ error: 'Skriv en besked til borgeren.' })
    .trim()
    .min(10, 'Skriv en besked til borgeren med almindelige ord – mindst 10 tegn.')
    .max(500, 'Højst 500 tegn.'),
});
export const FristSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  nyFrist: dagFelt('Vælg den nye forventede dato.'),
  begrundelse: z
    .string({ error: 'Skriv begrundelsen. Borgeren skal kende den.' })
    .trim()
    .min(10, 'Skriv begrundelsen – mindst 10 tegn. Borgeren skal kende den.')
    .max(500, 'Højst 500 tegn.'),
});
export const OverdragSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  tilId: z.string({ error: 'Vælg den nye sagsbehandler.' }).min(1, 'Vælg den nye sagsbehandler.'),
  planlagt: z.enum(['ja', 'nej'], { error: 'Vælg, om skiftet er planlagt.' }),
  midlertidig: z.enum(['ja', 'nej'], { error: 'Vælg, om skiftet er midlertidigt.' }),
  begrundelse: z.string().trim().max(300, 'Højst 300 tegn.').optional(),
});

export const AfgoerelseSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  udfald: z.enum(udfaldVaerdier, { error: 'Vælg afgørelsen.' }),
  forsendelse: forsendelseFelt,
  begrundelse: z
    .string({ error: 'Skriv begrundelsen.' })
    .trim()
    .min(10, 'Skriv begrundelsen – mindst 10 tegn.')
    .max(3000, 'Højst 3.000 tegn.'),
  brev: z
    .string({ error: 'Skriv brevet til borgeren.' })
    .trim()
    .min(20, 'Skriv brevet til borgeren – mindst 20 tegn.')
    .max(10000, 'Højst 10.000 tegn.'),
});
export const KlagebehandlingSchema = z
  .object({
    sagId: z.string().min(1),
    noegle: formularnoegle,
    klageId: z.string().min(1),
    resultat: z.enum(['fastholdt', 'aendret'], { error: 'Vælg resultatet af genvurderingen.' }),
    begrundelse: z
      .string({ error: 'Skriv begrundelsen.' })
      .trim()
      .min(10, 'Skriv begrundelsen – mindst 10 tegn.')
      .max(3000, 'Højst 3.000 tegn.'),
    // A changed decision is a new decision: its outcome and its letter, with a new klagevejledning.
    udfald: z.enum(udfaldVaerdier).optional().catch(undefined),
    forsendelse: forsendelseFelt,
    brev: z.string().trim().max(10000, 'Højst 10.000 tegn.').optional(),
  })
  .superRefine((k, ctx) => {
    if (k.resultat !== 'aendret') return;
    if (!k.udfald) ctx.addIssue({ code: 'custom', path: ['udfald'], message: 'Vælg den nye afgørelse.' });
    if (!k.brev || k.brev.length < 20)
      ctx.addIssue({ code: 'custom', path: ['brev'], message: 'Skriv brevet med den nye afgørelse – mindst 20 tegn.' });
  });

function medarbejderId(bruger: Bruger): string {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  return bruger.aktoer.medarbejderId;
}

export async function naesteTrin(db: Db, bruger: Bruger, input: z.output<typeof NaesteTrinSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'ret', hvad: 'Sagen flyttet til næste trin' },
    now,
  );
  kraevEjerskab(sag, 'trin', null);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        // After partshøring comes the decision, which has its own form with klagevejledning.
        if (sag.trin >= PARTSHOERING_TRIN)
          throw new SagsbehandlingFejl('Næste trin er afgørelsen. Brug "Træf afgørelse".');
        const trin = sag.trin + 1;
        await saetTrin(tx, sag.id, { trin, trinTekst: input.besked }, trinMedBesked(trin, input.besked), now, m);
        return sag.id;
      }),
  );
  return { sagId };
}

export async function forlaengFrist(db: Db, bruger: Bruger, input: z.output<typeof FristSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'ret', hvad: 'Ny forventet svardato' },
    now,
  );
  kraevEjerskab(sag, 'frist', null);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        if (input.nyFrist <= dagen(now)) throw new SagsbehandlingFejl('Den nye dato skal ligge efter i dag.');
        const frist = { nyFrist: input.nyFrist, nyFristBegrundelse: input.begrundelse };
        await saetFrist(
          tx,
          sag.id,
          frist,
          fristForlaenget(gaeldendeFrist(sag), input.nyFrist, input.begrundelse),
          now,
          m,
        );
        return sag.id;
      }),
  );
  return { sagId };
}

export async function overdragSag(db: Db, bruger: Bruger, input: z.output<typeof OverdragSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'ret', hvad: 'Ny sagsbehandler' },
    now,
  );
  kraevEjerskab(sag, 'sagsbehandler', null);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        const til = foerste(
          await tx
            .select()
            .from(medarbejdere)
            .where(and(eq(medarbejdere.id, input.tilId), eq(medarbejdere.aktiv, true))),
        );
        if (!til) throw new SagsbehandlingFejl('Vælg en aktiv medarbejder.');
        if (til.id === sag.sagsbehandlerId) throw new SagsbehandlingFejl(`${til.navn} har allerede sagen.`);
        const skift = {
          planlagt: input.planlagt === 'ja',
          midlertidig: input.midlertidig === 'ja',
          begrundelse: input.begrundelse || null,
        };
        await skiftSagsbehandler(tx, sag, til, skift, now, m);
        return sag.id;
      }),
  );
  return { sagId };
}

/** A decision with its letter; a re-sent form writes nothing more, and a decided case is refused. */
export async function traefAfgoerelse(db: Db, bruger: Bruger, input: z.output<typeof AfgoerelseSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'opret', hvad: 'Afgørelse' },
    now,
  );
  kraevEjerskab(sag, 'afgoerelse', null);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        const kilde = { type: 'sagsbehandler', medarbejderId: m, brev: input.brev } as const;
        const { udfald, begrundelse, forsendelse } = input;
        await registrerAfgoerelse(tx, sag, { udfald, begrundelse, forsendelse, kilde }, now);
        return sag.id;
      }),
  );
  return { sagId };
}

export async function behandlKlage(db: Db, bruger: Bruger, input: z.output<typeof KlagebehandlingSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'ret', hvad: 'Genvurdering af klage' },
    now,
  );
  kraevEjerskab(sag, 'afgoerelse', null);
  const klage = foerste(await db.select().from(klager).where(eq(klager.id, input.klageId)));
  if (!klage || klage.sagId !== sag.id) throw new IkkeFundet();
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        if (!(await genvurderKlage(tx, klage, input.resultat, input.begrundelse, now, m)))
          throw new SagsbehandlingFejl('Klagen er allerede genvurderet.');
        // The changed decision reaches the citizen as a decision: its letter, klagevejledning and a new
        // complaint deadline, in the same transaction (the schema requires both fields for 'aendret').
        if (input.resultat === 'aendret') {
          const kilde = { type: 'sagsbehandler', medarbejderId: m, brev: defined(input.brev, 'Brevet') } as const;
          const udfald = defined(input.udfald, 'Den nye afgørelse');
          const { begrundelse, forsendelse } = input;
          await registrerAfgoerelse(tx, sag, { udfald, begrundelse, forsendelse, kilde }, now);
        }
        return sag.id;
      }),
  );
  return { sagId };
}

export const PartshoeringSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  materiale: z
    .string({ error: 'Skriv de oplysninger, borgeren skal have mulighed for at kommentere.' })
    .trim()
    .min(20, 'Skriv de oplysninger, borgeren skal kommentere – mindst 20 tegn.')
    .max(10000, 'Højst 10.000 tegn.'),
  svarfrist: dagFelt('Vælg, hvornår borgeren senest skal svare.'),
});

/** How long a partshøring may run: long enough to answer, short enough that the case moves on. */
const LAENGSTE_SVARFRIST_DAGE = 60;

/** A partshøring from the caseworker: the material as a letter, and the case at the step "Partshøring". */
export async function sendPartshoeringTilBorger(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof PartshoeringSchema>,
  now: Date,
) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'opret', hvad: 'Partshøring' },
    now,
  );
  kraevEjerskab(sag, 'breve', null);
  const idag = dagen(now);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        if (input.svarfrist <= idag) throw new SagsbehandlingFejl('Svarfristen skal ligge efter i dag.');
        if (input.svarfrist > plusDage(idag, LAENGSTE_SVARFRIST_DAGE))
          throw new SagsbehandlingFejl(`Svarfristen må højst være ${LAENGSTE_SVARFRIST_DAGE} dage fra i dag.`);
        if (partshoeringVenter(await aabenPartshoering(tx, sag.id), idag))
          throw new SagsbehandlingFejl('Borgeren har allerede en partshøring, der venter på svar.');
        await sendPartshoering(tx, sag, { materiale: input.materiale, svarfrist: input.svarfrist }, now, m, null);
        return sag.id;
      }),
  );
  return { sagId };
}

export const BrevSchema = z.object({
  sagId: z.string().min(1),
  noegle: formularnoegle,
  titel: z
    .string({ error: 'Skriv brevets overskrift.' })
    .trim()
    .min(3, 'Skriv brevets overskrift – mindst 3 tegn.')
    .max(200, 'Højst 200 tegn.'),
  tekst: z
    .string({ error: 'Skriv brevet.' })
    .trim()
    .min(20, 'Skriv brevet – mindst 20 tegn.')
    .max(20000, 'Højst 20.000 tegn.'),
});

/** A letter from the caseworker, on the case and in the citizen's history, printable from "Breve og dokumenter". */
export async function laegBrevPaaSagen(db: Db, bruger: Bruger, input: z.output<typeof BrevSchema>, now: Date) {
  const m = medarbejderId(bruger);
  const { sag } = await kraevSag(db, bruger, 'behandle-sag', input.sagId, { handling: 'opret', hvad: 'Brev' }, now);
  kraevEjerskab(sag, 'breve', null);
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        await skrivBrev(
          tx,
          sag,
          { type: 'brev', titel: input.titel, dato: dagen(now), indhold: input.tekst },
          now,
          null,
        );
        await skrivHaendelse(tx, sag.id, brevLagtPaaSagen(input.titel), now, m);
        return sag.id;
      }),
  );
  return { sagId };
}
