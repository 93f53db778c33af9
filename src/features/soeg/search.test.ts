import { describe, expect, it } from 'vitest';
import {
  afstand,
  buildIndex,
  excerpt,
  fold,
  markdownToText,
  type SoegeIndeks,
  soeg,
  stamme,
  tokenize,
} from './search.ts';

const search = (i: SoegeIndeks, q: string) => soeg(i, q).hits;

const docs = [
  {
    url: '/pjecer/a',
    titel: 'Sådan søger du hjælpemidler',
    resume: 'Om hjælpemidler og forbrugsgoder',
    tekst: 'Du kan låne hjælpemidler fra depotet.',
    type: 'Pjece',
  },
  {
    url: '/tilbud/b',
    titel: 'Spisevenner',
    resume: 'Spis sammen med andre',
    tekst: 'Frivillige spisevenner i Tørring. Ingen hjælpemidler her.',
    type: 'Tilbud',
  },
  { url: '/c', titel: 'Kontakt', resume: 'Ring til os', tekst: 'Telefontid hver dag.', type: 'Side' },
];
const index = buildIndex(docs);

describe('tokenize', () => {
  it('beholder danske bogstaver og gør alt til små bogstaver', () => {
    expect(tokenize('Børn, Ældre & PÅRØRENDE!')).toEqual(['børn', 'ældre', 'pårørende']);
  });
});

describe('markdownToText', () => {
  it('fjerner overskrifter, links og fremhævning', () => {
    expect(markdownToText('## Overskrift\n\nSe [pjecen](/pjecer/x) og **læs** den.\n- punkt')).toBe(
      'Overskrift Se pjecen og læs den. punkt',
    );
  });
});

describe('search', () => {
  it('placerer et træf i titlen over et træf i teksten', () => {
    expect(search(index, 'hjælpemidler').map((h) => h.doc.url)).toEqual(['/pjecer/a', '/tilbud/b']);
  });
  it('kræver, at hvert ord passer', () => {
    expect(search(index, 'hjælpemidler tørring').map((h) => h.doc.url)).toEqual(['/tilbud/b']);
  });
  it('passer på begyndelsen af et ord og ser bort fra store og små bogstaver', () => {
    expect(search(index, 'SPISEVEN').map((h) => h.doc.url)).toEqual(['/tilbud/b']);
  });
  it('finder intet for en tom eller ukendt søgning', () => {
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'xyzzy')).toEqual([]);
  });
  it('læser markup i søgningen som almindelige ord, så den finder en side med de ord', () => {
    expect(tokenize('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script']);
    const medOrdene = buildIndex([
      ...docs,
      { url: '/d', titel: 'Script', resume: '', tekst: 'Et script viser alert 1.', type: 'Side' },
    ]);
    expect(search(medOrdene, '<script>alert(1)</script>').map((h) => h.doc.url)).toEqual(['/d']);
    expect(search(index, '<script>alert(1)</script>')).toEqual([]);
  });
});

describe('søgningen tilgiver stavning og hverdagsord', () => {
  const indeks = buildIndex(
    [
      {
        url: '/h/rollator',
        titel: 'Rollator',
        resume: 'En rollator støtter dig, når du går.',
        tekst: 'Lån en rollator.',
        type: 'Hjælpemiddel',
      },
      {
        url: '/h/koerestol',
        titel: 'Kørestol',
        resume: 'Manuel kørestol',
        tekst: 'Kørestolen lånes.',
        type: 'Hjælpemiddel',
      },
      {
        url: '/f/4',
        titel: 'Vi vurderer din sag',
        resume: 'Fx praktisk hjælp i hjemmet',
        tekst: 'Om praktisk hjælp.',
        type: 'Trin',
      },
      { url: '/p/hjaelp', titel: 'Hjælp til børn', resume: 'Støtte', tekst: 'Om hjælp.', type: 'Pjece' },
    ],
    [['hjemmehjælp', 'praktisk hjælp']],
  );
  it.each([
    ['rollator', '/h/rollator', null],
    ['rollatoren', '/h/rollator', null],
    ['rolator', '/h/rollator', 'rollator'],
    // "rollater" is "rollat" + "er" to the stemmer: it finds the rollator without a correction.
    ['rollater', '/h/rollator', null],
    ['rolatoren', '/h/rollator', 'rollator'],
    ['koerestol', '/h/koerestol', null],
    ['kørestolen', '/h/koerestol', null],
    ['hjemmehjælp', '/f/4', null],
  ])('"%s" finder %s (Mente du: %s)', (q, url, menteDu) => {
    const r = soeg(indeks, q);
    expect([r.hits.map((h) => h.doc.url), r.menteDu]).toEqual([[url], menteDu]);
  });
  it('markerer ordet, som siden staver det', () => {
    const [hit] = soeg(indeks, 'rolator').hits;
    expect(hit?.uddrag.filter((u) => u.match).map((u) => u.tekst)).toEqual(['rollator']);
  });
  it('retter ikke korte ord, hvor én fejl er et andet ord', () => {
    expect(soeg(indeks, 'hjæp')).toEqual({ hits: [], menteDu: null });
  });
  it('fold, stamme og afstand', () => {
    expect(fold('kørestol på sædet')).toBe('koerestol paa saedet');
    expect(['rollatoren', 'rollatorerne', 'sager', 'hjaelp'].map(stamme)).toEqual([
      'rollator',
      'rollator',
      'sager',
      'hjaelp',
    ]);
    expect([
      afstand('rolator', 'rollator', 2),
      afstand('rollater', 'rollator', 2),
      afstand('abc', 'xyzxyz', 1),
    ]).toEqual([1, 1, 2]);
  });
});

describe('excerpt', () => {
  it('markerer hvert træf', () => {
    const parts = excerpt('Du kan låne hjælpemidler fra depotet.', ['hjælpemidler']);
    expect(parts.filter((p) => p.match).map((p) => p.tekst)).toEqual(['hjælpemidler']);
    expect(parts.map((p) => p.tekst).join('')).toBe('Du kan låne hjælpemidler fra depotet.');
  });
  it('forkorter lang tekst omkring det første træf', () => {
    const long = `${'ord '.repeat(100)}målet ${'ord '.repeat(100)}`;
    const text = excerpt(long, ['målet'])
      .map((p) => p.tekst)
      .join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text).toContain('målet');
    expect(text.length).toBeLessThan(240);
  });
});
