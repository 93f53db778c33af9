import { describe, expect, it } from 'vitest';
import { buildIndex, excerpt, markdownToText, search, tokenize } from './search.ts';

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
