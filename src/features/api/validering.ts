/**
 * Turning a zod result into the API's field errors: `{ felt: "delmaal[0].titel", besked }`,
 * in Danish. Schemas give their own messages where it matters; this covers the rest.
 */
import { z } from 'astro/zod';
import type { Fejl } from './schemas.ts';

export type Felt = { felt: string; besked: string };
export type Valideret<T> = { ok: true; data: T } | { ok: false; felter: Felt[] };

const typer: Record<string, string> = {
  string: 'tekst', number: 'et tal', int: 'et helt tal', boolean: 'true eller false', array: 'en liste', object: 'et objekt', null: 'null',
};

/** The fallback messages, used for issues a schema has no message of its own for. */
function fejlbesked(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'Feltet skal udfyldes.' : `Skal være ${typer[iss.expected] ?? iss.expected}.`;
    case 'too_small':
      return iss.origin === 'array' ? `Mindst ${iss.minimum}.` : iss.origin === 'string' ? `Mindst ${iss.minimum} tegn.` : `Mindst ${iss.minimum}.`;
    case 'too_big':
      return iss.origin === 'array' ? `Højst ${iss.maximum}.` : iss.origin === 'string' ? `Højst ${iss.maximum} tegn.` : `Højst ${iss.maximum}.`;
    case 'invalid_value':
      return `Skal være en af: ${iss.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return 'Ukendt felt.';
    case 'invalid_format':
      return 'Forkert format.';
    default:
      return 'Ugyldig værdi.';
  }
}

/** "delmaal[0].titel" for ['delmaal', 0, 'titel']. */
export function feltsti(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** Field errors from a zod error; an unknown key gives one error per key, named by the key. */
export function feltfejl(error: z.ZodError): Felt[] {
  return error.issues.flatMap((iss) =>
    iss.code === 'unrecognized_keys'
      ? iss.keys.map((k) => ({ felt: feltsti([...iss.path, k]), besked: 'Ukendt felt. Fjern det, eller se API-beskrivelsen.' }))
      : [{ felt: feltsti(iss.path) || '(hele objektet)', besked: iss.message }],
  );
}

/** Validates `input` with `schema`, with Danish messages. Never throws for bad input. */
export function valider<S extends z.ZodType>(schema: S, input: unknown): Valideret<z.output<S>> {
  const r = schema.safeParse(input, { error: fejlbesked });
  return r.success ? { ok: true, data: r.data } : { ok: false, felter: feltfejl(r.error) };
}

export const ugyldigeData = (felter: Felt[]): Fejl => ({ fejl: 'Ugyldige data', felter });
