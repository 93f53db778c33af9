/**
 * The first row of each case, from rows already in the order wanted (newest first): the reads of
 * "the newest X of each case" for many cases in one query instead of one query per case.
 */
export function foerstePrSag<T extends { sagId: string }>(raekker: readonly T[]): Map<string, T> {
  const foerste = new Map<string, T>();
  for (const r of raekker) if (!foerste.has(r.sagId)) foerste.set(r.sagId, r);
  return foerste;
}
