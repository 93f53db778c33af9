import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import './zod-dansk.ts';
import { KompasSchema, MoedeSchema } from '#/features/medarbejder/borger.server.ts';
import { KlageSchema } from '#/features/sager/klage.server.ts';
import { ENGELSK } from './fuzz-hjaelp.ts';

const beskeder = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return defined(r.error, 'Fejlen').issues.map((i) => [i.path.join('.'), i.message]);
};

describe('danske fejlbeskeder for felter uden egen besked', () => {
  it('en klage med fjendtligt input giver kun danske beskeder', () => {
    const fejl = beskeder(KlageSchema, { sagId: ['<script>'], tekst: 42, noegle: "'; DROP TABLE klager; --" });
    expect(fejl).toEqual([
      ['sagId', 'Skal være tekst.'],
      ['tekst', 'Skriv, hvorfor du klager.'],
      ['noegle', 'Formularen er udløbet. Indlæs siden igen.'],
    ]);
  });

  it('et tomt felt fra en formular (null) og et udeladt felt skal udfyldes', () => {
    expect(beskeder(KlageSchema.pick({ sagId: true }), { sagId: null })).toEqual([['sagId', 'Feltet skal udfyldes.']]);
    expect(beskeder(KlageSchema.pick({ sagId: true }), {})).toEqual([['sagId', 'Feltet skal udfyldes.']]);
    expect(beskeder(KlageSchema.pick({ sagId: true }), { sagId: '' })).toEqual([['sagId', 'Feltet skal udfyldes.']]);
  });

  it('længde, tal, format og valg', () => {
    expect(beskeder(MoedeSchema.pick({ titel: true }), { titel: 'x'.repeat(151) })).toEqual([
      ['titel', 'Titlen må højst være 150 tegn.'],
    ]);
    expect(beskeder(MoedeSchema.pick({ sted: true }), { sted: 'x'.repeat(201) })).toEqual([
      ['sted', 'Højst 200 tegn.'],
    ]);
    expect(beskeder(KompasSchema.pick({ score: true }), { score: '3.5' })).toEqual([
      ['score', 'Vælg en score fra 1 til 10.'],
    ]);
    expect(beskeder(z.object({ n: z.int() }), { n: 3.5 })).toEqual([['n', 'Skal være et helt tal.']]);
    expect(beskeder(z.object({ n: z.number() }), { n: 'tre' })).toEqual([['n', 'Skal være et tal.']]);
    expect(beskeder(z.object({ a: z.email() }), { a: 'x@' })).toEqual([['a', 'Skriv en gyldig e-mailadresse.']]);
    expect(beskeder(z.object({ a: z.enum(['ja', 'nej']) }), { a: 'måske' })).toEqual([
      ['a', 'Skal være en af: ja, nej.'],
    ]);
    expect(beskeder(z.number().positive(), 0)).toEqual([['', 'Skal være større end 0.']]);
    expect(beskeder(z.strictObject({}), { ekstra: 1 })).toEqual([['', 'Ukendt felt.']]);
    expect(beskeder(z.object({}), null)).toEqual([['', 'Skal være et objekt.']]);
  });

  it('skemaets egen besked vinder over den danske standard', () => {
    expect(beskeder(z.string().min(5, 'Skriv mere.'), 'kort')).toEqual([['', 'Skriv mere.']]);
  });

  it('sporet efter engelsk fanger zods egne engelske beskeder (så de danske tjek kan fejle)', () => {
    const engelsk = { error: (iss: z.core.$ZodRawIssue) => z.locales.en().localeError?.(iss) };
    const schema = z.strictObject({
      a: z.string().min(3),
      b: z.int().max(2),
      c: z.enum(['x']),
      d: z.email(),
      e: z.array(z.string()).min(1),
    });
    const r = schema.safeParse({ a: 'x', b: 9, c: 'y', d: 'z', e: [], f: 1 }, engelsk);
    expect(defined(r.error, 'Fejlen').issues).toHaveLength(6);
    for (const iss of defined(r.error, 'Fejlen').issues) expect(iss.message).toMatch(ENGELSK);
    expect(defined(schema.safeParse({}, engelsk).error, 'Fejlen').issues.every((i) => ENGELSK.test(i.message))).toBe(
      true,
    );
  });
});
