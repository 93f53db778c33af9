/**
 * Logout in two steps. POST /log-ud ends the portal's session and answers with a same-origin
 * page: the portal's CSP (form-action 'self') blocks a form post that redirects to the
 * provider's origin. That page then sends the browser on to the provider's end-session URL.
 * This short-lived cookie says which provider, so a link to /logget-ud alone logs no one out.
 */
import type { AstroCookies } from 'astro';
import type { LoginType } from './config.ts';
import { cookieSecure } from './cookie.ts';

const LOG_UD_COOKIE = 'log_ud';

export function huskUdbyderLogud(cookies: AstroCookies, url: URL, type: LoginType) {
  cookies.set(LOG_UD_COOKIE, type, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    path: '/',
    maxAge: 300,
  });
}

/** The provider whose session is still to be ended, once; null when there is none. */
export function tagUdbyderLogud(cookies: AstroCookies, url: URL): LoginType | null {
  const type = cookies.get(LOG_UD_COOKIE)?.value;
  if (type === undefined) return null;
  cookies.delete(LOG_UD_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/' });
  return type === 'borger' || type === 'medarbejder' ? type : null;
}
