import { defineMiddleware } from 'astro:middleware';
import { nu } from './lib/clock.ts';
import { database } from './lib/db.server.ts';
import { validateSessionToken } from './features/login/session.ts';
import { deleteSessionCookie, SESSION_COOKIE } from './features/login/cookie.ts';
import { IkkeFundet, loadBruger } from './features/adgang/adgang.server.ts';
import { RateLimit } from './server/rate-limit.ts';
import { KLIENTADRESSE_HEADER } from './server/proxy.ts';
// Zod's fallback messages in Danish for every schema the server parses (actions, API).
import './lib/zod-dansk.ts';

// Per client address and minute; settable because many citizens may share an address (a library, a care home).
const loginLimit = new RateLimit(Number(process.env.RATE_LIMIT_LOGIN ?? 60), 60_000);
const postLimit = new RateLimit(Number(process.env.RATE_LIMIT_POST ?? 120), 60_000);

const forMange = () =>
  new Response('<!doctype html><html lang="da"><title>For mange forsøg</title><h1>For mange forsøg</h1><p>Vent et minut, og prøv igen.</p></html>', {
    status: 429,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '60' },
  });

/** An Action's error in the shape Astro's client reads, with a Danish message. */
const handlingsfejl = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ type: 'AstroActionError', code, status, message }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
const ugyldigJson = () => handlingsfejl(400, 'BAD_REQUEST', 'Ugyldige data. Indlæs siden igen, og prøv igen.');
// Astro answers these itself, before any Action runs, with an English or empty message.
const astrosHandlingsfejl: Record<number, [string, string]> = {
  413: ['CONTENT_TOO_LARGE', 'Det, du har sendt, fylder for meget. Gør teksten kortere, eller send filen fra formularen på siden.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Formularen kunne ikke læses. Indlæs siden igen, og prøv igen.'],
};

/**
 * A GET of the 404 page. A form post's body has already been read by the page, and Astro
 * cannot copy such a request for a rewrite (RewriteWithBodyUsed, a 500).
 */
function side404(request: Request, url: URL): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return new Request(new URL('/404', url), { headers });
}

export const onRequest = defineMiddleware(async (ctx, next) => {
  // Prerendered pages are built once for everyone: no clock, no session, no database.
  if (ctx.isPrerendered) return next();

  ctx.locals.nu = nu(ctx.request.headers);
  const now = ctx.locals.nu.getTime();
  const path = ctx.url.pathname;
  // Set by scripts/serve.ts (the proxy's hop when TRUST_PROXY=1); `astro dev` has only the socket.
  const klient = ctx.request.headers.get(KLIENTADRESSE_HEADER) ?? ctx.clientAddress;
  if ((path.startsWith('/log-ind') || path.startsWith('/medarbejder/log-ind')) && !loginLimit.tillad(klient, now)) return forMange();
  // The integration API authenticates each system with its own token and syncs in bulk.
  const api = path.startsWith('/api/');
  if (!api && ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD' && !postLimit.tillad(klient, now)) return forMange();

  const token = ctx.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const db = database();
    const session = validateSessionToken(db, token, ctx.locals.nu);
    const bruger = session && loadBruger(db, session, ctx.locals.nu);
    if (session && bruger) {
      ctx.locals.session = session;
      ctx.locals.bruger = bruger;
    } else {
      deleteSessionCookie(ctx.cookies, ctx.url);
    }
  }

  try {
    const response = await next();
    const dansk = path.startsWith('/_actions/') ? astrosHandlingsfejl[response.status] : undefined;
    if (dansk) return handlingsfejl(response.status, ...dansk);
    if (ctx.locals.bruger) response.headers.set('Cache-Control', 'no-store');
    return response;
  } catch (e) {
    // Someone else's case, or one that does not exist: the same 404, so nothing is revealed.
    if (e instanceof IkkeFundet) return ctx.rewrite(side404(ctx.request, ctx.url));
    // Astro rethrows a JSON body that does not parse as a 500, and its message quotes the body.
    if (e instanceof SyntaxError && path.startsWith('/_actions/')) return ugyldigJson();
    throw e;
  }
});

