/**
 * Zod's fallback messages in plain Danish, for every schema on the server: form actions and
 * the integration API give the same wording. A schema's own message always wins; this covers
 * the fields that have none (e.g. `sagId: z.string().min(1)`), so hostile or odd input never
 * shows zod's English defaults.
 *
 * Importing the module sets it globally (`z.config`). Zod keeps the config on `globalThis`,
 * so it holds for every copy of zod in the server bundle. The actions, the middleware and
 * the API validation import it.
 */
import { z } from 'astro/zod';

const typer: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  int: 'et helt tal',
  bigint: 'et helt tal',
  boolean: 'true eller false',
  array: 'en liste',
  object: 'et objekt',
  record: 'et objekt',
  tuple: 'en liste',
  date: 'en dato',
  file: 'en fil',
  null: 'null',
};

/** Left out of a JSON body, or empty in a form (Astro sends null for an empty field). */
const mangler = (iss: { input?: unknown; path?: readonly PropertyKey[] | undefined }) =>
  iss.input === undefined || (iss.input === null && Boolean(iss.path?.length));

/** The Danish message for an issue whose schema has no message of its own. */
export function danskFejlbesked(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.expected === 'nonoptional' || mangler(iss)) return 'Feltet skal udfyldes.';
      return typer[iss.expected] ? `Skal være ${typer[iss.expected]}.` : 'Forkert type.';
    case 'too_small': {
      const tal = String(iss.minimum);
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'Feltet skal udfyldes.' : `Mindst ${tal} tegn.`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Mindst ${tal}.`;
      return iss.inclusive === false ? `Skal være større end ${tal}.` : `Mindst ${tal}.`;
    }
    case 'too_big': {
      const tal = String(iss.maximum);
      if (iss.origin === 'string') return `Højst ${tal} tegn.`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Højst ${tal}.`;
      return iss.inclusive === false ? `Skal være mindre end ${tal}.` : `Højst ${tal}.`;
    }
    case 'invalid_value':
      return `Skal være en af: ${iss.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return 'Ukendt felt.';
    case 'invalid_format':
      switch (iss.format) {
        case 'email':
          return 'Skriv en gyldig e-mailadresse.';
        case 'url':
          return 'Skriv et gyldigt link.';
        case 'date':
          return 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24.';
        case 'datetime':
          return 'Skriv tidspunktet som ISO 8601, fx 2026-11-24T10:00:00+01:00.';
        default:
          return 'Forkert format.';
      }
    case 'not_multiple_of':
      return `Skal gå op i ${String(iss.divisor)}.`;
    default:
      // invalid_union, invalid_key, invalid_element, custom without a message.
      return 'Ugyldig værdi.';
  }
}

z.config({ customError: danskFejlbesked });
