/**
 * The seven steps of a case and their names, as the citizen sees them. The step pages in
 * content/forloeb/ are checked against this list, and the API documents its `trin` from it.
 */
export const sagstrin = [
  { trin: 1, navn: 'Ansøgning modtaget' },
  { trin: 2, navn: 'Kvittering sendt' },
  { trin: 3, navn: 'Vi indhenter oplysninger' },
  { trin: 4, navn: 'Vi vurderer din sag' },
  { trin: 5, navn: 'Partshøring' },
  { trin: 6, navn: 'Afgørelse' },
  { trin: 7, navn: 'Klage' },
] as const;

export const FOERSTE_TRIN = 1;
export const VURDERING_TRIN = 4;
export const PARTSHOERING_TRIN = 5;
export const AFGOERELSE_TRIN = 6;
export const KLAGE_TRIN = 7;

/** A step's name, or '' for a number outside 1–7. */
export function trinNavn(trin: number): string {
  return sagstrin.find((t) => t.trin === trin)?.navn ?? '';
}

/** The steps in one line, e.g. for the API's description: "1 Ansøgning modtaget, 2 …". */
export const trinOversigt = sagstrin.map((t) => `${t.trin} ${t.navn}`).join(', ');
