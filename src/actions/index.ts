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
    if (e instanceof KlageFejl || e instanceof MoedeFejl || e instanceof FuldmagtFejl) throw new ActionError({ code: 'BAD_REQUEST', message: e.message });
    throw e;
  }
}

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

  klag: defineAction({
    accept: 'form',
    input: KlageSchema,
    handler: async (input, ctx) => udfoer(() => indsendKlage(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  svarPartshoering: defineAction({
    accept: 'form',
    input: PartshoeringSvarSchema,
    handler: async (input, ctx) => udfoer(() => besvarPartshoering(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  tilfoejEmne: defineAction({
    accept: 'form',
    input: EmneSchema,
    handler: async (input, ctx) => udfoer(() => tilfoejEmne(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  angivBisidder: defineAction({
    accept: 'form',
    input: BisidderSchema,
    handler: async (input, ctx) => udfoer(() => angivBisidder(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  anmodOmFuldmagt: defineAction({
    accept: 'form',
    input: AnmodSchema,
    handler: async (input, ctx) => udfoer(() => anmodOmFuldmagt(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  besvarFuldmagt: defineAction({
    accept: 'form',
    input: BesvarSchema,
    handler: async (input, ctx) => udfoer(() => besvarAnmodning(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  tilbagekaldFuldmagt: defineAction({
    accept: 'form',
    input: TilbagekaldFuldmagtSchema,
    handler: async (input, ctx) => udfoer(() => tilbagekaldFuldmagt(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  gemTjekliste: defineAction({
    accept: 'form',
    input: TjeklisteSchema,
    handler: async (input, ctx) => udfoer(() => gemTjekliste(database(), bruger(ctx), input, ctx.locals.nu)),
  }),

  tilbagekaldSamtykke: defineAction({
    accept: 'form',
    input: TilbagekaldSchema,
    handler: async (input, ctx) => udfoer(() => tilbagekaldSamtykke(database(), bruger(ctx), input, ctx.locals.nu)),
  }),
};
