/** Nothing reads a person's data before the door: attachments, fuldmagt requests, the 18-year transition. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kanAnmodeFor } from '#/features/fuldmagt/fuldmagt.server.ts';
import {
  gemBilag,
  gemSkridt,
  hentBilag,
  indsendAnsoegning,
  startKladde,
} from '#/features/hjaelpemidler/ansoegning.server.ts';
import { navnMedTypensEndelse } from '#/features/hjaelpemidler/filtjek.ts';
import { overgangFor, visOvergang } from '#/features/overgang/overgang.server.ts';
import { sagTilBehandling } from '#/features/sager/sager.server.ts';
import { audit, bilag, hjaelpemiddelAnsoegninger, relationer, sager } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mit-forloeb-bilag-'));
  process.env.BILAG_DIR = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const png = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...new TextEncoder().encode('<html><script>alert(1)</script>'),
]);

/** Ali starts an application with a PNG named .html attached; returns the draft and the file's id. */
function aliMedBilag(v: ReturnType<typeof nyVerden>) {
  const ali = v.borger('ali');
  const kladdeId = startKladde(v.db, ali, v.demo.ali.id, undefined, NU);
  gemBilag(v.db, ali, kladdeId, { navn: 'laegeerklaering.html', type: 'image/png', bytes: png }, NU);
  const bilagId = v.db.select().from(bilag).where(eq(bilag.kladdeId, kladdeId)).get()?.id ?? '';
  return { ali, kladdeId, bilagId };
}

describe('bilag', () => {
  it('Sofie kan ikke hente et bilag fra Alis kladde, som ikke er sendt', () => {
    const v = nyVerden();
    const { bilagId } = aliMedBilag(v);
    expect(() => hentBilag(v.db, v.medarbejder('sofie'), bilagId, NU)).toThrow(IkkeFundet);
  });

  it('efter indsendelsen henter kun medarbejdere med ansøgningens sag bilaget', () => {
    const v = nyVerden();
    const { ali, kladdeId, bilagId } = aliMedBilag(v);
    gemSkridt(
      v.db,
      ali,
      kladdeId,
      {
        behov: 'Jeg kan ikke stå op i badet.',
        hjaelpemiddel: 'badebaenk',
        varighed: 'varigt',
        telefon: '20304050',
        besoegstid: 'formiddag',
        leveringsadresse: 'Åvænget 3, 7160 Tørring',
      },
      NU,
    );
    const { ansoegningId } = indsendAnsoegning(
      v.db,
      ali,
      kladdeId,
      (id) => (id === 'badebaenk' ? { titel: 'Badebænk', lovgrundlag: 'Serviceloven § 112' } : undefined),
      NU,
    );
    const ansoegning = v.db
      .select()
      .from(hjaelpemiddelAnsoegninger)
      .where(eq(hjaelpemiddelAnsoegninger.id, ansoegningId))
      .get();
    // The aid is the draft's own answer, looked up in the catalogue: nothing the form sends beside it.
    expect([ansoegning?.katalogId, ansoegning?.hjaelpemiddel]).toEqual(['badebaenk', 'Badebænk']);
    const sag = v.db
      .select()
      .from(sager)
      .where(eq(sager.id, ansoegning?.sagId ?? ''))
      .get();
    expect(sag?.enhed).toBe('vest');
    // Sofie has Ali's Voksenhandicap cases, but not this Team Vest case.
    expect(() => hentBilag(v.db, v.medarbejder('sofie'), bilagId, NU)).toThrow(IkkeFundet);
    v.db
      .update(sager)
      .set({ sagsbehandlerId: v.medarbejderId('sofie') })
      .where(eq(sager.id, sag?.id ?? ''))
      .run();
    expect(hentBilag(v.db, v.medarbejder('sofie'), bilagId, NU).filnavn).toBe('laegeerklaering.png');
    expect(hentBilag(v.db, ali, bilagId, NU).filnavn).toBe('laegeerklaering.png');
  });

  it.each([
    ['laegeerklaering.html', 'image/png', 'laegeerklaering.png'],
    ['scan.PDF', 'application/pdf', 'scan.pdf'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpg'],
    ['rapport', 'application/pdf', 'rapport.pdf'],
    ['.htaccess', 'image/png', '.htaccess.png'],
    ['a.b.svg', 'image/png', 'a.b.png'],
  ] as const)('%s hentes som %s med navnet %s', (navn, type, forventet) => {
    expect(navnMedTypensEndelse(navn, type)).toBe(forventet);
  });
});

describe('bed om en fuldmagt', () => {
  it('Mette ser Frejas navn gennem døren, og Frejas log viser det', () => {
    const v = nyVerden();
    expect(kanAnmodeFor(v.db, v.borger('mette'), NU).map((p) => p.navn)).toEqual(['Freja Holm']);
    expect(
      v.db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, v.demo.freja.id), eq(audit.aktoerId, v.demo.mette.id)))
        .all(),
    ).toMatchObject([{ handling: 'se', hvad: 'Navn vist: bed om en fuldmagt' }]);
  });

  it('Karin ser ikke Jens, når han har tilbagekaldt fuldmagten', () => {
    const v = nyVerden();
    v.db
      .update(relationer)
      .set({ tilbagekaldt: NU.toISOString() })
      .where(eq(relationer.fraPersonId, v.demo.karin.id))
      .run();
    expect(kanAnmodeFor(v.db, v.borger('karin'), NU)).toEqual([]);
  });
});

describe('overgangen', () => {
  it('Birgit får hverken svar eller 404-forskel om Frejas overgang', () => {
    const v = nyVerden();
    expect(visOvergang(v.db, v.borger('birgit'), v.demo.freja.id, NU)).toBe(false);
    expect(() => overgangFor(v.db, v.borger('birgit'), v.demo.freja.id, NU)).toThrow(IkkeFundet);
    expect(visOvergang(v.db, v.borger('freja'), v.demo.freja.id, NU)).toBe(true);
  });
});

describe('sagsbehandlerens sagsside', () => {
  it('skriver én linje i borgerens log pr. visning', () => {
    const v = nyVerden();
    const sag = v.db.select().from(sager).where(eq(sager.personId, v.demo.ali.id)).get();
    sagTilBehandling(v.db, v.medarbejder('sofie'), sag?.id ?? '', NU);
    expect(
      v.db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, v.demo.ali.id), eq(audit.aktoerId, v.medarbejderId('sofie'))))
        .all(),
    ).toMatchObject([{ hvad: `Sag: ${sag?.titel}` }]);
  });
});
