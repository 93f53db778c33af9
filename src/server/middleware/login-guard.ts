import type { APIContext } from 'astro';
import { loginAdresse, omvejFor } from '#/features/login/loginkrav.ts';
import { parkerFormular } from '#/features/login/parkeret.server.ts';
import { database } from '#/lib/db.server.ts';
import { kunDynamisk } from './dynamic.ts';

/** A form post is sent on with 303, so the browser fetches the login page with GET. */
export const omvej = (ctx: APIContext, til: string) =>
  ctx.redirect(til, ctx.request.method === 'GET' || ctx.request.method === 'HEAD' ? 302 : 303);

/**
 * Login by route prefix (features/login/loginkrav.ts), with the way back to where the person was.
 * A form posted just after the session ran out is parked for that person first, so nothing typed is lost.
 */
export const loginVagt = kunDynamisk(async (ctx, next) => {
  const til = omvejFor(ctx.url, ctx.locals.bruger?.aktoer.type);
  if (!til) return next();
  if (ctx.request.method === 'POST' && ctx.locals.udloebet && !ctx.locals.bruger) {
    const form = await ctx.request.formData().catch(() => undefined);
    if (form) await parkerFormular(database(), ctx.locals.udloebet, ctx.url, form, ctx.cookies, ctx.locals.nu);
  }
  return omvej(ctx, til);
});

/** A page asked for a login its prefix does not require (bruger.ts): send the person to login. */
export const tilLogin = (ctx: APIContext) =>
  omvej(ctx, omvejFor(ctx.url, undefined) ?? loginAdresse('borger', ctx.url.pathname + ctx.url.search));
