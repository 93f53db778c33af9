/**
 * A meeting's place as the citizen needs it: the street address and whether they can get in with a
 * wheelchair or rollator. The case system sends a name ("Voksenhandicap, Tørring"); the
 * municipality's list of meeting places (config/kommune.ts) gives the rest.
 */
import { kommune } from '#/config/kommune.ts';

export type Moedested =
  | { art: 'video' }
  | { art: 'hjemme'; navn: string }
  | { art: 'kendt'; navn: string; adresse: string; adgang: string }
  | { art: 'ukendt'; navn: string };

const fold = (s: string) => s.trim().toLocaleLowerCase('da');

export function moedested(
  sted: string | null,
  steder: readonly { navn: string; adresse: string; adgang: string }[] = kommune.moedesteder,
): Moedested {
  const navn = sted?.trim();
  if (!navn) return { art: 'video' };
  if (/^hjemme\b/i.test(navn)) return { art: 'hjemme', navn };
  const kendt = steder.find((s) => fold(s.navn) === fold(navn));
  return kendt ? { art: 'kendt', ...kendt } : { art: 'ukendt', navn };
}

/** The place as one line for a calendar (.ics LOCATION): the address where known. */
export function stedslinje(sted: string | null): string | null {
  const s = moedested(sted);
  if (s.art === 'video') return null;
  if (s.art === 'kendt') return `${s.navn}, ${s.adresse}`;
  return s.navn;
}
