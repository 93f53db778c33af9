import { describe, expect, it } from 'vitest';
import { parseSagslisteFilter, sagsliste } from './sagsliste.ts';

const r = (
  id: string,
  s: Partial<{ aaben: boolean; trin: number; frist: string; nyFrist: string | null; sagsbehandlerId: string | null }>,
) => ({
  id,
  sag: { aaben: true, trin: 3, frist: '2026-12-01', nyFrist: null, sagsbehandlerId: 'sofie', ...s },
});
const rows = [
  r('a', { frist: '2026-12-20' }),
  r('b', { frist: '2026-11-01' }),
  r('c', { frist: '2026-11-01', nyFrist: '2026-12-24' }),
  r('d', { frist: '2026-12-05', sagsbehandlerId: 'peter' }),
  r('e', { frist: '2026-10-01', aaben: false, trin: 6 }),
  r('f', { frist: '2026-11-10', trin: 5 }),
];

describe('sagsliste', () => {
  it('sætter overskredne sager først, derefter den nærmeste frist; en forlængelse tæller', () => {
    expect(
      sagsliste(rows, parseSagslisteFilter(new URLSearchParams()), 'sofie', '2026-11-24').map((x) => [
        x.id,
        x.overskredet,
      ]),
    ).toEqual([
      ['b', true],
      ['f', true],
      ['a', false],
      ['c', false],
    ]);
  });
  it('filtrerer på enhed, trin og status', () => {
    expect(
      sagsliste(rows, parseSagslisteFilter(new URLSearchParams('visning=enhed&trin=3')), 'sofie', '2026-11-24').map(
        (x) => x.id,
      ),
    ).toEqual(['b', 'd', 'a', 'c']);
    expect(
      sagsliste(rows, parseSagslisteFilter(new URLSearchParams('status=alle&trin=6')), 'sofie', '2026-11-24').map(
        (x) => x.id,
      ),
    ).toEqual(['e']);
  });
  it('ignorerer ukendte filterværdier', () => {
    expect(parseSagslisteFilter(new URLSearchParams('visning=alle&trin=99&status=x'))).toEqual({
      visning: 'mine',
      trin: undefined,
      status: 'aabne',
    });
  });
});
