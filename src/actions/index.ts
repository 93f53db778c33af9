import { type ActionAPIContext, ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import '#/lib/zod-dansk.ts';
import { miljoe } from '#/config/miljoe.ts';
import { type Bruger, IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { gemKladde, KladdeSchema, kladdeEjer } from '#/features/kladder/kladder.server.ts';
import { extendSession, setHandlerFor, udloeber } from '#/features/login/session.ts';
import { kanalerFraMiljoe } from '#/features/notifikationer/kanaler.server.ts';
import {
  ForkertKode,
  KodeSchema,
  KontaktvalgSchema,
  sendKoder,
  taelForsoeg,
} from '#/features/notifikationer/kontaktvalg.server.ts';
import { gemMediefil, MediefilSchema } from '#/features/redaktion/mediefiler.server.ts';
import { offentligtIndhold } from '#/features/redaktion/offentlig.server.ts';
import { RedigeringSchema, redigerIndhold } from '#/features/redaktion/redigering.server.ts';
import { Afvisning } from '#/lib/afvisning.ts';
import { database } from '#/lib/db.server.ts';
import { defined } from '#/lib/defined.ts';
import { afvisNulTegn } from '#/lib/nul-tegn.ts';
import {
  BilagSchema,
  erAfvisning,
  gemBilagFraFormular,
  IndsendSchema,
  indsendKladde,
  type Skrivning,
  skrivninger,
  udfoerSkrivning,
} from './skrivninger.ts';

/** Actions are public endpoints: each one checks who is asking, and answers in Danish. */
function bruger(ctx: ActionAPIContext): Bruger {
  if (!ctx.locals.bruger)
    throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind. Log ind og prøv igen.' });
  return ctx.locals.bruger;
}

/**
 * Runs a feature's write and turns its refusals into Danish action errors. A refusal about one
 * field (lib/afvisning.ts) also names it in `locals`, so the page shows it at that field.
 */
async function udfoer<T>(fn: () => Promise<T>, ctx?: ActionAPIContext): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof IkkeFundet)
      throw new ActionError({ code: 'NOT_FOUND', message: 'Vi kunne ikke finde det, du prøvede at ændre.' });
    if (ctx && e instanceof Afvisning && e.felt) ctx.locals.afvistFelt = e.felt;
    if (erAfvisning(e)) throw new ActionError({ code: 'BAD_REQUEST', message: e.message });
    throw e;
  }
}

/** A form action whose handler is a feature's write from the table in skrivninger.ts. */
function skrivAction<S extends z.ZodType, T>(s: Skrivning<S, T>) {
  // With S itself Astro's handler type stays a conditional type TypeScript cannot resolve; the
  // schema validates the input before the handler runs, so its output is z.output<S>.
  return defineAction<T, 'form', z.ZodType>({
    accept: 'form',
    input: s.input,
    handler: async (data, ctx) =>
      await udfoer(
        async () => await udfoerSkrivning(database(), s, bruger(ctx), data as z.output<S>, ctx.locals.nu),
        ctx,
      ),
  });
}

const skrivActions = Object.fromEntries(
  Object.entries(skrivninger).map(([navn, s]) => [navn, skrivAction(s as Skrivning)]),
) as {
  [K in keyof typeof skrivninger]: (typeof skrivninger)[K] extends Skrivning<infer S, infer T>
    ? ReturnType<typeof skrivAction<S, T>>
    : never;
};

export const server = {
  /** "Forlæng": keeps the session alive before the inactivity timeout. */
  forlaengSession: defineAction({
    handler: async (_input, ctx) => {
      const session = ctx.locals.session;
      if (!session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind.' });
      await extendSession(database(), session, ctx.locals.nu);
      return { udloeber: udloeber(session) };
    },
  }),

  /**
   * A draft of a free-text form, saved by the page's script while the person types
   * (features/kladder). Also activity: the answer carries the session's new end for the warning.
   */
  gemKladde: defineAction({
    input: KladdeSchema,
    handler: async (kladde, ctx) => {
      bruger(ctx);
      const session = defined(ctx.locals.session, 'Sessionen');
      await udfoer(async () => afvisNulTegn(kladde));
      await gemKladde(database(), kladdeEjer(session), kladde, ctx.locals.nu);
      return { udloeber: udloeber(session) };
    },
  }),

  /** A relative chooses whose data to see; only someone they may act for today, or themselves. */
  vaelgPerson: defineAction({
    accept: 'form',
    input: z.object({ personId: z.string({ error: 'Vælg en person.' }).min(1, 'Vælg en person.') }),
    handler: async ({ personId }, ctx) => {
      await udfoer(async () => afvisNulTegn(personId));
      const b = bruger(ctx);
      const session = ctx.locals.session;
      if (!session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind.' });
      if (b.aktoer.type !== 'borger')
        throw new ActionError({ code: 'FORBIDDEN', message: 'Kun borgere kan vælge en person.' });
      const selv = b.aktoer.personId;
      const valgt = personId === selv ? { id: selv, navn: b.navn } : b.kanHandleFor.find((p) => p.id === personId);
      if (!valgt) throw new ActionError({ code: 'NOT_FOUND', message: 'Du kan ikke handle på vegne af den person.' });
      await setHandlerFor(database(), session, valgt.id === selv ? null : valgt.id);
      return { navn: valgt.navn };
    },
  }),

  ...skrivActions,

  /** The choice is saved first; the codes go after the commit, and never back to the browser. */
  vaelgBeskedOmNyt: defineAction({
    accept: 'form',
    input: KontaktvalgSchema,
    handler: async (data, ctx) => {
      const { koder } = await udfoer(
        async () => await udfoerSkrivning(database(), skrivninger.vaelgBeskedOmNyt, bruger(ctx), data, ctx.locals.nu),
      );
      const ikkeSendt = await sendKoder(kanalerFraMiljoe(miljoe()), koder);
      return { kodeSendt: koder.map((k) => k.kanal), ikkeSendt };
    },
  }),

  /** A wrong code counts as an attempt, also though the refusal rolls the write back. */
  bekraeftKode: defineAction({
    accept: 'form',
    input: KodeSchema,
    handler: async (data, ctx) =>
      await udfoer(async () => {
        try {
          return await udfoerSkrivning(database(), skrivninger.bekraeftKode, bruger(ctx), data, ctx.locals.nu);
        } catch (e) {
          if (e instanceof ForkertKode) await taelForsoeg(database(), e.kodeId);
          throw e;
        }
      }),
  }),

  /** An editor saves, sends, approves, publishes, takes down or restores a content entry (issue 16). */
  redigerIndhold: defineAction({
    accept: 'form',
    input: RedigeringSchema,
    handler: async (r, ctx) =>
      await udfoer(async () => await redigerIndhold(database(), bruger(ctx), r, ctx.locals.nu), ctx),
  }),

  /** An editor uploads an image (with its alternative text) or a PDF for the content. */
  uploadMediefil: defineAction({
    accept: 'form',
    input: MediefilSchema,
    handler: async (data, ctx) =>
      await udfoer(async () => await gemMediefil(database(), bruger(ctx), data, ctx.locals.nu), ctx),
  }),

  ansoegBilag: defineAction({
    accept: 'form',
    input: BilagSchema,
    handler: async (data, ctx) =>
      await udfoer(async () => await gemBilagFraFormular(database(), bruger(ctx), data, ctx.locals.nu)),
  }),

  ansoegIndsend: defineAction({
    accept: 'form',
    input: IndsendSchema,
    handler: async ({ kladdeId }, ctx) => {
      // The whole (small) catalogue, so the draft's own choice is looked up: never getEntry with
      // what a form sent, which also logs an unknown id (a person's text) as a warning.
      const katalog = new Map(
        (await offentligtIndhold.liste(database(), 'hjaelpemidler', ctx.locals.nu)).map((e) => [
          e.id,
          { titel: e.data.titel, lovgrundlag: e.data.lovgrundlag },
        ]),
      );
      return await udfoer(
        async () => await indsendKladde(database(), bruger(ctx), kladdeId, (id) => katalog.get(id), ctx.locals.nu),
      );
    },
  }),
};
