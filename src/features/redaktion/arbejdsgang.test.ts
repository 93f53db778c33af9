import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afpublicer,
  gaeldendeVersion,
  type Handling,
  indholdsstatus,
  naesteTrin,
  type Publicering,
  skalGennemses,
  type Version,
} from './arbejdsgang.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const FIRE_OEJNE = { kraeverGodkendelse: true };
const ALENE = { kraeverGodkendelse: false };
const v = (status: Version['status'], nr = 1): Version => ({ nr, status, forfattere: ['anne'] });
const iso = (d: string) => new Date(d).toISOString();

describe('naesteTrin: fra kladde til publiceret', () => {
  it('Anne skriver, Bo godkender: siden publiceres nu', () => {
    const sendt = naesteTrin(v('kladde'), { type: 'indsend' }, 'anne', FIRE_OEJNE, NU);
    expect(sendt).toEqual({ ok: true, status: 'til-godkendelse', publicering: null });
    expect(naesteTrin(v('til-godkendelse'), { type: 'godkend' }, 'bo', FIRE_OEJNE, NU)).toEqual({
      ok: true,
      status: 'godkendt',
      publicering: { versionNr: 1, fra: NU.toISOString() },
    });
  });

  it('ingen godkender sit eget, når kommunen kræver fire øjne; uden det kan Anne selv', () => {
    expect(naesteTrin(v('til-godkendelse'), { type: 'godkend' }, 'anne', FIRE_OEJNE, NU)).toEqual({
      ok: false,
      fejl: 'En anden redaktør skal godkende det, du selv har skrevet.',
    });
    expect(naesteTrin(v('kladde'), { type: 'publicer' }, 'anne', FIRE_OEJNE, NU).ok).toBe(false);
    expect(naesteTrin(v('til-godkendelse'), { type: 'godkend' }, 'anne', ALENE, NU).ok).toBe(true);
    expect(naesteTrin(v('kladde'), { type: 'publicer' }, 'anne', ALENE, NU)).toMatchObject({
      ok: true,
      publicering: { versionNr: 1 },
    });
  });

  it('en lov, der ændres 1. juli: godkendt nu, publiceret fra den dag; en tid, der er gået, er nu', () => {
    const juli = new Date('2027-06-30T22:00:00.000Z');
    expect(naesteTrin(v('til-godkendelse'), { type: 'godkend', fra: juli }, 'bo', FIRE_OEJNE, NU)).toMatchObject({
      publicering: { fra: juli.toISOString() },
    });
    const igaar = new Date('2026-12-03T10:00:00.000Z');
    expect(naesteTrin(v('til-godkendelse'), { type: 'godkend', fra: igaar }, 'bo', FIRE_OEJNE, NU)).toMatchObject({
      publicering: { fra: NU.toISOString() },
    });
  });

  it('hvert trin kræver den rigtige status, med en dansk forklaring', () => {
    const forkert: [Version['status'], Handling][] = [
      ['til-godkendelse', { type: 'indsend' }],
      ['godkendt', { type: 'indsend' }],
      ['kladde', { type: 'afvis' }],
      ['kladde', { type: 'godkend' }],
      ['godkendt', { type: 'godkend' }],
      ['godkendt', { type: 'publicer' }],
    ];
    for (const [status, h] of forkert) {
      const u = naesteTrin(v(status), h, 'bo', ALENE, NU);
      expect(u.ok, `${h.type} på ${status}`).toBe(false);
      if (!u.ok) expect(u.fejl).toMatch(/^[A-ZÆØÅ].*\.$/);
    }
    expect(naesteTrin(v('til-godkendelse'), { type: 'afvis' }, 'bo', FIRE_OEJNE, NU)).toEqual({
      ok: true,
      status: 'kladde',
      publicering: null,
    });
  });
});

describe('gaeldendeVersion: hvad borgeren ser', () => {
  const tidslinje: Publicering[] = [
    { versionNr: 1, fra: iso('2026-01-01T00:00:00Z') },
    { versionNr: 2, fra: iso('2027-07-01T00:00:00Z') },
  ];

  it('den planlagte version gælder fra sit tidspunkt, uden at noget skal køre ved midnat', () => {
    expect(gaeldendeVersion(tidslinje, new Date('2027-06-30T23:59:59.999Z'))).toBe(1);
    expect(gaeldendeVersion(tidslinje, new Date('2027-07-01T00:00:00.000Z'))).toBe(2);
    expect(gaeldendeVersion(tidslinje, new Date('2025-12-31T00:00:00.000Z'))).toBeNull();
  });

  it('afpublicering tager siden ned; samme tidspunkt to gange: den sidst tilføjede gælder', () => {
    const ned: Publicering[] = [...tidslinje, { versionNr: null, fra: iso('2026-06-01T00:00:00Z') }];
    expect(gaeldendeVersion(ned, NU)).toBeNull();
    const igen: Publicering[] = [...ned, { versionNr: 3, fra: iso('2026-06-01T00:00:00Z') }];
    expect(gaeldendeVersion(igen, NU)).toBe(3);
  });

  it('er altid den senest forfaldne publicering, uanset rækkefølgen de blev tilføjet i (egenskab)', () => {
    const tid = fc.integer({ min: 0, max: 20 }).map((t) => new Date(Date.UTC(2026, 0, 1 + t)).toISOString());
    fc.assert(
      fc.property(
        fc.array(fc.record({ versionNr: fc.option(fc.integer({ min: 1, max: 5 })), fra: tid }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 22 }),
        (linje, dag) => {
          const nu = new Date(Date.UTC(2026, 0, 1 + dag));
          const forfaldne = linje.map((p, i) => ({ ...p, i })).filter((p) => p.fra <= nu.toISOString());
          const forventet = forfaldne.sort((a, b) => a.fra.localeCompare(b.fra) || a.i - b.i).at(-1)?.versionNr ?? null;
          expect(gaeldendeVersion(linje, nu)).toBe(forventet);
        },
      ),
    );
  });
});

describe('afpublicer', () => {
  it('tager en publiceret side ned nu eller senere; en side, der ikke er oppe, kan ikke tages ned', () => {
    const oppe: Publicering[] = [{ versionNr: 1, fra: iso('2026-01-01T00:00:00Z') }];
    expect(afpublicer(oppe, undefined, NU)).toEqual({
      ok: true,
      publicering: { versionNr: null, fra: NU.toISOString() },
    });
    const senere = new Date('2027-01-01T00:00:00Z');
    expect(afpublicer(oppe, senere, NU)).toMatchObject({ ok: true, publicering: { fra: senere.toISOString() } });
    expect(afpublicer([], undefined, NU)).toEqual({ ok: false, fejl: 'Siden er ikke publiceret.' });
    const nede = [...oppe, { versionNr: null, fra: iso('2026-02-01T00:00:00Z') }];
    expect(afpublicer(nede, undefined, NU).ok).toBe(false);
    // A page scheduled to go up can be stopped before it does.
    expect(afpublicer([{ versionNr: 1, fra: iso('2027-03-01T00:00:00Z') }], undefined, NU).ok).toBe(true);
  });
});

describe('indholdsstatus: linjen i oversigten', () => {
  const oppe: Publicering[] = [{ versionNr: 1, fra: iso('2026-01-01T00:00:00Z') }];

  it('en ny side er en kladde, til den sendes til godkendelse', () => {
    expect(indholdsstatus([v('kladde')], [], NU)).toEqual({ status: 'kladde', planlagt: null, venter: null });
    expect(indholdsstatus([v('til-godkendelse')], [], NU)).toMatchObject({ status: 'til-godkendelse', venter: null });
  });

  it('en publiceret side med en ny kladde ved siden af viser begge', () => {
    expect(indholdsstatus([v('godkendt', 1), v('kladde', 2)], oppe, NU)).toEqual({
      status: 'publiceret',
      planlagt: null,
      venter: 'kladde',
    });
  });

  it('planlagt, når siden først kommer op senere; ellers publiceret med den næste ændring', () => {
    const juli = { versionNr: 2, fra: iso('2027-07-01T00:00:00Z') };
    expect(indholdsstatus([v('godkendt', 2)], [juli], NU)).toMatchObject({ status: 'planlagt', planlagt: juli });
    expect(indholdsstatus([v('godkendt', 1), v('godkendt', 2)], [...oppe, juli], NU)).toMatchObject({
      status: 'publiceret',
      planlagt: juli,
    });
  });

  it('afpubliceret, når siden er taget ned', () => {
    const nede = [...oppe, { versionNr: null, fra: iso('2026-02-01T00:00:00Z') }];
    expect(indholdsstatus([v('godkendt')], nede, NU).status).toBe('afpubliceret');
  });
});

describe('skalGennemses', () => {
  it('efter tolv måneder, eller hvis siden aldrig er gennemset', () => {
    expect(skalGennemses('2025-12-05', '2026-12-04')).toBe(false);
    expect(skalGennemses('2025-12-04', '2026-12-04')).toBe(true);
    expect(skalGennemses(null, '2026-12-04')).toBe(true);
  });
});
