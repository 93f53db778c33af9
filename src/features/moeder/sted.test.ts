import { describe, expect, it } from 'vitest';
import { moedested, stedslinje } from './sted.ts';

const steder = [{ navn: 'Voksenhandicap, Tørring', adresse: 'Vestergade 12, 7160 Tørring', adgang: 'Uden trin.' }];

describe('moedested', () => {
  it('et kendt sted får adresse og adgang, også med andre store og små bogstaver', () => {
    expect(moedested(' voksenhandicap, tørring ', steder)).toEqual({
      art: 'kendt',
      navn: 'Voksenhandicap, Tørring',
      adresse: 'Vestergade 12, 7160 Tørring',
      adgang: 'Uden trin.',
    });
  });

  it('hjemme, video og et sted, listen ikke kender', () => {
    expect(moedested('Hjemme hos dig', steder)).toEqual({ art: 'hjemme', navn: 'Hjemme hos dig' });
    expect(moedested(null, steder)).toEqual({ art: 'video' });
    expect(moedested('  ', steder)).toEqual({ art: 'video' });
    expect(moedested('Biblioteket', steder)).toEqual({ art: 'ukendt', navn: 'Biblioteket' });
  });

  it('kalenderens linje har adressen, hvor den kendes', () => {
    expect(stedslinje('Voksenhandicap, Tørring')).toBe('Voksenhandicap, Tørring, Vestergade 12, 7160 Tørring');
    expect(stedslinje('Rådhuset, Hedensted')).toBe('Rådhuset, Hedensted, Tofteskovvej 3, 8722 Hedensted');
    expect(stedslinje('Biblioteket')).toBe('Biblioteket');
    expect(stedslinje(null)).toBeNull();
  });
});
