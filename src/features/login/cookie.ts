import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'session';

/** Secure everywhere but on this machine, where the demo and the tests run over http. */
export function cookieSecure(url: URL): boolean {
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

// Max-Age, not Expires: the browser counts it on its own clock, so a server clock set for a test cannot expire it.
export function setSessionCookie(cookies: AstroCookies, token: string, url: URL, expires: Date, now: Date) {
  const maxAge = Math.round((expires.getTime() - now.getTime()) / 1000);
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/', maxAge });
}

export function deleteSessionCookie(cookies: AstroCookies, url: URL) {
  cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/' });
}
