/**
 * A login must start on the portal's own address: the state cookie is set where it starts and
 * read where the provider sends the browser back (the redirect URI). Started elsewhere (another
 * host name for the same server), the browser is first sent to the same page on the own address.
 */
const MAERKE = 'kanonisk';

/** The same page on the address of `redirectUri`, or null when the login may start here. */
export function tilKanoniskAdresse(url: URL, redirectUri: string): URL | null {
  const egen = new URL(redirectUri);
  // Once only: a proxy that hides the host name must not send the browser round in a loop.
  if (url.host === egen.host || url.searchParams.has(MAERKE)) return null;
  const til = new URL(url.pathname + url.search, egen.origin);
  til.searchParams.set(MAERKE, '1');
  return til;
}
