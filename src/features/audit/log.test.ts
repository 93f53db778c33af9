import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { dagen } from '#/lib/dato.ts';
import { auditFor, logAudit, relationerTil } from './audit.server.ts';
import {
  dagOverskrift,
  gangeTekst,
  grupperLog,
  hvemTekst,
  type LogRaekke,
  parseLogFilter,
  tidsrumTekst,
} from './log.ts';

describe('hvemTekst', () => {
  const relationer = new Map([
    ['karin', 'fuldmagt'],
    ['mette', 'foraeldremyndighed'],
  ] as const);
  it.each([
    [{ aktoerType: 'borger', aktoerId: 'jens', aktoerNavn: 'Jens Madsen' }, 'Dig selv'],
    [{ aktoerType: 'borger', aktoerId: 'karin', aktoerNavn: 'Karin Madsen' }, 'Karin Madsen (pårørende med fuldmagt)'],
    [{ aktoerType: 'borger', aktoerId: 'mette', aktoerNavn: 'Mette Holm' }, 'Mette Holm (forælder)'],
    [{ aktoerType: 'borger', aktoerId: 'tidligere', aktoerNavn: 'Ole Hansen' }, 'Ole Hansen (pårørende)'],
    [{ aktoerType: 'medarbejder', aktoerId: 'm1', aktoerNavn: 'Sofie Lund (medarbejder)' }, 'Sofie Lund (medarbejder)'],
    [{ aktoerType: 'system', aktoerId: 'nexus', aktoerNavn: 'Nexus (integration)' }, 'Nexus (integration)'],
  ] as const)('%o: %s', (raekke, tekst) => expect(hvemTekst(raekke, 'jens', new Map(relationer))).toBe(tekst));
});

describe('parseLogFilter', () => {
  it('viser som standard kun andre, og ignorerer ukendte værdier', () => {
    expect(parseLogFilter(new URLSearchParams())).toEqual({ vis: 'andre', foer: undefined });
    expect(parseLogFilter(new URLSearchParams('vis=x&foer=-3'))).toEqual({ vis: 'andre', foer: undefined });
    expect(parseLogFilter(new URLSearchParams('vis=alle&foer=120'))).toEqual({ vis: 'alle', foer: 120 });
  });
});

describe('auditFor', () => {
  it('Jens ser Karins og Sofies opslag uden sine egne, en side ad gangen, og hele listen på begge måder', async () => {
    const { db, demo } = await nyDemoDb();
    const jens = { aktoerType: 'borger', aktoerId: demo.jens.id, aktoerNavn: 'Jens Madsen' } as const;
    const karin = { aktoerType: 'borger', aktoerId: demo.karin.id, aktoerNavn: 'Karin Madsen' } as const;
    const sofie = { aktoerType: 'medarbejder', aktoerId: 'sofie', aktoerNavn: 'Sofie Lund (medarbejder)' } as const;
    for (let i = 0; i < 7; i++) {
      await logAudit(db, { ...jens, personId: demo.jens.id, handling: 'se', hvad: `Min side ${i}` }, NU);
      if (i % 2 === 0)
        await logAudit(
          db,
          { ...(i === 4 ? sofie : karin), personId: demo.jens.id, handling: 'se', hvad: `Sag ${i}` },
          NU,
        );
    }
    const andre = await auditFor(db, demo.jens.id, { vis: 'andre' }, 2);
    expect(andre.raekker.map((r) => r.hvad)).toEqual(['Sag 6', 'Sag 4']);
    const naeste = await auditFor(db, demo.jens.id, { vis: 'andre', foer: andre.aeldre ?? 0 }, 2);
    expect([naeste.raekker.map((r) => r.hvad), naeste.aeldre]).toEqual([['Sag 2', 'Sag 0'], null]);
    const alle = await auditFor(db, demo.jens.id, { vis: 'alle' }, 100);
    expect([alle.raekker.length, alle.aeldre]).toEqual([11, null]);
    // Karin's role comes from her fuldmagt from Jens.
    expect((await relationerTil(db, demo.jens.id)).get(demo.karin.id)).toBe('fuldmagt');
  });
});

describe('grupperLog', () => {
  const relationer = new Map([['karin', 'fuldmagt']] as const);
  const maria = { aktoerType: 'medarbejder', aktoerId: 'maria', aktoerNavn: 'Maria Kjær (medarbejder)' } as const;
  const karin = { aktoerType: 'borger', aktoerId: 'karin', aktoerNavn: 'Karin Madsen' } as const;
  const jens = { aktoerType: 'borger', aktoerId: 'jens', aktoerNavn: 'Jens Madsen' } as const;
  const nexus = { aktoerType: 'system', aktoerId: 'nexus', aktoerNavn: 'Nexus (integration)' } as const;
  const r = (
    aktoer: Pick<LogRaekke, 'aktoerType' | 'aktoerId' | 'aktoerNavn'>,
    tidspunkt: string,
    hvad: string,
    handling: LogRaekke['handling'] = 'se',
  ): LogRaekke => ({ ...aktoer, tidspunkt, hvad, handling });

  it('Maria ser Jens sag to gange om torsdagen: én linje med 2 gange, første og sidste tid og sagen én gang', () => {
    // Newest first, as the page reads them; 08:05Z is 09.05 in Copenhagen in winter.
    const dage = grupperLog(
      [
        r(maria, '2026-12-03T13:30:00.000Z', 'Sag: Ledsagelse'),
        r(karin, '2026-12-03T12:00:00.000Z', 'Sag: Ledsagelse'),
        r(maria, '2026-12-03T08:05:00.000Z', 'Sag: Ledsagelse'),
      ],
      'jens',
      relationer,
    );
    expect(dage).toEqual([
      {
        dag: '2026-12-03',
        hvem: [
          {
            hvem: 'Maria Kjær (medarbejder)',
            antal: 2,
            foerste: '09.05',
            sidste: '14.30',
            hvad: ['Så: Sag: Ledsagelse'],
          },
          {
            hvem: 'Karin Madsen (pårørende med fuldmagt)',
            antal: 1,
            foerste: '13.00',
            sidste: '13.00',
            hvad: ['Så: Sag: Ledsagelse'],
          },
        ],
      },
    ]);
  });

  it('hvad står hver for sig, i den rækkefølge det skete den dag, og det er ændret står ikke sammen med set', () => {
    const [dag] = grupperLog(
      [
        r(maria, '2026-12-03T10:00:00.000Z', 'Sag: Ledsagelse', 'ret'),
        r(maria, '2026-12-03T09:30:00.000Z', 'Plan'),
        r(maria, '2026-12-03T09:00:00.000Z', 'Sag: Ledsagelse'),
        r(maria, '2026-12-03T08:00:00.000Z', 'Plan'),
      ],
      'jens',
      relationer,
    );
    expect(dag?.hvem).toEqual([
      {
        hvem: 'Maria Kjær (medarbejder)',
        antal: 4,
        foerste: '09.00',
        sidste: '11.00',
        hvad: ['Så: Plan', 'Så: Sag: Ledsagelse', 'Ændrede: Sag: Ledsagelse'],
      },
    ]);
  });

  it('rækker fra samme øjeblik står i den rækkefølge, de blev skrevet: den nyeste først på siden', () => {
    const t = '2026-12-03T10:00:00.000Z';
    const [dag] = grupperLog(
      [r(maria, t, 'Sag: Ledsagelse'), r(karin, t, 'Plan'), r(maria, t, 'Sagsliste'), r(maria, t, 'Min side')],
      'jens',
      relationer,
    );
    expect(dag?.hvem.map((h) => [h.hvem, h.hvad])).toEqual([
      ['Maria Kjær (medarbejder)', ['Så: Min side', 'Så: Sagsliste', 'Så: Sag: Ledsagelse']],
      ['Karin Madsen (pårørende med fuldmagt)', ['Så: Plan']],
    ]);
  });

  it('dagen er dagen i København: kl. 23.30 UTC den 2. er den 3., og en dag går fra midnat til midnat', () => {
    const dage = grupperLog(
      [
        r(nexus, '2026-12-03T23:10:00.000Z', 'Sag: Ledsagelse'), // 00.10 the 4th
        r(nexus, '2026-12-03T22:50:00.000Z', 'Sag: Ledsagelse'), // 23.50 the 3rd
        r(nexus, '2026-12-02T23:30:00.000Z', 'Sag: Ledsagelse'), // 00.30 the 3rd
      ],
      'jens',
      relationer,
    );
    expect(dage.map((d) => [d.dag, d.hvem.map((h) => [h.antal, h.foerste, h.sidste])])).toEqual([
      ['2026-12-04', [[1, '00.10', '00.10']]],
      ['2026-12-03', [[2, '00.30', '23.50']]],
    ]);
  });

  it('to med samme navn er to, og Jens selv er "Dig selv"', () => {
    const andenMaria = { ...maria, aktoerId: 'maria-2' };
    const [dag] = grupperLog(
      [
        r(andenMaria, '2026-12-03T10:00:00.000Z', 'Sag: Ledsagelse'),
        r(jens, '2026-12-03T09:30:00.000Z', 'Min side'),
        r(maria, '2026-12-03T09:00:00.000Z', 'Sag: Ledsagelse'),
      ],
      'jens',
      relationer,
    );
    expect(dag?.hvem.map((h) => [h.hvem, h.antal])).toEqual([
      ['Maria Kjær (medarbejder)', 1],
      ['Dig selv', 1],
      ['Maria Kjær (medarbejder)', 1],
    ]);
  });

  it('ingen rækker giver ingen dage', () => expect(grupperLog([], 'jens', relationer)).toEqual([]));

  it('hver række tæller i præcis én linje, for sin dag og sin person, og en dag eller en person står kun én gang', () => {
    const raekke = fc.record({
      aktoer: fc.constantFrom(maria, karin, jens, nexus),
      // Three days around two winter nights, by the minute.
      minut: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      hvad: fc.constantFrom('Sag: Ledsagelse', 'Plan', 'Min side'),
      handling: fc.constantFrom('se', 'opret', 'ret'),
    });
    fc.assert(
      fc.property(fc.array(raekke, { maxLength: 60 }), (input) => {
        const raekker = input.map((x) =>
          r(x.aktoer, new Date(Date.UTC(2026, 11, 2, 12) + x.minut * 60_000).toISOString(), x.hvad, x.handling),
        );
        const forventet = new Map<string, number>();
        for (const x of raekker) {
          const noegle = `${dagen(new Date(x.tidspunkt))} ${hvemTekst(x, 'jens', relationer)}`;
          forventet.set(noegle, (forventet.get(noegle) ?? 0) + 1);
        }
        const dage = grupperLog(raekker, 'jens', relationer);
        const fundet = dage.flatMap((d) => d.hvem.map((h) => [`${d.dag} ${h.hvem}`, h.antal] as const));
        expect(new Map(fundet)).toEqual(forventet);
        expect(fundet).toHaveLength(forventet.size);
        expect(dage.map((d) => d.dag)).toEqual(
          [...new Set(raekker.map((x) => dagen(new Date(x.tidspunkt))))].sort().reverse(),
        );
        for (const h of dage.flatMap((d) => d.hvem)) {
          expect(h.foerste <= h.sidste).toBe(true);
          expect(new Set(h.hvad).size).toBe(h.hvad.length);
          expect(h.hvad.length).toBeLessThanOrEqual(h.antal);
        }
      }),
    );
  });
});

describe('dagens overskrift og tekster', () => {
  it.each([
    ['2026-12-03', 'Torsdag 3. december 2026'],
    ['2026-12-06', 'Søndag 6. december 2026'],
    ['2026-11-30', 'Mandag 30. november 2026'],
  ])('%s: %s', (dag, tekst) => expect(dagOverskrift(dag)).toBe(tekst));
  it('gange og tidsrum', () => {
    // With no-break spaces, so "2 gange" and "kl. 09.05" stay on one line in a narrow column.
    expect([gangeTekst(1), gangeTekst(2)]).toEqual(['1\u00a0gang', '2\u00a0gange']);
    expect(tidsrumTekst({ foerste: '09.05', sidste: '09.05' })).toBe('kl.\u00a009.05');
    expect(tidsrumTekst({ foerste: '09.05', sidste: '14.30' })).toBe('kl.\u00a009.05 til 14.30');
  });
});
