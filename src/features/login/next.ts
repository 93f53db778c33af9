/** Only a path on this site may be the target after login. */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next && /^\/(?!\/)[\w\-./?=&%+,~]*$/.test(next) ? next : fallback;
}
