import { describe, expect, it } from 'vitest';
import {
  danskeHelligdage,
  erArbejdsdag,
  flytTilArbejdsdag,
  helligdag,
  paaskedag,
  plusArbejdsdage,
  ugedag,
} from './arbejdsdage.ts';

describe('paaskedag', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('påsken %i er %s', (aar, dag) => expect(paaskedag(aar)).toBe(dag));
});

describe('ugedag', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2023-12-31', 7], // before the reference Monday
    ['2028-02-29', 2],
  ])('%s er ugedag %i', (dag, n) => expect(ugedag(dag)).toBe(n));
});

describe('danskeHelligdage', () => {
  it('viser de ti helligdage i 2026 i datoorden', () => {
    expect(danskeHelligdage(2026)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('navngiver en helligdag', () => {
    expect(helligdag('2025-06-09')).toBe('2. pinsedag');
    expect(helligdag('2025-06-10')).toBeNull();
  });
});

describe('erArbejdsdag', () => {
  it.each([
    ['2026-11-24', true, 'a Tuesday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-04-06', false, '2. påskedag'],
    ['2026-05-14', false, 'Kristi himmelfartsdag'],
    ['2026-12-25', false, 'Juledag, a Friday'],
    ['2024-04-26', true, 'the former Store bededag'],
    ['2026-06-05', true, 'Grundlovsdag'],
    ['2026-12-24', true, 'juleaftensdag'],
    ['2026-12-31', true, 'nytårsaftensdag'],
  ])('%s er en arbejdsdag: %s (%s)', (dag, svar) => expect(erArbejdsdag(dag)).toBe(svar));
});

describe('flytTilArbejdsdag', () => {
  it.each([
    ['2026-11-24', '2026-11-24'],
    ['2026-11-28', '2026-11-30'],
    ['2026-04-02', '2026-04-07'], // Skærtorsdag to Tuesday after Easter
    ['2026-12-25', '2026-12-28'], // Juledag, 2. juledag, Sunday
  ])('%s bliver %s', (dag, svar) => expect(flytTilArbejdsdag(dag)).toBe(svar));
});

describe('plusArbejdsdage', () => {
  it.each([
    ['2026-11-24', 0, '2026-11-24'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-24', 5, '2026-12-01'],
    ['2026-04-01', 1, '2026-04-07'],
    ['2026-12-23', 2, '2026-12-28'],
    ['2026-11-30', -1, '2026-11-27'],
    ['2026-04-07', -1, '2026-04-01'],
  ])('%s plus %i arbejdsdage er %s', (dag, n, svar) => expect(plusArbejdsdage(dag, n)).toBe(svar));

  it('afviser halve dage', () => expect(() => plusArbejdsdage('2026-11-24', 1.5)).toThrow());
});
