import { describe, expect, it } from 'vitest';
import { foedselsdatoFraCpr, parseBorgerClaims } from './claims.ts';
import { NSIS_LOA } from './config.ts';

const cfg = { claimCpr: 'cpr', claimLoa: 'loa', godkendteLoa: [NSIS_LOA.substantial, NSIS_LOA.high] };

describe('parseBorgerClaims', () => {
  it.each([
    [
      { cpr: '1408421101', name: 'Jens Madsen', loa: NSIS_LOA.substantial },
      { ok: true, cpr: '1408421101', navn: 'Jens Madsen' },
    ],
    [
      { cpr: '140842-1101', name: 'Jens Madsen', loa: NSIS_LOA.high },
      { ok: true, cpr: '1408421101', navn: 'Jens Madsen' },
    ],
    [
      { cpr: '1408421101', name: 'Jens Madsen', acr: NSIS_LOA.substantial },
      { ok: true, cpr: '1408421101', navn: 'Jens Madsen' },
    ],
    [
      { cpr: '1408421101', name: 'Jens Madsen', loa: NSIS_LOA.low },
      { ok: false, grund: 'loa' },
    ],
    [
      { cpr: '1408421101', name: 'Jens Madsen' },
      { ok: false, grund: 'loa' },
    ],
    [
      { name: 'Jens Madsen', loa: NSIS_LOA.substantial },
      { ok: false, grund: 'cpr' },
    ],
    [
      { cpr: '3202421101', loa: NSIS_LOA.substantial },
      { ok: false, grund: 'cpr' },
    ],
  ])('%j giver %j', (claims, expected) => expect(parseBorgerClaims(claims, cfg)).toEqual(expected));

  it('læser claim-navne fra konfigurationen, da mæglerne er forskellige', () => {
    const r = parseBorgerClaims(
      { nin: '1408421101', mitid_loa: NSIS_LOA.substantial, name: 'J' },
      { ...cfg, claimCpr: 'nin', claimLoa: 'mitid_loa' },
    );
    expect(r).toEqual({ ok: true, cpr: '1408421101', navn: 'J' });
  });
});

describe('foedselsdatoFraCpr', () => {
  it.each([
    ['1408421101', '1942-08-14'],
    ['0702094101', '2009-02-07'],
    ['0702374101', '1937-02-07'],
    ['0101585101', '1858-01-01'],
    ['0101575101', '2057-01-01'],
    ['2902004101', '2000-02-29'],
    ['2902010101', null],
  ])('%s er født %s', (cpr, dag) => expect(foedselsdatoFraCpr(cpr)).toBe(dag));
});
