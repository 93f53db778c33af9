import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'session';

/** Secure everywhere but on this machine, where the demo and the tests run over http. */
export function cookieSecure(url: URL): boolean {
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * A browser-session cookie (no Expires): it ends when the browser closes, which matters on a
 * shared computer. The 8-hour and 30-minute limits are the server's (session.ts).
 */
export function setSessionCookie(cookies: Pick<AstroCookies, 'set'>, token: string, url: URL) {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/' });
}

export function deleteSessionCookie(cookies: AstroCookies, url: URL) {
  cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/' });
}
