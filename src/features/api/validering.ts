/**
 * Turning a zod result into the API's field errors: `{ felt: "delmaal[0].titel", besked }`,
 * in Danish. Schemas give their own messages where it matters; the rest come from the
 * server's one set of Danish fallbacks (src/lib/zod-dansk.ts), the same the forms get.
 */
import type { z } from 'astro/zod';
import '#/lib/zod-dansk.ts';
import type { Fejl } from './schemas.ts';

export type Felt = { felt: string; besked: string };
export type Valideret<T> = { ok: true; data: T } | { ok: false; felter: Felt[] };

/** "delmaal[0].titel" for ['delmaal', 0, 'titel']. */
export function feltsti(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    '',
  );
}

/** Field errors from a zod error; an unknown key gives one error per key, named by the key. */
export function feltfejl(error: z.ZodError): Felt[] {
  return error.issues.flatMap((iss) =>
    iss.code === 'unrecognized_keys'
      ? iss.keys.map((k) => ({
          felt: feltsti([...iss.path, k]),
          besked: 'Ukendt felt. Fjern det, eller se API-beskrivelsen.',
        }))
      : [{ felt: feltsti(iss.path) || '(hele objektet)', besked: iss.message }],
  );
}

/** Validates `input` with `schema`, with Danish messages. Never throws for bad input. */
export function valider<S extends z.ZodType>(schema: S, input: unknown): Valideret<z.output<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, felter: feltfejl(r.error) };
}

export const ugyldigeData = (felter: Felt[]): Fejl => ({ fejl: 'Ugyldige data', felter });
