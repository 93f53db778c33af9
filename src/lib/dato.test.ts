import { describe, expect, it } from 'vitest';
import {
  alder,
  attenAarsdag,
  dageMellem,
  dagen,
  formatDato,
  formatKlokken,
  formatUgedagOgDato,
  fraKoebenhavnstid,
  omDage,
  plusDage,
  plusMaaneder,
  tidIFilnavn,
  tilDag,
  tilKoebenhavnstid,
} from './dato.ts';

describe('dagen', () => {
  it.each([
    ['2026-11-24T22:59:59Z', '2026-11-24'],
    ['2026-11-24T23:00:00Z', '2026-11-25'], // midnight in Copenhagen (CET)
    ['2026-06-30T21:59:00Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'], // midnight in summer time (CEST)
  ])('%s er %s i København', (iso, dag) => expect(dagen(new Date(iso))).toBe(dag));

  it.each([
    '2026-03-28T20:00:00Z', // the night the clocks go forward
    '2026-10-24T20:00:00Z', // the night they go back
    '2026-11-24T20:00:00Z',
  ])('husker dagen pr. time uden at tage fejl omkring midnat og skift til/fra sommertid (fra %s)', (fra) => {
    // Asked in random order, so an earlier answer in the same hour cannot hide a wrong key.
    const tider = Array.from({ length: 8 * 60 }, (_, i) => new Date(new Date(fra).getTime() + i * 61_000));
    for (const t of [...tider].sort(() => Math.random() - 0.5))
      expect(dagen(t)).toBe(tilKoebenhavnstid(t).slice(0, 10));
  });
});

describe('attenAarsdag og alder', () => {
  it.each([
    ['2008-11-24', '2026-11-24'],
    ['2008-02-29', '2026-03-01'],
    ['2008-12-31', '2026-12-31'],
  ])('født %s fylder 18 den %s', (born, day) => expect(attenAarsdag(born)).toBe(day));

  it.each([
    ['2008-11-24', '2026-11-23', 17],
    ['2008-11-24', '2026-11-24', 18],
    ['2008-11-24', '2026-11-25', 18],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
  ])('født %s er den %s %i år', (born, day, age) => expect(alder(born, day)).toBe(age));
});

describe('plusDage og dageMellem', () => {
  it('går over måneder, år og skuddage', () => {
    expect(plusDage('2026-12-30', 3)).toBe('2027-01-02');
    expect(plusDage('2028-02-28', 1)).toBe('2028-02-29');
    expect(dageMellem('2026-11-24', '2027-02-07')).toBe(75);
    expect(dageMellem('2026-11-24', '2026-11-20')).toBe(-4);
  });
});

describe('formatDato', () => {
  it('skriver danske datoer', () => {
    expect(formatDato('2026-11-24')).toBe('24. november 2026');
    expect(formatDato(new Date('2026-11-24T23:30:00Z'))).toBe('25. november 2026');
  });
});

describe('plusMaaneder', () => {
  it.each([
    ['2027-02-07', -3, '2026-11-07'],
    ['2027-08-31', -6, '2027-02-28'],
    ['2028-08-31', -6, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-03-01', -24, '2025-03-01'],
  ])('%s %i måneder er %s', (dag, n, expected) => expect(plusMaaneder(dag, n)).toBe(expected));
});

describe('tidIFilnavn', () => {
  it('har ingen koloner eller punktummer og sorterer som de tidspunkter, det navngiver', () => {
    const a = tidIFilnavn(new Date('2026-12-01T02:22:06.899Z'));
    expect(a).toBe('2026-12-01T02-22-06-899Z');
    expect([tidIFilnavn(new Date('2026-12-01T10:00:00Z')), a].sort()).toEqual([a, '2026-12-01T10-00-00-000Z']);
  });
});

describe('fraKoebenhavnstid og tilKoebenhavnstid', () => {
  it.each([
    ['2026-12-15T13:00', '2026-12-15T12:00:00.000Z'], // vintertid
    ['2026-07-01T13:00', '2026-07-01T11:00:00.000Z'], // sommertid
    ['2026-03-29T01:30', '2026-03-29T00:30:00.000Z'], // natten uret stilles frem, før kl. 2
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'], // samme nat, efter
    ['2026-10-25T01:30', '2026-10-24T23:30:00.000Z'], // natten uret stilles tilbage, stadig sommertid
    ['2026-10-25T03:30', '2026-10-25T02:30:00.000Z'], // samme nat, vintertid
  ])('%s i København er %s', (lokal, iso) => {
    expect(fraKoebenhavnstid(lokal).toISOString()).toBe(iso);
    expect(tilKoebenhavnstid(new Date(iso))).toBe(`${lokal}:00`);
  });

  it('et tidspunkt der ikke findes (kl. 2.30 den nat uret stilles frem) bliver kl. 3.30', () => {
    expect(tilKoebenhavnstid(fraKoebenhavnstid('2026-03-29T02:30'))).toBe('2026-03-29T03:30:00');
  });

  it('afviser tekst der ikke er et tidspunkt', () => {
    expect(() => fraKoebenhavnstid('2026-03-29')).toThrow();
  });
});

describe('tilDag', () => {
  it.each([
    ['2026-11-24T23:30:00Z', '2026-11-25', '25. november 2026'],
    ['2026-06-30T22:30:00Z', '2026-07-01', '1. juli 2026'],
    ['2026-11-24T12:00:00Z', '2026-11-24', '24. november 2026'],
  ])('%s er dagen %s, den samme dag som teksten "%s"', (iso, dag, tekst) => {
    expect(tilDag(new Date(iso))).toBe(dag);
    expect(formatDato(new Date(iso))).toBe(tekst);
    expect(formatDato(tilDag(new Date(iso)))).toBe(tekst);
  });

  it('lader en dag være som den er', () => expect(tilDag('2026-11-24')).toBe('2026-11-24'));
});

describe('omDage', () => {
  it.each([
    [0, 'i dag'],
    [1, 'i morgen'],
    [2, 'om 2 dage'],
    [14, 'om 14 dage'],
  ])('%i dage er "%s"', (dage, tekst) => expect(omDage(dage)).toBe(tekst));
});

describe('formatUgedagOgDato og formatKlokken', () => {
  it.each([
    ['2026-12-03', 'Torsdag 3. december 2026'],
    ['2026-12-06', 'Søndag 6. december 2026'],
    ['2026-12-07', 'Mandag 7. december 2026'],
  ] as const)('%s: %s', (dag, tekst) => {
    expect(formatUgedagOgDato(dag)).toBe(tekst);
  });

  it('skriver klokken i København, også om sommeren', () => {
    expect(formatKlokken(new Date('2026-12-03T23:10:00Z'))).toBe('00.10');
    expect(formatKlokken(new Date('2026-07-01T07:05:00Z'))).toBe('09.05');
  });
});
