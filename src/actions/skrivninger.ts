/**
 * The form actions that are a schema plus a feature's write, as a plain table: index.ts makes
 * each one an Astro Action, and the tests, which cannot load `astro:actions`, parse and write
 * with the very same pairs and the same transaction.
 */

import { z } from 'astro/zod';
import { afvisNulTegn, NulTegnFejl } from '#/lib/nul-tegn.ts';
import '#/lib/zod-dansk.ts';
import { type Bruger, IkkeFundet } from '#/features/adgang/adgang.server.ts';
import {
  BeskedFejl,
  BeskedPaaSagSchema,
  besvarTraad,
  GenerelBeskedSchema,
  LukTraadSchema,
  lukTraad,
  OverdragTraadSchema,
  overdragTraad,
  SvarSchema,
  skrivBeskedPaaSag,
  skrivGenerelBesked,
} from '#/features/beskeder/beskeder.server.ts';
import {
  AnmodSchema,
  anmodOmFuldmagt,
  BesvarSchema,
  besvarAnmodning,
  FuldmagtFejl,
  TilbagekaldFuldmagtSchema,
  tilbagekaldFuldmagt,
} from '#/features/fuldmagt/fuldmagt.server.ts';
import {
  AnsoegningFejl,
  gemBilag,
  gemSkridt,
  indsendAnsoegning,
  sletBilag,
} from '#/features/hjaelpemidler/ansoegning.server.ts';
import { type Kladde as KladdeSvar, skridtSchemas } from '#/features/hjaelpemidler/ansoegning.ts';
import { filFelt, filfejlTekst, sikkertFilnavn, tjekFil } from '#/features/hjaelpemidler/filtjek.ts';
import {
  AfhentningFejl,
  AfhentningSchema,
  bestilAfhentning,
  FejlmeldingSchema,
  meldFejl,
  UdlaanAfsluttet,
} from '#/features/hjaelpemidler/udlaan.server.ts';
import {
  BorgerFejl,
  DelmaalSchema,
  DelmaalStatusSchema,
  evaluerDelmaal,
  KompasSchema,
  MoedeSchema,
  opretMoede,
  opretPlan,
  PlanSchema,
  RelationSchema,
  registrerKompas,
  registrerRelation,
  tilfoejDelmaal,
} from '#/features/medarbejder/borger.server.ts';
import {
  DepotStatusSchema,
  HjaelpemiddelFejl,
  LeveringSchema,
  markerLeveret,
  opdaterDepot,
  VurderingSchema,
  vurderAnsoegning,
} from '#/features/medarbejder/hjaelpemidler.server.ts';
import { OpretOvergangSchema, opretOvergangssag } from '#/features/medarbejder/overgang.server.ts';
import {
  AfgoerelseSchema,
  BrevSchema,
  behandlKlage,
  FristSchema,
  forlaengFrist,
  KlagebehandlingSchema,
  laegBrevPaaSagen,
  NaesteTrinSchema,
  naesteTrin,
  OverdragSchema,
  overdragSag,
  PartshoeringSchema,
  SagsbehandlingFejl,
  sendPartshoeringTilBorger,
  traefAfgoerelse,
} from '#/features/medarbejder/sagsbehandling.server.ts';
import { angivBisidder, BisidderSchema, EmneSchema, MoedeFejl, tilfoejEmne } from '#/features/moeder/moeder.server.ts';
import {
  bekraeftKode,
  KodeSchema,
  KontaktFejl,
  KontaktvalgSchema,
  vaelgKontakt,
} from '#/features/notifikationer/kontaktvalg.server.ts';
import { gemTjekliste, TjeklisteSchema } from '#/features/overgang/overgang.server.ts';
import { MediefilFejl } from '#/features/redaktion/mediefiler.server.ts';
import { RedigeringsAfvisning } from '#/features/redaktion/redigering.server.ts';
import { AfgoerelseFejl } from '#/features/sager/afgoerelse.server.ts';
import {
  AktindsigtBesvaretSchema,
  AktindsigtFejl,
  AktindsigtSchema,
  bedOmAktindsigt,
  besvarAktindsigt,
} from '#/features/sager/aktindsigt.server.ts';
import { EjerskabsFejl } from '#/features/sager/ejerskab.ts';
import { indsendKlage, KlageFejl, KlageSchema } from '#/features/sager/klage.server.ts';
import { besvarPartshoering, PartshoeringFejl, PartshoeringSvarSchema } from '#/features/sager/partshoering.server.ts';
import { TilbagekaldSchema, tilbagekaldSamtykke } from '#/features/samtykker/samtykker.server.ts';
import { GenbrugtNoegle } from '#/lib/formularnoegle.server.ts';
import type { Db } from '../../db/client.ts';

/** A feature's write: it goes through the access door itself. */
export interface Skrivning<S extends z.ZodType = z.ZodType, T = unknown> {
  input: S;
  skriv: (db: Db, bruger: Bruger, input: z.output<S>, now: Date) => T;
}

/** Ties a schema to the write that takes its output. */
const skrivning = <S extends z.ZodType, T>(
  input: S,
  skriv: (db: Db, bruger: Bruger, input: z.output<S>, now: Date) => T,
): Skrivning<S, T> => ({ input, skriv });

export const KladdeSchema = z.object({ kladdeId: z.string().min(1) });

/** One step of the application: its answers go into the draft. */
const skridt = <S extends z.ZodObject>(schema: S) =>
  skrivning(KladdeSchema.extend(schema.shape), async (db, bruger, input, now) => {
    const { kladdeId, ...svar } = input as { kladdeId: string } & KladdeSvar;
    return await gemSkridt(db, bruger, kladdeId, svar, now);
  });

/** Submitting the draft; the action looks the catalogue entry up before it writes. */
export const IndsendSchema = KladdeSchema;

/** An attachment is checked by its content: the first bytes must be PDF, JPEG or PNG. */
export const BilagSchema = KladdeSchema.extend({ fil: filFelt() });

export const skrivninger = {
  klag: skrivning(KlageSchema, indsendKlage),
  bedOmAktindsigt: skrivning(AktindsigtSchema, bedOmAktindsigt),
  skrivBesked: skrivning(BeskedPaaSagSchema, skrivBeskedPaaSag),
  skrivGenerelBesked: skrivning(GenerelBeskedSchema, skrivGenerelBesked),
  svarPartshoering: skrivning(PartshoeringSvarSchema, besvarPartshoering),
  tilfoejEmne: skrivning(EmneSchema, tilfoejEmne),
  angivBisidder: skrivning(BisidderSchema, angivBisidder),
  anmodOmFuldmagt: skrivning(AnmodSchema, anmodOmFuldmagt),
  besvarFuldmagt: skrivning(BesvarSchema, besvarAnmodning),
  tilbagekaldFuldmagt: skrivning(TilbagekaldFuldmagtSchema, tilbagekaldFuldmagt),
  gemTjekliste: skrivning(TjeklisteSchema, gemTjekliste),
  vaelgBeskedOmNyt: skrivning(KontaktvalgSchema, vaelgKontakt),
  bekraeftKode: skrivning(KodeSchema, bekraeftKode),
  tilbagekaldSamtykke: skrivning(TilbagekaldSchema, tilbagekaldSamtykke),

  ansoegBehov: skridt(skridtSchemas.behov),
  ansoegHjaelpemiddel: skridt(skridtSchemas.hjaelpemiddel),
  ansoegVarighed: skridt(skridtSchemas.varighed),
  ansoegKontakt: skridt(skridtSchemas.kontakt),
  sletBilag: skrivning(
    KladdeSchema.extend({ bilagId: z.string().min(1) }),
    async (db, bruger, { kladdeId, bilagId }, now) => await sletBilag(db, bruger, kladdeId, bilagId, now),
  ),

  meldFejl: skrivning(FejlmeldingSchema, meldFejl),
  bestilAfhentning: skrivning(AfhentningSchema, bestilAfhentning),

  // Staff: each write checks through the access door that the user may handle the case.
  naesteTrin: skrivning(NaesteTrinSchema, naesteTrin),
  forlaengFrist: skrivning(FristSchema, forlaengFrist),
  overdragSag: skrivning(OverdragSchema, overdragSag),
  traefAfgoerelse: skrivning(AfgoerelseSchema, traefAfgoerelse),
  behandlKlage: skrivning(KlagebehandlingSchema, behandlKlage),
  sendPartshoering: skrivning(PartshoeringSchema, sendPartshoeringTilBorger),
  laegBrev: skrivning(BrevSchema, laegBrevPaaSagen),
  besvarAktindsigt: skrivning(AktindsigtBesvaretSchema, besvarAktindsigt),
  vurderHjaelpemiddel: skrivning(VurderingSchema, vurderAnsoegning),
  opretOvergangssag: skrivning(OpretOvergangSchema, opretOvergangssag),
  opretPlan: skrivning(PlanSchema, opretPlan),
  evaluerDelmaal: skrivning(DelmaalStatusSchema, evaluerDelmaal),
  opretMoede: skrivning(MoedeSchema, opretMoede),
  tilfoejDelmaal: skrivning(DelmaalSchema, tilfoejDelmaal),
  registrerKompas: skrivning(KompasSchema, registrerKompas),
  registrerRelation: skrivning(RelationSchema, registrerRelation),
  opdaterDepot: skrivning(DepotStatusSchema, opdaterDepot),
  markerLeveret: skrivning(LeveringSchema, markerLeveret),
  besvarBesked: skrivning(SvarSchema, besvarTraad),
  overdragTraad: skrivning(OverdragTraadSchema, overdragTraad),
  lukTraad: skrivning(LukTraadSchema, lukTraad),
};

/** The refusals features throw on purpose, each with a Danish message for the person. */
export const afvisninger = [
  AfgoerelseFejl,
  AktindsigtFejl,
  BeskedFejl,
  KontaktFejl,
  GenbrugtNoegle,
  KlageFejl,
  PartshoeringFejl,
  MoedeFejl,
  FuldmagtFejl,
  AnsoegningFejl,
  AfhentningFejl,
  SagsbehandlingFejl,
  HjaelpemiddelFejl,
  BorgerFejl,
  NulTegnFejl,
  EjerskabsFejl,
  UdlaanAfsluttet,
  RedigeringsAfvisning,
  MediefilFejl,
] as const;

export const erAfvisning = (e: unknown): e is Error => afvisninger.some((k) => e instanceof k);

/** What an action may end in besides success: "not found" (also for no access) or a refusal. */
export const erKendtUdfald = (e: unknown): e is Error => e instanceof IkkeFundet || erAfvisning(e);

/**
 * Runs a write in one transaction, so a refusal half-way (after the access door has logged
 * the attempt, or after a draft was touched) leaves nothing behind. The feature's own
 * transaction, and every statement `fn` sends through `db`, runs inside this one (db/client.ts).
 */
export async function iTransaktion<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return await db.transaction(async () => await fn());
}

/** One submission of `s`: what the action's handler does once the input is valid. */
export async function udfoerSkrivning<S extends z.ZodType, T>(
  db: Db,
  s: Skrivning<S, T>,
  bruger: Bruger,
  input: z.output<S>,
  now: Date,
): Promise<T> {
  afvisNulTegn(input);
  return await iTransaktion(db, async () => await s.skriv(db, bruger, input, now));
}

/** ansoegBilag: the file's bytes checked, then saved to the draft in one transaction. */
export async function gemBilagFraFormular(
  db: Db,
  bruger: Bruger,
  { kladdeId, fil }: z.output<typeof BilagSchema>,
  now: Date,
) {
  afvisNulTegn(kladdeId);
  const bytes = new Uint8Array(await fil.arrayBuffer());
  const r = tjekFil(bytes.length, bytes.subarray(0, 16));
  if (!r.ok) throw new AnsoegningFejl(filfejlTekst[r.fejl]);
  return await iTransaktion(
    db,
    async () => await gemBilag(db, bruger, kladdeId, { navn: sikkertFilnavn(fil.name), type: r.type, bytes }, now),
  );
}

/** ansoegIndsend: the draft becomes an application, in one transaction. */
export async function indsendKladde(
  db: Db,
  bruger: Bruger,
  kladdeId: string,
  katalog: Parameters<typeof indsendAnsoegning>[3],
  now: Date,
) {
  afvisNulTegn(kladdeId);
  return await iTransaktion(db, async () => await indsendAnsoegning(db, bruger, kladdeId, katalog, now));
}
