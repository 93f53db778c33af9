import { describe, expect, it } from 'vitest';
import type { Tilbud } from '#/features/indhold/schemas.ts';
import { filterTilbud, parseTilbudFilter } from './filter.ts';

const tilbud: { id: string; data: Pick<Tilbud, 'titel' | 'maalgrupper' | 'omraader'> }[] = [
  { id: 'a', data: { titel: 'Pårørendegruppe Tørring', maalgrupper: ['paaroerende'], omraader: ['vest'] } },
  { id: 'b', data: { titel: 'Aktivitetscenter Juelsminde', maalgrupper: ['aeldre'], omraader: ['oest'] } },
  { id: 'c', data: { titel: 'Åbent hus', maalgrupper: ['alle'], omraader: ['oest', 'vest', 'midt'] } },
  { id: 'd', data: { titel: 'Demenscafé', maalgrupper: ['aeldre', 'paaroerende'], omraader: ['midt'] } },
];

const ids = (f: Parameters<typeof filterTilbud>[1]) => filterTilbud(tilbud, f).map((t) => t.id);

describe('filterTilbud', () => {
  it.each([
    [{}, ['b', 'd', 'a', 'c']],
    [{ omraade: 'vest' }, ['a', 'c']],
    [{ maalgruppe: 'paaroerende' }, ['d', 'a', 'c']],
    [{ maalgruppe: 'paaroerende', omraade: 'vest' }, ['a', 'c']],
    [{ maalgruppe: 'aeldre', omraade: 'vest' }, ['c']],
    [{ maalgruppe: 'boern-og-unge', omraade: 'midt' }, ['c']],
  ] as const)('%j gives %j, sorted by Danish title', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('parseTilbudFilter', () => {
  it('reads known values', () => {
    expect(parseTilbudFilter(new URLSearchParams('maalgruppe=paaroerende&omraade=vest'))).toEqual({
      maalgruppe: 'paaroerende',
      omraade: 'vest',
    });
  });
  it('treats empty and unknown values as no filter', () => {
    expect(parseTilbudFilter(new URLSearchParams('maalgruppe=&omraade=<script>'))).toEqual({
      maalgruppe: undefined,
      omraade: undefined,
    });
  });
});
