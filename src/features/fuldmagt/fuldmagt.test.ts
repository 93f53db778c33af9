import { describe, expect, it } from 'vitest';
import { fuldmagtStatus, kanBesvare, startdag, valgteScopes } from './fuldmagt.ts';

describe('kanBesvare', () => {
  it.each([
    ['afventer', '2027-02-06', { ok: false, grund: 'umyndig', fra: '2027-02-07' }],
    ['afventer', '2027-02-07', { ok: true }],
    ['afventer', '2027-03-01', { ok: true }],
    ['accepteret', '2027-03-01', { ok: false, grund: 'besvaret' }],
    ['afvist', '2027-03-01', { ok: false, grund: 'besvaret' }],
  ] as const)('%s den %s', (status, idag, expected) =>
    expect(kanBesvare({ status }, '2009-02-07', idag)).toEqual(expected),
  );

  it('et barn født på skuddag kan svare den 1. marts', () => {
    expect(kanBesvare({ status: 'afventer' }, '2008-02-29', '2026-02-28').ok).toBe(false);
    expect(kanBesvare({ status: 'afventer' }, '2008-02-29', '2026-03-01').ok).toBe(true);
  });
});

describe('valgteScopes', () => {
  it('giver kun de rettigheder, der blev bedt om', () => {
    expect(valgteScopes(['se-sager', 'se-moeder'], ['se-moeder', 'se-plan'])).toEqual(['se-moeder']);
    expect(valgteScopes(['se-sager'], [])).toEqual([]);
  });
});

describe('startdag', () => {
  it('er den dag, der blev bedt om, eller i dag, hvis den er passeret', () => {
    expect(startdag('2027-01-01', '2027-02-07')).toBe('2027-02-07');
    expect(startdag('2027-03-01', '2027-02-07')).toBe('2027-03-01');
  });
});

describe('fuldmagtStatus', () => {
  const r = { gyldigFra: '2027-02-07', gyldigTil: '2028-02-07', tilbagekaldt: null };
  it.each([
    ['2027-02-06', 'kommende'],
    ['2027-02-07', 'aktiv'],
    ['2028-02-07', 'aktiv'],
    ['2028-02-08', 'udloebet'],
  ])('den %s er den %s', (idag, status) => expect(fuldmagtStatus(r, idag)).toBe(status));
  it('en tilbagekaldt fuldmagt er tilbagekaldt uanset datoen', () => {
    expect(fuldmagtStatus({ ...r, tilbagekaldt: '2027-03-01T10:00:00Z' }, '2027-02-10')).toBe('tilbagekaldt');
  });
});
