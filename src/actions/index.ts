import { defineAction, ActionError } from 'astro:actions';
import { z } from 'astro/zod';
import { database } from '../lib/db.server.ts';
import { extendSession, setHandlerFor, udloeber } from '../features/login/session.ts';

/** Actions are public endpoints: each one checks who is asking. */
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
      const { session, bruger } = ctx.locals;
      if (!session || !bruger || bruger.aktoer.type !== 'borger') throw new ActionError({ code: 'UNAUTHORIZED', message: 'Du er ikke logget ind.' });
      const selv = bruger.aktoer.personId;
      const valgt = personId === selv ? { id: selv, navn: bruger.navn } : bruger.kanHandleFor.find((p) => p.id === personId);
      if (!valgt) throw new ActionError({ code: 'NOT_FOUND', message: 'Du kan ikke handle på vegne af den person.' });
      setHandlerFor(database(), session, valgt.id === selv ? null : valgt.id);
      return { navn: valgt.navn };
    },
  }),
};

