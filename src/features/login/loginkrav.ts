/**
 * Which pages need which login, by route prefix: the one place the portal decides it. Pages
 * then take the user from `brugerFra` (bruger.ts) and never check login themselves.
 */
import type { LoginType } from './config.ts';

interface Krav {
  login: LoginType;
  /**
   * A session of the other kind: 'login' sends it to this login, 'videre' lets it on to the
   * page (whose door decides), a path sends it there.
   */
  andenAktoer: 'login' | 'videre' | '/medarbejder';
}

const borger: Krav = { login: 'borger', andenAktoer: '/medarbejder' };
const borgerEllerMedarbejder: Krav = { login: 'borger', andenAktoer: 'videre' };
const medarbejder: Krav = { login: 'medarbejder', andenAktoer: 'login' };

/** The first matching rule wins; a prefix matches itself and what lies below it. */
const regler: { sti: string; eksakt?: true; krav: Krav | null }[] = [
  { sti: '/medarbejder/log-ind', krav: null },
  { sti: '/medarbejder', krav: medarbejder },
  { sti: '/min-side', krav: borger },
  // Starting an application is the citizen's; a draft or an application is also the caseworker's.
  { sti: '/hjaelpemidler/ansoeg', eksakt: true, krav: borger },
  { sti: '/hjaelpemidler/ansoeg', krav: borgerEllerMedarbejder },
  { sti: '/hjaelpemidler/ansoegninger', krav: borgerEllerMedarbejder },
  { sti: '/hjaelpemidler/bilag', krav: borgerEllerMedarbejder },
  { sti: '/sager', krav: borgerEllerMedarbejder },
  { sti: '/beskeder/bilag', krav: borgerEllerMedarbejder },
];

/** The path as the router sees it, so `/Min-Side/` or `/min%2Dside` cannot slip past. */
function normaliser(pathname: string): string {
  let sti = pathname;
  try {
    sti = decodeURI(pathname);
  } catch {
    // A malformed escape: the router will not find a page either.
  }
  return sti.toLowerCase().replace(/\/+/g, '/');
}

export function loginKrav(pathname: string): Krav | null {
  const sti = normaliser(pathname);
  const regel = regler.find((r) => [r.sti, `${r.sti}/`].includes(sti) || (!r.eksakt && sti.startsWith(`${r.sti}/`)));
  return regel?.krav ?? null;
}

/** The login page for a kind of user, with the way back. */
export function loginAdresse(type: LoginType, next: string): string {
  return `${type === 'medarbejder' ? '/medarbejder/log-ind' : '/log-ind'}?next=${encodeURIComponent(next)}`;
}

/**
 * Where a request goes instead of its page, or null when it may go on. `aktoer` is the kind
 * of the session's user, undefined without one. `next` is path and query of the request.
 */
export function omvejFor(url: URL, aktoer: LoginType | undefined): string | null {
  const krav = loginKrav(url.pathname);
  if (!krav || aktoer === krav.login) return null;
  const next = url.pathname + url.search;
  if (!aktoer || krav.andenAktoer === 'login') return loginAdresse(krav.login, next);
  return krav.andenAktoer === 'videre' ? null : krav.andenAktoer;
}
