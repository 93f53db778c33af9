import { afterEach, describe, expect, it, vi } from 'vitest';
import { forsendelser } from '#/config/forsendelse.ts';
import { sagsbehandlingsfrister } from '#/config/sagsbehandlingsfrister.ts';
import { afgoerelser } from '../../../db/schema.ts';
import {
  afgoerelseModtaget,
  aktindsigtOverskredet,
  fristFor,
  fristITekst,
  fristStatus,
  genvurderingsfrist,
  klageErForSen,
  klagefrist,
  publiceretFrist,
  venterPaaGenvurdering,
} from './frister.ts';

describe('fristFor', () => {
  it.each([
    ['Serviceloven § 85', '2026-11-24', '2027-02-16'], // 12 weeks
    ['Serviceloven § 83', '2026-11-24', '2026-12-22'], // 4 weeks
    ['Serviceloven § 112', '2026-11-24', '2026-12-29'], // 5 weeks
    ['Barnets Lov § 87', '2026-11-24', '2027-02-16'],
    ['Serviceloven §85', '2026-11-24', '2027-02-16'], // written without the space
    ['Serviceloven\u00a0§\u00a085', '2026-11-24', '2027-02-16'], // with no-break spaces
  ])('%s modtaget %s har frist %s', (lov, modtaget, frist) => expect(fristFor(lov, modtaget)).toBe(frist));

  it.each(['Serviceloven § 999', 'Barnets Lov og Serviceloven', ''])('har ingen frist for %j', (lov) => {
    expect(fristFor(lov, '2026-11-24')).toBeNull();
  });

  afterEach(() => {
    vi.doUnmock('../../config/sagsbehandlingsfrister.ts');
    vi.resetModules();
  });

  it('læser også frister i dage', async () => {
    // A configuration of its own, in a fresh copy of the module: the shared list stays as it is.
    vi.resetModules();
    vi.doMock('../../config/sagsbehandlingsfrister.ts', () => ({
      sagsbehandlingsfrister: [{ lovgrundlag: 'Test § 1', ydelse: 'Test', frist: { dage: 10 } }],
    }));
    const { fristFor: fristForMedDage } = await import('./frister.ts');
    expect(fristForMedDage('Test § 1', '2026-11-24')).toBe('2026-12-04');
    expect(sagsbehandlingsfrister.some((f) => f.lovgrundlag === 'Test § 1')).toBe(false);
  });
});

describe('de konfigurerede frister', () => {
  it('er hele, positive og én pr. lovgrundlag', () => {
    const set = new Set<string>();
    for (const f of sagsbehandlingsfrister) {
      const n = 'uger' in f.frist ? f.frist.uger : f.frist.dage;
      expect(Number.isInteger(n) && n > 0, f.lovgrundlag).toBe(true);
      expect(set.has(f.lovgrundlag), f.lovgrundlag).toBe(false);
      set.add(f.lovgrundlag);
    }
  });
});

describe('klagefrist', () => {
  it.each([
    ['2026-11-24', '2026-12-22', 'a Tuesday stays'],
    ['2026-11-01', '2026-11-30', 'a Sunday moves to Monday'],
    ['2026-10-31', '2026-11-30', 'a Saturday moves to Monday'],
    ['2025-11-28', '2025-12-29', '2. juledag (a Friday) moves past the weekend'],
    ['2026-03-09', '2026-04-07', '2. påskedag moves to Tuesday'],
    ['2026-03-05', '2026-04-07', 'Skærtorsdag moves past all of Easter'],
    ['2026-05-08', '2026-06-08', 'Grundlovsdag (a Friday) is a closed day: on past the weekend'],
    ['2026-11-26', '2026-12-28', 'juleaftensdag (a Thursday) moves past the Christmas days and the weekend'],
    ['2026-12-03', '2027-01-04', 'nytårsaftensdag (a Thursday) moves past nytårsdag and the weekend'],
  ])('afgørelse modtaget %s: klag senest %s (%s)', (modtaget, frist) => expect(klagefrist(modtaget)).toBe(frist));
});

describe('afgoerelseModtaget', () => {
  it.each([
    ['2026-11-24', 'digital-post', '2026-11-24', 'Digital Post: the same day'],
    ['2026-11-28', 'digital-post', '2026-11-28', 'Digital Post on a Saturday: the same day'],
    ['2026-11-24', 'almindelig-post', '2026-12-02', 'a Tuesday letter: 6 working days, over a weekend'],
    ['2026-11-27', 'almindelig-post', '2026-12-07', 'a Friday letter: over two weekends'],
    ['2026-03-31', 'almindelig-post', '2026-04-13', 'over Easter 2026 (2–6 April closed)'],
    ['2026-12-21', 'almindelig-post', '2026-12-30', 'over Christmas: 25 and 26 December are not working days'],
    ['2026-11-24', 'quickpost', '2026-11-26', 'Quickpost: 2 days'],
  ] as const)('brev dateret %s sendt med %s: modtaget %s (%s)', (dato, forsendelse, modtaget, _hvorfor) =>
    expect(afgoerelseModtaget(dato, forsendelse)).toBe(modtaget),
  );

  it('a letter by ordinary post gets its 4 weeks from its receipt, not from its date', () => {
    expect(klagefrist(afgoerelseModtaget('2026-11-24', 'almindelig-post'))).toBe('2026-12-30');
    expect(klagefrist(afgoerelseModtaget('2026-11-24', 'digital-post'))).toBe('2026-12-22');
  });

  it('every way of sending the schema knows has a rule in the configuration', () => {
    expect(Object.keys(forsendelser).sort()).toEqual([...afgoerelser.forsendelse.enumValues].sort());
  });
});

describe('klageErForSen', () => {
  it.each([
    ['2026-11-30', false],
    ['2026-12-01', false], // the deadline day itself is in time
    ['2026-12-02', true],
  ])('%s: for sen %s', (idag, svar) => expect(klageErForSen({ klagefrist: '2026-12-01' }, idag)).toBe(svar));
  it('aldrig for sen, når afgørelsen mangler klagevejledning (ingen frist løber)', () =>
    expect(klageErForSen({ klagefrist: null }, '2030-01-01')).toBe(false));
});

describe('genvurderingsfrist', () => {
  it.each([
    ['2026-11-24', '2026-12-22'],
    ['2026-10-31', '2026-11-28'], // not moved: it binds the municipality
  ])('klage modtaget %s: genvurderet senest %s', (modtaget, frist) => expect(genvurderingsfrist(modtaget)).toBe(frist));
});

describe('venterPaaGenvurdering', () => {
  it.each([
    ['modtaget', true],
    ['genvurdering', true],
    ['sendt-til-ankestyrelsen', false],
    ['afgoerelse-aendret', false],
  ])('en klage med status %s venter: %s', (status, venter) => expect(venterPaaGenvurdering({ status })).toBe(venter));
});

describe('fristStatus', () => {
  it.each([
    [
      'før fristen',
      '2026-12-01',
      null,
      '2026-11-24',
      { gaeldende: '2026-12-01', dageTilbage: 7, overskredet: false, forlaenget: false },
    ],
    [
      'på dagen',
      '2026-12-01',
      null,
      '2026-12-01',
      { gaeldende: '2026-12-01', dageTilbage: 0, overskredet: false, forlaenget: false },
    ],
    [
      'efter fristen',
      '2026-12-01',
      null,
      '2026-12-03',
      { gaeldende: '2026-12-01', dageTilbage: -2, overskredet: true, forlaenget: false },
    ],
    [
      'forlænget, efter den gamle frist',
      '2026-12-01',
      '2026-12-20',
      '2026-12-03',
      { gaeldende: '2026-12-20', dageTilbage: 17, overskredet: false, forlaenget: true },
    ],
    [
      'forlænget og stadig overskredet',
      '2026-12-01',
      '2026-12-20',
      '2026-12-21',
      { gaeldende: '2026-12-20', dageTilbage: -1, overskredet: true, forlaenget: true },
    ],
  ] as const)('%s', (_, frist, nyFrist, idag, svar) => expect(fristStatus(frist, nyFrist, idag)).toEqual(svar));
});

describe('publiceretFrist og fristITekst', () => {
  it('finder den offentliggjorte frist og siger den med ord', () => {
    const f = publiceretFrist('Serviceloven §85');
    expect(f && fristITekst(f.frist)).toBe('12 uger');
    expect(publiceretFrist('Ukendt lov § 1')).toBeUndefined();
    expect(fristITekst({ dage: 1 })).toBe('1 dag');
  });
});

describe('aktindsigtOverskredet', () => {
  it('kun en ubesvaret anmodning efter sin frist', () => {
    expect(aktindsigtOverskredet({ besvaret: null, svarFrist: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(aktindsigtOverskredet({ besvaret: null, svarFrist: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(aktindsigtOverskredet({ besvaret: '2026-12-03T09:00:00Z', svarFrist: '2026-12-01' }, '2026-12-04')).toBe(
      false,
    );
  });
});
