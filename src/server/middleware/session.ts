import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { deleteSessionCookie, SESSION_COOKIE } from '#/features/login/cookie.ts';
import { validateSessionToken } from '#/features/login/session.ts';
import { database } from '#/lib/db.server.ts';
import { kunDynamisk } from './dynamic.ts';

/** The session and user behind the cookie, in locals; a page for a user is never cached. */
export const session = kunDynamisk(async (ctx, next) => {
  const token = ctx.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const db = database();
    const s = validateSessionToken(db, token, ctx.locals.nu);
    const bruger = s && loadBruger(db, s, ctx.locals.nu);
    if (s && bruger) {
      ctx.locals.session = s;
      ctx.locals.bruger = bruger;
    } else {
      deleteSessionCookie(ctx.cookies, ctx.url);
    }
  }
  const response = await next();
  if (ctx.locals.bruger) response.headers.set('Cache-Control', 'no-store');
  return response;
});
