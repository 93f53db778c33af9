import { describe, expect, it } from 'vitest';
import { filterKatalog, parseKatalogFilter } from './katalog.ts';

const items = [
  {
    id: 'rollator',
    data: { titel: 'Rollator', resume: 'En gangvogn med hjul og bremser.', kategori: 'mobilitet', ordning: 'udlaan' },
  },
  {
    id: 'albuestokke',
    data: {
      titel: 'Albuestokke',
      resume: 'Stokke, der giver støtte, når du går.',
      kategori: 'mobilitet',
      ordning: 'selv-koeb',
    },
  },
  {
    id: 'badebaenk',
    data: { titel: 'Badebænk', resume: 'Sid ned, når du tager bad.', kategori: 'bad-og-toilet', ordning: 'udlaan' },
  },
  {
    id: 'badeboerste',
    data: {
      titel: 'Badebørste med langt skaft',
      resume: 'Vask ryg og fødder.',
      kategori: 'bad-og-toilet',
      ordning: 'selv-koeb',
    },
  },
  {
    id: 'el-scooter',
    data: {
      titel: 'El-scooter',
      resume: 'Kør selv til butikken, også med ROLLATOR-kurv.',
      kategori: 'mobilitet',
      ordning: 'forbrugsgode',
    },
  },
  {
    id: 'oereprop',
    data: { titel: 'Ørepropper', resume: 'Mod støj.', kategori: 'kommunikation', ordning: 'selv-koeb' },
  },
] as const;

const ids = (f: Parameters<typeof filterKatalog>[1]) => filterKatalog(items, f).map((t) => t.id);

describe('filterKatalog', () => {
  it.each([
    [
      'no filter: everything, Danish order (Ø after Z)',
      {},
      ['albuestokke', 'badebaenk', 'badeboerste', 'el-scooter', 'rollator', 'oereprop'],
    ],
    ['category', { kategori: 'bad-og-toilet' }, ['badebaenk', 'badeboerste']],
    ['ordning', { ordning: 'selv-koeb' }, ['albuestokke', 'badeboerste', 'oereprop']],
    ['category and ordning', { kategori: 'bad-og-toilet', ordning: 'udlaan' }, ['badebaenk']],
    ['category and ordning with no match', { kategori: 'koekken', ordning: 'udlaan' }, []],
    ['text in title or summary, any case', { q: 'rollator' }, ['el-scooter', 'rollator']],
    ['text with Danish letters', { q: 'BÆNK' }, ['badebaenk']],
    ['text in summary only', { q: 'fødder' }, ['badeboerste']],
    ['text and category', { q: 'rollator', kategori: 'mobilitet', ordning: 'udlaan' }, ['rollator']],
    ['text that matches nothing', { q: 'trappelift' }, []],
  ] as const)('%s', (_navn, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('parseKatalogFilter', () => {
  it.each([
    [
      'reads known values',
      'kategori=bad-og-toilet&ordning=udlaan&q=b%C3%A6nk',
      { kategori: 'bad-og-toilet', ordning: 'udlaan', q: 'bænk' },
    ],
    [
      'treats empty values as no filter',
      'kategori=&ordning=&q=',
      { kategori: undefined, ordning: undefined, q: undefined },
    ],
    [
      'drops unknown values',
      'kategori=%3Cscript%3E&ordning=gratis',
      { kategori: undefined, ordning: undefined, q: undefined },
    ],
    ['trims the text', 'q=%20%20rollator%20', { kategori: undefined, ordning: undefined, q: 'rollator' }],
    ['treats a blank text as no text', 'q=%20%20%20', { kategori: undefined, ordning: undefined, q: undefined }],
  ] as const)('%s', (_navn, query, expected) => {
    expect(parseKatalogFilter(new URLSearchParams(query))).toEqual(expected);
  });

  it('cuts the text at 100 characters', () => {
    expect(parseKatalogFilter(new URLSearchParams({ q: 'a'.repeat(150) })).q).toHaveLength(100);
  });
});
