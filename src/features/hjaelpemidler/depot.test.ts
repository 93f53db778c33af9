import { describe, expect, it } from 'vitest';
import { afhentningerIArbejdsorden, fejlIArbejdsorden, leveringerIArbejdsorden } from './depot.ts';

describe('depotets arbejdsorden', () => {
  it('farlige fejl først, så andre åbne fejl, så de reparerede; ældste først i hver', () => {
    const fejl = [
      { id: 'a', farlig: false, status: 'modtaget', modtaget: '2026-11-01T10:00:00Z' },
      { id: 'b', farlig: true, status: 'planlagt', modtaget: '2026-11-20T10:00:00Z' },
      { id: 'c', farlig: true, status: 'repareret', modtaget: '2026-10-01T10:00:00Z' },
      { id: 'd', farlig: true, status: 'modtaget', modtaget: '2026-11-10T10:00:00Z' },
      { id: 'e', farlig: false, status: 'planlagt', modtaget: '2026-10-15T10:00:00Z' },
    ] as const;
    expect(fejlIArbejdsorden(fejl).map((f) => f.id)).toEqual(['d', 'b', 'e', 'a', 'c']);
  });

  it('afhentninger, der mangler, efter dato; de udførte til sidst', () => {
    const afh = [
      { id: 'a', status: 'afhentet', dato: '2026-11-01' },
      { id: 'b', status: 'bestilt', dato: '2026-12-10' },
      { id: 'c', status: 'bestilt', dato: '2026-12-03' },
    ] as const;
    expect(afhentningerIArbejdsorden(afh).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('leveringer efter dato, den tidligste først; en overskredet dag står bare øverst', () => {
    const lev = [
      { id: 'a', leveringsdato: '2026-12-10' },
      { id: 'b', leveringsdato: '2026-11-28' },
      { id: 'c', leveringsdato: '2026-12-03' },
      { id: 'd', leveringsdato: '2026-12-03' },
    ];
    expect(leveringerIArbejdsorden(lev).map((x) => x.id)).toEqual(['b', 'c', 'd', 'a']);
    // Pure: the input keeps its order.
    expect(lev.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('en levering uden dato står først, så nogen giver den en', () => {
    const lev = [
      { id: 'a', leveringsdato: '2026-12-01' },
      { id: 'b', leveringsdato: null },
    ];
    expect(leveringerIArbejdsorden(lev).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
