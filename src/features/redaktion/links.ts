/**
 * Links inside the portal in a content body (issue 16): a link to a page that does not exist or is
 * not published is an error when an editor saves, as a citation of a repealed paragraph is.
 */

/** The portal's own pages that are not content entries; a content page's address comes from the database. */
export const FASTE_ADRESSER: readonly string[] = [
  '/',
  '/pjecer',
  '/tilbud',
  '/hjaelpemidler',
  '/hjaelpemidler/ansoeg',
  '/sagsbehandling',
  '/overgang',
  '/soeg',
  '/min-side',
  '/log-ind',
];

// [tekst](/adresse "titel") and <a href="/adresse">; only paths on the portal itself (one leading slash).
const MARKDOWN_LINK = /\]\(\s*<?(\/(?!\/)[^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_LINK = /href\s*=\s*["'](\/(?!\/)[^"']*)["']/gi;

/** The portal paths a body links to, without #fragment or ?query, once each, in order. */
export function interneLinks(markdown: string): string[] {
  const stier = new Set<string>();
  for (const m of [...markdown.matchAll(MARKDOWN_LINK), ...markdown.matchAll(HTML_LINK)]) {
    const sti = (m[1] ?? '').split(/[?#]/)[0] ?? '';
    stier.add(sti.length > 1 ? sti.replace(/\/+$/, '') : sti);
  }
  return [...stier];
}

/** What is wrong with the body's links, given every address that answers now, in words an editor can act on. */
export function brudteLinks(markdown: string, adresser: ReadonlySet<string>): string[] {
  return interneLinks(markdown)
    .filter((sti) => !adresser.has(sti) && !FASTE_ADRESSER.includes(sti))
    .map((sti) => `Linket til ${sti} peger på en side, der ikke findes eller ikke er publiceret.`);
}

/** Images in the body without alternative text: `![](...)` says nothing to whoever cannot see it. */
export function billederUdenAlt(markdown: string): string[] {
  return /!\[\s*\]\(/.test(markdown)
    ? ['Et billede mangler sin alternative tekst: skriv, hvad det viser, mellem [ og ].']
    : [];
}
