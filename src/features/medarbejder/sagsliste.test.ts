import { describe, expect, it } from 'vitest';
import { parseSagslisteFilter, sagsliste } from './sagsliste.ts';

const r = (
  id: string,
  s: Partial<{ aaben: boolean; trin: number; frist: string; nyFrist: string | null; sagsbehandlerId: string | null }>,
  genvurderingFrist: string | null = null,
  aktindsigtFrist: string | null = null,
) => ({
  id,
  sag: { aaben: true, trin: 3, frist: '2026-12-01', nyFrist: null, sagsbehandlerId: 'sofie', ...s },
  genvurderingFrist,
  aktindsigtFrist,
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
  it('en klage, der venter på genvurdering, har sin egen frist: overskredet efter de 4 uger, også på en afgjort sag', () => {
    const klager = [
      r('g', { frist: '2026-09-01', trin: 7 }, '2026-11-20'),
      r('h', { frist: '2026-09-01', trin: 7 }, '2026-12-15'),
      r('i', { frist: '2026-12-30' }),
    ];
    expect(
      sagsliste(klager, parseSagslisteFilter(new URLSearchParams()), 'sofie', '2026-11-24').map((x) => [
        x.id,
        x.gaeldende,
        x.overskredet,
        x.fristFor,
      ]),
    ).toEqual([
      ['g', '2026-11-20', true, 'genvurdering'],
      ['h', '2026-12-15', false, 'genvurdering'],
      ['i', '2026-12-30', false, 'sag'],
    ]);
  });

  it('en ubesvaret aktindsigt viser sin frist, når den kommer først, også på en afgjort sag', () => {
    const sager = [
      r('j', { frist: '2026-12-30' }, null, '2026-12-03'),
      r('k', { frist: '2026-12-10' }, null, '2026-12-20'),
      r('l', { frist: '2026-09-01', trin: 7 }, null, '2026-11-23'),
      r('m', { frist: '2026-09-01', trin: 7 }, '2026-12-15', '2026-12-01'),
      r('n', { frist: '2026-09-01', trin: 7 }),
    ];
    expect(
      sagsliste(sager, parseSagslisteFilter(new URLSearchParams()), 'sofie', '2026-11-24').map((x) => [
        x.id,
        x.gaeldende,
        x.overskredet,
        x.fristFor,
      ]),
    ).toEqual([
      ['l', '2026-11-23', true, 'aktindsigt'],
      ['n', '2026-09-01', false, 'sag'],
      ['m', '2026-12-01', false, 'aktindsigt'],
      ['j', '2026-12-03', false, 'aktindsigt'],
      ['k', '2026-12-10', false, 'sag'],
    ]);
  });

  it('ignorerer ukendte filterværdier', () => {
    expect(parseSagslisteFilter(new URLSearchParams('visning=alle&trin=99&status=x&side=0'))).toEqual({
      visning: 'mine',
      trin: undefined,
      status: 'aabne',
      side: 1,
    });
    expect(parseSagslisteFilter(new URLSearchParams('side=3')).side).toBe(3);
    expect(parseSagslisteFilter(new URLSearchParams('side=abc')).side).toBe(1);
  });
});
