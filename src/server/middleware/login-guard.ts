import type { APIContext } from 'astro';
import { loginAdresse, omvejFor } from '#/features/login/loginkrav.ts';
import { kunDynamisk } from './dynamic.ts';

/** A form post is sent on with 303, so the browser fetches the login page with GET. */
export const omvej = (ctx: APIContext, til: string) =>
  ctx.redirect(til, ctx.request.method === 'GET' || ctx.request.method === 'HEAD' ? 302 : 303);

/** Login by route prefix (features/login/loginkrav.ts), with the way back to where the person was. */
export const loginVagt = kunDynamisk((ctx, next) => {
  const til = omvejFor(ctx.url, ctx.locals.bruger?.aktoer.type);
  return til ? omvej(ctx, til) : next();
});

/** A page asked for a login its prefix does not require (bruger.ts): send the person to login. */
export const tilLogin = (ctx: APIContext) =>
  omvej(ctx, omvejFor(ctx.url, undefined) ?? loginAdresse('borger', ctx.url.pathname + ctx.url.search));
