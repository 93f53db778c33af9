import { defineAction, ActionError, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { database } from '../lib/db.server.ts';
import { extendSession, setHandlerFor, udloeber } from '../features/login/session.ts';
import { IkkeFundet, type Bruger } from '../features/adgang/adgang.server.ts';
import { indsendKlage, KlageFejl, KlageSchema } from '../features/sager/klage.server.ts';
import { besvarPartshoering, PartshoeringSvarSchema } from '../features/sager/partshoering.server.ts';
import { angivBisidder, BisidderSchema, EmneSchema, MoedeFejl, tilfoejEmne } from '../features/moeder/moeder.server.ts';
import { tilbagekaldSamtykke, TilbagekaldSchema } from '../features/samtykker/samtykker.server.ts';
import { anmodOmFuldmagt, AnmodSchema, besvarAnmodning, BesvarSchema, FuldmagtFejl, tilbagekaldFuldmagt, TilbagekaldFuldmagtSchema } from '../features/fuldmagt/fuldmagt.server.ts';
import { gemTjekliste, TjeklisteSchema } from '../features/overgang/overgang.server.ts';
import { trinSchemas } from '../features/hjaelpemidler/ansoegning.ts';
import { AnsoegningFejl, gemBilag, gemTrin, indsendAnsoegning, sletBilag } from '../features/hjaelpemidler/ansoegning.server.ts';
import { filfejlTekst, sikkertFilnavn, tjekFil, MAKS_BYTES } from '../features/hjaelpemidler/filtjek.ts';
import { AfhentningFejl, AfhentningSchema, bestilAfhentning, FejlSchema, meldFejl } from '../features/hjaelpemidler/udlaan.server.ts';
import { getEntry } from 'astro:content';
import { AfgoerelseSchema, behandlKlage, FristSchema, forlaengFrist, KlagebehandlingSchema, naesteTrin, NaesteTrinSchema, overdragSag, OverdragSchema, SagsbehandlingFejl, traefAfgoerelse } from '../features/medarbejder/sagsbehandling.server.ts';
import { opretOvergangssag, OpretOvergangSchema } from '../features/medarbejder/overgang.server.ts';
import { BorgerFejl, DelmaalSchema, DelmaalStatusSchema, evaluerDelmaal, opretPlan, PlanSchema, KompasSchema, MoedeSchema, opretMoede, registrerKompas, registrerRelation, RelationSchema, tilfoejDelmaal } from '../features/medarbejder/borger.server.ts';
import { DepotStatusSchema, HjaelpemiddelFejl, opdaterDepot, vurderAnsoegning, VurderingSchema } from '../features/medarbejder/hjaelpemidler.server.ts';

/** Actions are public endpoints: each one checks who is asking, and answers in Danish. */
function bruger(ctx: ActionAPIContext): Bruger {
  if (!ctx.locals.bruger) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind. Log ind og prøv igen.' });
  return ctx.locals.bruger;
}

/** Runs a feature's write and turns its refusals into Danish action errors. */
function udfoer<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IkkeFundet) throw new ActionError({ code: 'NOT_FOUND', message: 'Vi kunne ikke finde det, du prøvede at ændre.' });
    if (e instanceof KlageFejl || e instanceof MoedeFejl || e instanceof FuldmagtFejl || e instanceof AnsoegningFejl || e instanceof AfhentningFejl || e instanceof SagsbehandlingFejl || e instanceof HjaelpemiddelFejl || e instanceof BorgerFejl) throw new ActionError({ code: 'BAD_REQUEST', message: e.message });
    throw e;
  }
}

/**
 * A form action whose handler is a feature's write `(db, bruger, input, now)`; the feature
 * goes through the access door itself.
 */
function skrivAction<S extends z.ZodType, T>(input: S, skriv: (db: ReturnType<typeof database>, b: Bruger, input: z.output<S>, now: Date) => T) {
  return defineAction({ accept: 'form', input, handler: async (data, ctx) => udfoer(() => skriv(database(), bruger(ctx), data as z.output<S>, ctx.locals.nu)) });
}

const Kladde = z.object({ kladdeId: z.string().min(1) });

/** One action per step of the application; each saves its answers into the draft. */
const trinAction = <S extends z.ZodObject>(schema: S) =>
  defineAction({
    accept: 'form',
    input: Kladde.extend(schema.shape),
    handler: async ({ kladdeId, ...svar }, ctx) => udfoer(() => gemTrin(database(), bruger(ctx), kladdeId, svar as Record<string, string>, ctx.locals.nu)),
  });

/** An attachment is checked by its content: the first bytes must be PDF, JPEG or PNG. */
const BilagSchema = Kladde.extend({
  fil: z.instanceof(File, { error: filfejlTekst.tom }).superRefine(async (fil, ctx) => {
    if (fil.size > MAKS_BYTES) return ctx.addIssue({ code: 'custom', message: filfejlTekst['for-stor'] });
    const r = tjekFil(fil.size, new Uint8Array(await fil.slice(0, 16).arrayBuffer()));
    if (!r.ok) ctx.addIssue({ code: 'custom', message: filfejlTekst[r.fejl] });
  }),
});

export const server = {
  /** "Forlæng": keeps the session alive before the inactivity timeout. */
  forlaengSession: defineAction({
    handler: async (_input, ctx) => {
      const session = ctx.locals.session;
      if (!session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind.' });
      extendSession(database(), session, ctx.locals.nu);
      return { udloeber: udloeber(session) };
    },
  }),

  /** A relative chooses whose data to see; only someone they may act for today, or themselves. */
  vaelgPerson: defineAction({
    accept: 'form',
    input: z.object({ personId: z.string({ error: 'Vælg en person.' }).min(1, 'Vælg en person.') }),
    handler: async ({ personId }, ctx) => {
      const b = bruger(ctx);
      const session = ctx.locals.session!;
      if (b.aktoer.type !== 'borger') throw new ActionError({ code: 'FORBIDDEN', message: 'Kun borgere kan vælge en person.' });
      const selv = b.aktoer.personId;
      const valgt = personId === selv ? { id: selv, navn: b.navn } : b.kanHandleFor.find((p) => p.id === personId);
      if (!valgt) throw new ActionError({ code: 'NOT_FOUND', message: 'Du kan ikke handle på vegne af den person.' });
      setHandlerFor(database(), session, valgt.id === selv ? null : valgt.id);
      return { navn: valgt.navn };
    },
  }),

  klag: skrivAction(KlageSchema, indsendKlage),

  svarPartshoering: skrivAction(PartshoeringSvarSchema, besvarPartshoering),

  tilfoejEmne: skrivAction(EmneSchema, tilfoejEmne),

  angivBisidder: skrivAction(BisidderSchema, angivBisidder),

  anmodOmFuldmagt: skrivAction(AnmodSchema, anmodOmFuldmagt),

  besvarFuldmagt: skrivAction(BesvarSchema, besvarAnmodning),

  tilbagekaldFuldmagt: skrivAction(TilbagekaldFuldmagtSchema, tilbagekaldFuldmagt),

  gemTjekliste: skrivAction(TjeklisteSchema, gemTjekliste),

  ansoegBehov: trinAction(trinSchemas.behov),
  ansoegHjaelpemiddel: trinAction(trinSchemas.hjaelpemiddel),
  ansoegVarighed: trinAction(trinSchemas.varighed),
  ansoegKontakt: trinAction(trinSchemas.kontakt),

  ansoegBilag: defineAction({
    accept: 'form',
    input: BilagSchema,
    handler: async ({ kladdeId, fil }, ctx) => {
      const bytes = new Uint8Array(await fil.arrayBuffer());
      const r = tjekFil(bytes.length, bytes.subarray(0, 16));
      if (!r.ok) throw new ActionError({ code: 'BAD_REQUEST', message: filfejlTekst[r.fejl] });
      return udfoer(() => gemBilag(database(), bruger(ctx), kladdeId, { navn: sikkertFilnavn(fil.name), type: r.type, bytes }, ctx.locals.nu));
    },
  }),

  sletBilag: defineAction({
    accept: 'form',
    input: Kladde.extend({ bilagId: z.string().min(1) }),
    handler: async ({ kladdeId, bilagId }, ctx) => udfoer(() => sletBilag(database(), bruger(ctx), kladdeId, bilagId, ctx.locals.nu)),
  }),

  ansoegIndsend: defineAction({
    accept: 'form',
    input: Kladde.extend({ hjaelpemiddel: z.string().optional() }),
    handler: async ({ kladdeId, hjaelpemiddel }, ctx) => {
      const entry = hjaelpemiddel && hjaelpemiddel !== 'ved-ikke' ? await getEntry('hjaelpemidler', hjaelpemiddel) : undefined;
      const katalog = entry ? { titel: entry.data.titel, lovgrundlag: entry.data.lovgrundlag } : null;
      return udfoer(() => indsendAnsoegning(database(), bruger(ctx), kladdeId, katalog, ctx.locals.nu));
    },
  }),

  meldFejl: skrivAction(FejlSchema, meldFejl),

  bestilAfhentning: skrivAction(AfhentningSchema, bestilAfhentning),

  // Staff: each handler checks through the access door that the user may handle the case.
  naesteTrin: skrivAction(NaesteTrinSchema, naesteTrin),
  forlaengFrist: skrivAction(FristSchema, forlaengFrist),
  overdragSag: skrivAction(OverdragSchema, overdragSag),
  traefAfgoerelse: skrivAction(AfgoerelseSchema, traefAfgoerelse),
  behandlKlage: skrivAction(KlagebehandlingSchema, behandlKlage),
  vurderHjaelpemiddel: skrivAction(VurderingSchema, vurderAnsoegning),
  opretOvergangssag: skrivAction(OpretOvergangSchema, opretOvergangssag),
  opretPlan: skrivAction(PlanSchema, opretPlan),
  evaluerDelmaal: skrivAction(DelmaalStatusSchema, evaluerDelmaal),
  opretMoede: skrivAction(MoedeSchema, opretMoede),
  tilfoejDelmaal: skrivAction(DelmaalSchema, tilfoejDelmaal),
  registrerKompas: skrivAction(KompasSchema, registrerKompas),
  registrerRelation: skrivAction(RelationSchema, registrerRelation),
  opdaterDepot: skrivAction(DepotStatusSchema, opdaterDepot),

  tilbagekaldSamtykke: skrivAction(TilbagekaldSchema, tilbagekaldSamtykke),
};
