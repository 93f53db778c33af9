/**
 * Shared by the property-based tests of bad input (the API's and the actions'): hostile
 * values, the sign of an English zod message, and a way to see whether anything was written.
 */

import { core } from 'astro/zod';
import fc from 'fast-check';
import type { Db } from '../../db/client.ts';
import { raaSql } from '../../db/test-fixtures.ts';

/** Zod's English defaults, e.g. "Invalid input: expected string, received number" or "Too small: ...". */
export const ENGELSK = /invalid|expected|received|too (small|big)|required|unrecognized/i;

/** A message a person can read: text, not blank, and not zod's English. */
export const erDansk = (besked: unknown): boolean =>
  typeof besked === 'string' && besked.trim().length > 0 && !ENGELSK.test(besked);

/** Script, SQL, paths, control and bidi characters, lone surrogates, emoji, template syntax. */
export const ONDSINDET = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE personer; --",
  "' OR '1'='1",
  '1; DELETE FROM sager',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  'abc\u0000def',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '😀👨‍👩‍👧‍👦',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input, not a template
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9999-99-99',
  '0000-00-00',
  '2026-02-30',
  '2026-13-01T25:61',
  '9999-12-31T23:59',
  ' ',
  '\n\t',
  'ÆØÅ æøå',
  'ja',
  'nej',
];

/** 100,000 characters of one kind: far beyond every field's maximum. */
const kaempe = fc
  .constantFrom('x', 'æ', '😀', '<script>', "'; --")
  .map((s) => s.repeat(Math.ceil(100_000 / s.length)).slice(0, 100_000));

export const fjendtligTekst: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ONDSINDET) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: kaempe },
);

/** Any JSON-ish value a hostile client may put in a field. */
export const fjendtligVaerdi: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fjendtligTekst },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.array(fjendtligTekst, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

/** The options of an enum or literal field (also inside optional, default, pipe and array). */
export function valg(felt: core.$ZodType): string[] {
  if (felt instanceof core.$ZodOptional || felt instanceof core.$ZodNullable || felt instanceof core.$ZodDefault) {
    return valg(felt._zod.def.innerType);
  }
  if (felt instanceof core.$ZodPipe) return valg(felt._zod.def.in);
  if (felt instanceof core.$ZodArray) return valg(felt._zod.def.element);
  if (felt instanceof core.$ZodEnum) return Object.values(felt._zod.def.entries).map(String);
  if (felt instanceof core.$ZodLiteral) return felt._zod.def.values.map(String);
  return [];
}

export const erListe = (felt: core.$ZodType): boolean =>
  felt instanceof core.$ZodArray ||
  ((felt instanceof core.$ZodOptional || felt instanceof core.$ZodNullable || felt instanceof core.$ZodDefault) &&
    erListe(felt._zod.def.innerType));

/** The table behind each id field of the forms, so a fuzz can send real ids as well as garbage. */
export const ID_FELTER: Record<string, string[]> = {
  sagId: ['sager'],
  partshoeringId: ['partshoeringer'],
  moedeId: ['moeder'],
  samtykkeId: ['samtykker'],
  anmodningId: ['fuldmagt_anmodninger'],
  relationId: ['relationer'],
  personId: ['personer'],
  tilPersonId: ['personer'],
  kladdeId: ['hjaelpemiddel_kladder'],
  bilagId: ['bilag'],
  udlaanId: ['udlaan'],
  planId: ['planer'],
  delmaalId: ['delmaal'],
  klageId: ['klager'],
  ansoegningId: ['hjaelpemiddel_ansoegninger'],
  tilId: ['medarbejdere'],
  omPersonId: ['personer'],
  traadId: ['beskedtraade'],
  dokumentId: ['dokumenter'],
  id: ['fejlmeldinger', 'afhentninger'],
};

/** The ids in the database for each id field. */
export async function idsPrFelt(db: Db): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  for (const [felt, tabeller] of Object.entries(ID_FELTER)) {
    ids[felt] = [];
    for (const t of tabeller) ids[felt].push(...(await raaSql(db, `select id from "${t}"`)).map((r) => String(r.id)));
  }
  return ids;
}
