import { describe, expect, it } from 'vitest';
import { foraeldreVarsel, iOvergangsalder, overgangsTidslinje } from './tidslinje.ts';

const punkter = [
  { id: 'a', maanederFoer18: 24 },
  { id: 'b', maanederFoer18: 6 },
  { id: 'c', maanederFoer18: 0 },
  { id: 'd', maanederFoer18: -3 },
];

describe('overgangsTidslinje', () => {
  it('daterer hvert punkt ud fra 18-årsdagen og markerer, hvor familien er nu', () => {
    const t = overgangsTidslinje('2009-02-07', punkter, '2026-11-24');
    expect(t.attenAarsdag).toBe('2027-02-07');
    expect(t.dageTil18).toBe(75);
    expect(t.punkter.map((p) => [p.id, p.dato, p.status])).toEqual([
      ['a', '2025-02-07', 'passeret'],
      ['b', '2026-08-07', 'nu'],
      ['c', '2027-02-07', 'kommende'],
      ['d', '2027-05-07', 'kommende'],
    ]);
  });

  it('på selve fødselsdagen er fødselsdagen "nu"', () => {
    const t = overgangsTidslinje('2009-02-07', punkter, '2027-02-07');
    expect(t.dageTil18).toBe(0);
    expect(t.punkter.find((p) => p.status === 'nu')?.id).toBe('c');
  });

  it('den, der er født på skuddag, fylder 18 den 1. marts, og seks måneder før er 1. september', () => {
    const t = overgangsTidslinje('2008-02-29', punkter, '2025-10-01');
    expect(t.attenAarsdag).toBe('2026-03-01');
    expect(t.punkter.map((p) => p.dato)).toEqual(['2024-03-01', '2025-09-01', '2026-03-01', '2026-06-01']);
  });
});

describe('iOvergangsalder', () => {
  it.each([
    ['2010-11-24', '2026-11-23', false],
    ['2010-11-24', '2026-11-24', true],
    ['2008-11-25', '2026-11-24', true],
    ['2008-11-24', '2026-11-24', false],
  ])('født %s, den %s: %s', (born, day, expected) => expect(iOvergangsalder(born, day)).toBe(expected));
});

describe('foraeldreVarsel', () => {
  it.each([
    ['2026-11-08', null],
    ['2026-11-09', { slutter: '2027-02-07', sidsteDag: '2027-02-06', dage: 90 }],
    ['2027-02-06', { slutter: '2027-02-07', sidsteDag: '2027-02-06', dage: 1 }],
    ['2027-02-07', null],
  ])('den %s: %j', (idag, expected) => expect(foraeldreVarsel('2009-02-07', idag)).toEqual(expected));
});
