/** The editors' overview on the imported content: status, review due, and every page citing a paragraph. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Bruger, IkkeFundet } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { importerIndhold } from './filer.server.ts';
import { indholdForRedaktoer, indholdsoversigt } from './oversigt.server.ts';
import { gemKladde, offentligVersion, udfoerTrin } from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const ET_AAR_SENERE = new Date('2027-12-04T10:00:00.000Z');

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
  await importerIndhold(db, 'content', NU);
});

describe('indholdsoversigt', () => {
  it('viser hver side publiceret, med titel, og ingen til gennemsyn lige efter importen', async () => {
    const alle = await indholdsoversigt(db, NU);
    expect(alle).toHaveLength(63);
    expect(alle.every((l) => l.status === 'publiceret' && l.venter === null)).toBe(true);
    expect(alle.find((l) => l.slug === 'hvad-aendrer-sig-ved-18')).toMatchObject({
      samling: 'pjecer',
      titel: 'Hvad ændrer sig, når du fylder 18?',
      sidstGennemset: '2026-12-03',
      skalGennemses: false,
    });
    expect(await indholdsoversigt(db, NU, { tilGennemsyn: true })).toEqual([]);
  });

  it('et år efter er alt til gennemsyn: pjecerne efter gennemgaaet, resten efter godkendelsen', async () => {
    expect(await indholdsoversigt(db, ET_AAR_SENERE, { tilGennemsyn: true })).toHaveLength(63);
  });

  it('finder hver side, der henviser til Serviceloven § 112, og kun dem', async () => {
    const fundet = (await indholdsoversigt(db, NU, { paragraf: 'Serviceloven § 112' })).map(
      (l) => `${l.samling}/${l.slug}`,
    );
    const hjaelpemidler = readdirSync('content/hjaelpemidler')
      .filter((f) => /Serviceloven § 112\b/.test(readFileSync(join('content/hjaelpemidler', f), 'utf8')))
      .map((f) => `hjaelpemidler/${f.slice(0, -3)}`);
    expect(hjaelpemidler.length).toBeGreaterThan(3);
    expect(fundet).toEqual(expect.arrayContaining(hjaelpemidler));
    expect(fundet).not.toContain('pjecer/hvad-aendrer-sig-ved-18');
    // "§ 112" without a law is no paragraph: nothing, rather than everything.
    expect(await indholdsoversigt(db, NU, { paragraf: '§ 112' })).toEqual([]);
  });

  it('en ny kladde står ved siden af den publicerede side, og søgning finder den på titlen', async () => {
    const v1 = await offentligVersion(db, 'pjecer', 'hvad-aendrer-sig-ved-18', NU);
    if (!v1) throw new Error('Pjecen blev ikke importeret');
    const side = { samling: 'pjecer', slug: 'hvad-aendrer-sig-ved-18' } as const;
    await gemKladde(db, 'anne', { ...side, frontmatter: v1.frontmatter, tekst: v1.tekst }, NU);
    await udfoerTrin(db, 'anne', { ...side, nr: 2 }, { type: 'indsend' }, { kraeverGodkendelse: true }, NU);
    expect(await indholdsoversigt(db, NU, { soeg: 'fylder 18' })).toMatchObject([
      { slug: 'hvad-aendrer-sig-ved-18', status: 'publiceret', venter: 'til-godkendelse' },
    ]);
  });
});

describe('indholdForRedaktoer', () => {
  const som = (rolle: 'redaktoer' | 'sagsbehandler') =>
    ({ aktoer: { type: 'medarbejder', medarbejderId: 'x', enhed: 'oest', rolle } }) as Bruger;

  it('kun for redaktører: en sagsbehandler får 404', async () => {
    await expect(indholdForRedaktoer(db, som('sagsbehandler'), NU, new URLSearchParams())).rejects.toThrow(IkkeFundet);
  });

  it('en paragraf uden lov får beskeden ved feltet, og det skrevne bevares', async () => {
    const r = await indholdForRedaktoer(db, som('redaktoer'), NU, new URLSearchParams({ paragraf: '§ 112' }));
    expect(r.fejl).toEqual({ paragraf: ['Skriv loven og paragraffen, fx Serviceloven § 112.'] });
    expect(r.vaerdier.paragraf).toBe('§ 112');
    expect(r.linjer).toHaveLength(63);
  });
});
