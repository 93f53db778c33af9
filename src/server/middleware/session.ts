import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { Forespoergsel } from '#/features/adgang/forespoergsel.server.ts';
import { deleteSessionCookie, SESSION_COOKIE } from '#/features/login/cookie.ts';
import { laesSession } from '#/features/login/session.ts';
import { database } from '#/lib/db.server.ts';
import { kunDynamisk } from './dynamic.ts';

/**
 * The session and user behind the cookie, in locals; a page for a user is never cached.
 * A read (GET/HEAD) gets the request's memory (forespoergsel.server.ts): the door's facts are
 * read once, and its audit rows are committed, with other requests' in one transaction,
 * before the response leaves here. A failed commit is an error, never a page without its log.
 */
export const session = kunDynamisk(async (ctx, next) => {
  const token = ctx.cookies.get(SESSION_COOKIE)?.value;
  let forespoergsel: Forespoergsel | undefined;
  if (token) {
    const db = database();
    const laest = await laesSession(db, token, ctx.locals.nu);
    const s = laest && 'session' in laest ? laest.session : null;
    if (laest && 'udloebet' in laest) ctx.locals.udloebet = laest.udloebet;
    const laesning = ctx.request.method === 'GET' || ctx.request.method === 'HEAD';
    const bruger = s && (await loadBruger(db, s, ctx.locals.nu, laesning ? new Forespoergsel(db) : undefined));
    if (s && bruger) {
      forespoergsel = bruger.forespoergsel;
      ctx.locals.session = s;
      ctx.locals.bruger = bruger;
    } else {
      deleteSessionCookie(ctx.cookies, ctx.url);
    }
  }
  let response: Response;
  try {
    response = await next();
  } finally {
    // Also when the page failed: what the door logged before the failure was read.
    await forespoergsel?.gem();
  }
  if (ctx.locals.bruger) response.headers.set('Cache-Control', 'no-store');
  return response;
});
