import { describe, expect, it } from 'vitest';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { auditFor, logAudit, relationerTil } from './audit.server.ts';
import { hvemTekst, parseLogFilter } from './log.ts';

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
