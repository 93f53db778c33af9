/**
 * The 18-year transition made personal: the published timeline (content/overgang) with
 * real dates from the young person's birthday. Pure: the caller passes `idag`.
 */
import { alder, attenAarsdag, type Dag, dageMellem, plusDage, plusMaaneder } from '#/lib/dato.ts';

/** Parents are told this many days ahead that their access ends on the 18th birthday. */
export const FORAELDRE_VARSEL_DAGE = 90;

export interface Punkt {
  id: string;
  maanederFoer18: number;
}

export type Dateret<P> = P & { dato: Dag; status: 'passeret' | 'nu' | 'kommende' };

/** Whether the personal transition pages apply: from 16 until the 18th birthday. */
export function iOvergangsalder(foedselsdato: Dag, idag: Dag): boolean {
  const a = alder(foedselsdato, idag);
  return a >= 16 && a < 18;
}

/** Each point dated from the birthday; the latest point already reached is "nu". */
export function overgangsTidslinje<P extends Punkt>(
  foedselsdato: Dag,
  punkter: readonly P[],
  idag: Dag,
): { attenAarsdag: Dag; dageTil18: number; punkter: Dateret<P>[] } {
  const atten = attenAarsdag(foedselsdato);
  const daterede = punkter
    .map((p) => ({ ...p, dato: plusMaaneder(atten, -p.maanederFoer18) }))
    .toSorted((a, b) => a.dato.localeCompare(b.dato));
  const nuIndex = daterede.findLastIndex((p) => p.dato <= idag);
  return {
    attenAarsdag: atten,
    dageTil18: dageMellem(idag, atten),
    punkter: daterede.map((p, i) => ({ ...p, status: i < nuIndex ? 'passeret' : i === nuIndex ? 'nu' : 'kommende' })),
  };
}

/**
 * For a parent: the day their access ends (the 18th birthday, at its start) and so their last day
 * with access, when within the warning period; otherwise null. Pages say "sidste dag", which
 * cannot be read as "including the birthday".
 */
export function foraeldreVarsel(foedselsdato: Dag, idag: Dag): { slutter: Dag; sidsteDag: Dag; dage: number } | null {
  const slutter = attenAarsdag(foedselsdato);
  const dage = dageMellem(idag, slutter);
  return dage > 0 && dage <= FORAELDRE_VARSEL_DAGE ? { slutter, sidsteDag: plusDage(slutter, -1), dage } : null;
}
