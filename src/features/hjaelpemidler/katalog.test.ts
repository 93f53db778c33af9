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
      'uden filter: alt, i dansk orden (Ø efter Z)',
      {},
      ['albuestokke', 'badebaenk', 'badeboerste', 'el-scooter', 'rollator', 'oereprop'],
    ],
    ['kategori', { kategori: 'bad-og-toilet' }, ['badebaenk', 'badeboerste']],
    ['ordning', { ordning: 'selv-koeb' }, ['albuestokke', 'badeboerste', 'oereprop']],
    ['kategori og ordning', { kategori: 'bad-og-toilet', ordning: 'udlaan' }, ['badebaenk']],
    ['kategori og ordning uden træf', { kategori: 'koekken', ordning: 'udlaan' }, []],
    ['tekst i titel eller resumé, store eller små bogstaver', { q: 'rollator' }, ['el-scooter', 'rollator']],
    ['tekst med danske bogstaver', { q: 'BÆNK' }, ['badebaenk']],
    ['tekst kun i resuméet', { q: 'fødder' }, ['badeboerste']],
    ['tekst og kategori', { q: 'rollator', kategori: 'mobilitet', ordning: 'udlaan' }, ['rollator']],
    ['tekst, der ikke passer på noget', { q: 'trappelift' }, []],
  ] as const)('%s', (_navn, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('parseKatalogFilter', () => {
  it.each([
    [
      'læser kendte værdier',
      'kategori=bad-og-toilet&ordning=udlaan&q=b%C3%A6nk',
      { kategori: 'bad-og-toilet', ordning: 'udlaan', q: 'bænk' },
    ],
    [
      'tomme værdier er intet filter',
      'kategori=&ordning=&q=',
      { kategori: undefined, ordning: undefined, q: undefined },
    ],
    [
      'ukendte værdier droppes',
      'kategori=%3Cscript%3E&ordning=gratis',
      { kategori: undefined, ordning: undefined, q: undefined },
    ],
    ['teksten trimmes', 'q=%20%20rollator%20', { kategori: undefined, ordning: undefined, q: 'rollator' }],
    ['en blank tekst er ingen tekst', 'q=%20%20%20', { kategori: undefined, ordning: undefined, q: undefined }],
  ] as const)('%s', (_navn, query, expected) => {
    expect(parseKatalogFilter(new URLSearchParams(query))).toEqual(expected);
  });

  it('skærer teksten ved 100 tegn', () => {
    expect(parseKatalogFilter(new URLSearchParams({ q: 'a'.repeat(150) })).q).toHaveLength(100);
  });
});
