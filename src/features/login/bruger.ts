/**
 * The logged-in user, for pages and endpoints. The login guard (src/server/middleware/login-guard.ts)
 * has already sent anyone without the right login away, so a throw here means a page is
 * missing from its prefix table; the error middleware then sends the person to login.
 */
import type { Aktoer } from '#/features/adgang/access.ts';
import type { Bruger } from '#/features/adgang/adgang.server.ts';

export class IkkeLoggetInd extends Error {
  constructor() {
    super('Ikke logget ind');
  }
}

export type Borger = Bruger & { aktoer: Extract<Aktoer, { type: 'borger' }>; handlerFor: { id: string; navn: string } };
export type Medarbejder = Bruger & { aktoer: Extract<Aktoer, { type: 'medarbejder' }> };

/** The user of a page any login may see. */
export function brugerFra(locals: App.Locals): Bruger {
  if (!locals.bruger) throw new IkkeLoggetInd();
  return locals.bruger;
}

/** The citizen of a citizen's page, with the person they act for now. */
export function borgerFra(locals: App.Locals): Borger {
  const bruger = brugerFra(locals);
  const { aktoer, handlerFor } = bruger;
  if (aktoer.type !== 'borger' || !handlerFor) throw new IkkeLoggetInd();
  return { ...bruger, aktoer, handlerFor };
}

/** The staff member of a staff page. */
export function medarbejderFra(locals: App.Locals): Medarbejder {
  const bruger = brugerFra(locals);
  const { aktoer } = bruger;
  if (aktoer.type !== 'medarbejder') throw new IkkeLoggetInd();
  return { ...bruger, aktoer };
}
