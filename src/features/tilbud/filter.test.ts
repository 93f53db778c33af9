import { describe, expect, it } from 'vitest';
import type { Tilbud } from '#/features/indhold/schemas.ts';
import { filterTilbud, parseTilbudFilter } from './filter.ts';

const tilbud: { id: string; data: Pick<Tilbud, 'titel' | 'maalgrupper' | 'teams'> }[] = [
  { id: 'a', data: { titel: 'Pårørendegruppe Tørring', maalgrupper: ['paaroerende'], teams: ['vest'] } },
  { id: 'b', data: { titel: 'Aktivitetscenter Juelsminde', maalgrupper: ['aeldre'], teams: ['oest'] } },
  { id: 'c', data: { titel: 'Åbent hus', maalgrupper: ['alle'], teams: ['oest', 'vest', 'midt'] } },
  { id: 'd', data: { titel: 'Demenscafé', maalgrupper: ['aeldre', 'paaroerende'], teams: ['midt'] } },
];

const ids = (f: Parameters<typeof filterTilbud>[1]) => filterTilbud(tilbud, f).map((t) => t.id);

describe('filterTilbud', () => {
  it.each([
    [{}, ['b', 'd', 'a', 'c']],
    [{ team: 'vest' }, ['a', 'c']],
    [{ maalgruppe: 'paaroerende' }, ['d', 'a', 'c']],
    [{ maalgruppe: 'paaroerende', team: 'vest' }, ['a', 'c']],
    [{ maalgruppe: 'aeldre', team: 'vest' }, ['c']],
    [{ maalgruppe: 'boern-og-unge', team: 'midt' }, ['c']],
  ] as const)('%j giver %j, sorteret efter dansk titel', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('parseTilbudFilter', () => {
  it('læser kendte værdier', () => {
    expect(parseTilbudFilter(new URLSearchParams('maalgruppe=paaroerende&team=vest'))).toEqual({
      maalgruppe: 'paaroerende',
      team: 'vest',
    });
  });
  it('et gammelt link med ?omraade= filtrerer stadig på team', () => {
    expect(parseTilbudFilter(new URLSearchParams('maalgruppe=paaroerende&omraade=vest'))).toEqual({
      maalgruppe: 'paaroerende',
      team: 'vest',
    });
  });
  it('?team= vinder over det gamle ?omraade=', () => {
    expect(parseTilbudFilter(new URLSearchParams('omraade=oest&team=vest')).team).toBe('vest');
  });
  it('tomme og ukendte værdier er intet filter', () => {
    expect(parseTilbudFilter(new URLSearchParams('maalgruppe=&team=<script>'))).toEqual({
      maalgruppe: undefined,
      team: undefined,
    });
  });
});
