/**
 * What the portal believes about a request that came through the municipality's TLS reverse
 * proxy, and only when TRUST_PROXY=1 says the proxy is the only way in.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The client's address for the rate limits. Behind a reverse proxy every request comes from
 * the proxy, so the limits would count the whole municipality as one client; with
 * TRUST_PROXY=1 the address is the last hop of X-Forwarded-For, the one the proxy itself
 * appended (earlier hops are whatever the client sent). The server script puts the result
 * in this header, overwriting anything a client sent, and the middleware reads it.
 */
export const KLIENTADRESSE_HEADER = 'x-mit-forloeb-klient';

export function klientadresse(
  socketAdresse: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const hop = trustProxy
    ? [forwardedFor]
        .flat()
        .join(',')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  return hop ?? socketAdresse ?? 'ukendt';
}

/**
 * Astro takes a request's protocol from the socket (it trusts X-Forwarded-Proto only for
 * domains fixed at build time), so behind a TLS proxy every page would think it is served
 * over http, and the origin check on forms would refuse every https form post. The proxy's
 * word is marked on the socket per request, since one keep-alive connection from the proxy
 * can carry both.
 */
export function viaHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  const https =
    trustProxy &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',', 1)[0]
      ?.trim() === 'https';
  if (trustProxy) Object.assign(req.socket, { encrypted: https });
  return https;
}
