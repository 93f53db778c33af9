/**
 * The NUL character (U+0000) cannot be stored as text in PostgreSQL, and no person types it:
 * input that has one is refused at the edge, on both engines alike, before it reaches a query.
 */

/** The path of the first text in `vaerdi` that holds a NUL character, or undefined. Files are not text. */
export function stiTilNulTegn(vaerdi: unknown, sti: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof vaerdi === 'string') return vaerdi.includes('\u0000') ? sti : undefined;
  if (typeof vaerdi !== 'object' || vaerdi === null || vaerdi instanceof Blob) return undefined;
  for (const [noegle, under] of Object.entries(vaerdi)) {
    const fundet = stiTilNulTegn(under, [...sti, Array.isArray(vaerdi) ? Number(noegle) : noegle]);
    if (fundet) return fundet;
    if (noegle.includes('\u0000')) return [...sti, noegle];
  }
  return undefined;
}

export const NUL_TEGN_BESKED = 'Teksten indeholder et usynligt styretegn, som ikke kan gemmes. Skriv teksten igen.';

/** A refusal: the input holds a NUL character. */
export class NulTegnFejl extends Error {
  constructor() {
    super(NUL_TEGN_BESKED);
  }
}

/** Throws NulTegnFejl when any text in `data` holds a NUL character. */
export function afvisNulTegn(data: unknown): void {
  if (stiTilNulTegn(data)) throw new NulTegnFejl();
}
