/**
 * The header's login area: "Log ind" for a visitor, the name and "Log af" for a logged-in person.
 * One rendering for both ways a page is made: Header.astro on server-rendered pages, and the
 * static server (src/server/statiske-filer.ts), which puts it into a prerendered page for a
 * person with a session, so a content page never says "Log ind" to someone logged in.
 */
import { escapeHtml } from '#/lib/html.ts';

/** The area's opening tag, as the prerendered pages have it; its content holds no other div. */
export const BRUGERFELT_START = '<div class="portal-user portal-bruger" data-brugerfelt>';
const BRUGERFELT = new RegExp(`${BRUGERFELT_START}[\\s\\S]*?</div>`);

export function brugerfeltIndhold(navn: string | undefined): string {
  return navn === undefined
    ? '<a class="function-link d-print-none" href="/min-side">Log ind<span class="d-none d-lg-inline"> på Min side</span></a>'
    : `<p class="user">${escapeHtml(navn)}</p><form method="post" action="/log-ud"><button type="submit" class="function-link d-print-none log-off">Log af</button></form>`;
}

/** A prerendered page as a logged-in person sees it; unchanged when it has no login area. */
export function medBruger(html: string, navn: string): string {
  return html.replace(BRUGERFELT, () => `${BRUGERFELT_START}${brugerfeltIndhold(navn)}</div>`);
}
