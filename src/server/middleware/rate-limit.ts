import { miljoe } from '#/config/miljoe.ts';
import { database } from '#/lib/db.server.ts';
import { KLIENTADRESSE_HEADER } from '#/server/proxy.ts';
import { RateLimit } from '#/server/rate-limit.ts';
import { kunDynamisk } from './dynamic.ts';

// Per client address and minute, counted in the database by every process together; settable
// because many citizens may share an address (a library, a care home).
const loginLimit = new RateLimit('login', miljoe().RATE_LIMIT_LOGIN, 60_000);
const postLimit = new RateLimit('post', miljoe().RATE_LIMIT_POST, 60_000);

const forMange = () =>
  new Response(
    '<!doctype html><html lang="da"><title>For mange forsøg</title><h1>For mange forsøg</h1><p>Vent et minut, og prøv igen.</p></html>',
    {
      status: 429,
      headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '60' },
    },
  );

/** Logins and form posts per client address; the integration API authenticates and syncs in bulk. */
export const begraensning = kunDynamisk(async (ctx, next) => {
  const now = ctx.locals.nu.getTime();
  const path = ctx.url.pathname;
  // Set by scripts/serve.ts (the proxy's hop when TRUST_PROXY=1); `astro dev` has only the socket.
  const klient = ctx.request.headers.get(KLIENTADRESSE_HEADER) ?? ctx.clientAddress;
  if (
    (path.startsWith('/log-ind') || path.startsWith('/medarbejder/log-ind')) &&
    !(await loginLimit.tillad(database(), klient, now))
  )
    return forMange();
  const api = path.startsWith('/api/');
  if (
    !api &&
    ctx.request.method !== 'GET' &&
    ctx.request.method !== 'HEAD' &&
    !(await postLimit.tillad(database(), klient, now))
  )
    return forMange();
  return next();
});
