import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import './zod-dansk.ts';
import { AfhentningSchema } from '#/features/hjaelpemidler/udlaan.server.ts';
import { KompasSchema, MoedeSchema, RelationSchema } from '#/features/medarbejder/borger.server.ts';
import { FristSchema } from '#/features/medarbejder/sagsbehandling.server.ts';
import { dagFelt, erDag, tidspunktFelt } from './datofelt.ts';

describe('datofelter', () => {
  it('tager kun dage, der findes', () => {
    expect(['2026-11-24', '2028-02-29'].map(erDag)).toEqual([true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-45', '9999-99-99', '0000-00-00', '24.11.2026', ''].some(erDag)).toBe(
      false,
    );
    expect(dagFelt('Vælg en dato.').safeParse('2026-02-30').error?.issues[0]?.message).toBe('Vælg en dato.');
    expect(tidspunktFelt('Vælg dato og tid.').safeParse('2026-12-01T10:00').success).toBe(true);
    expect(
      ['2026-13-45T25:61', '9999-99-99T99:99', '2026-12-01T24:00', '2026-12-01'].some(
        (v) => tidspunktFelt('x').safeParse(v).success,
      ),
    ).toBe(false);
  });

  // Found by the action fuzz (src/actions/fuzz.test.ts): each was saved, or threw a 500.
  it.each([
    ['et møde kl. 99:99 (gav en RangeError)', MoedeSchema, { start: '9999-99-99T99:99' }, 'start', 'Vælg dato og tid.'],
    [
      'afhentning den 45. i 13. måned',
      AfhentningSchema,
      { dato: '2026-13-45' },
      'dato',
      'Vælg en dato for afhentning.',
    ],
    ['en ny frist den 30. februar', FristSchema, { nyFrist: '2026-02-30' }, 'nyFrist', 'Vælg den nye forventede dato.'],
    [
      'en fuldmagt, der slutter "abc"',
      RelationSchema,
      { gyldigTil: 'abc' },
      'gyldigTil',
      'Vælg slutdatoen, eller lad feltet stå tomt.',
    ],
    [
      'en ukendt dimension i kompasset',
      KompasSchema,
      { dimension: '<script>alert(1)</script>' },
      'dimension',
      'Vælg en dimension.',
    ],
  ] as const)('%s afvises med en dansk besked', (_navn, schema, input, felt, besked) => {
    const r = (schema as z.ZodObject).safeParse(input);
    expect(r.error?.issues.find((i) => i.path[0] === felt)?.message).toBe(besked);
  });
});
