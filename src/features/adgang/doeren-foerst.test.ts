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
import { foerste } from '../../../db/client.ts';
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
async function aliMedBilag(v: Awaited<ReturnType<typeof nyVerden>>) {
  const ali = await v.borger('ali');
  const kladdeId = await startKladde(v.db, ali, v.demo.ali.id, undefined, NU);
  await gemBilag(v.db, ali, kladdeId, { navn: 'laegeerklaering.html', type: 'image/png', bytes: png }, NU);
  const bilagId = foerste(await v.db.select().from(bilag).where(eq(bilag.kladdeId, kladdeId)))?.id ?? '';
  return { ali, kladdeId, bilagId };
}

describe('bilag', () => {
  it('Sofie kan ikke hente et bilag fra Alis kladde, som ikke er sendt', async () => {
    const v = await nyVerden();
    const { bilagId } = await aliMedBilag(v);
    await expect(hentBilag(v.db, await v.medarbejder('sofie'), bilagId, NU)).rejects.toThrow(IkkeFundet);
  });

  it('efter indsendelsen henter kun medarbejdere med ansøgningens sag bilaget', async () => {
    const v = await nyVerden();
    const { ali, kladdeId, bilagId } = await aliMedBilag(v);
    await gemSkridt(
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
    const { ansoegningId } = await indsendAnsoegning(
      v.db,
      ali,
      kladdeId,
      (id) => (id === 'badebaenk' ? { titel: 'Badebænk', lovgrundlag: 'Serviceloven § 112' } : undefined),
      NU,
    );
    const ansoegning = foerste(
      await v.db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, ansoegningId)),
    );
    // The aid is the draft's own answer, looked up in the catalogue: nothing the form sends beside it.
    expect([ansoegning?.katalogId, ansoegning?.hjaelpemiddel]).toEqual(['badebaenk', 'Badebænk']);
    const sag = foerste(
      await v.db
        .select()
        .from(sager)
        .where(eq(sager.id, ansoegning?.sagId ?? '')),
    );
    expect(sag?.enhed).toBe('vest');
    // Sofie has Ali's Voksenhandicap cases, but not this Team Vest case.
    await expect(hentBilag(v.db, await v.medarbejder('sofie'), bilagId, NU)).rejects.toThrow(IkkeFundet);
    await v.db
      .update(sager)
      .set({ sagsbehandlerId: v.medarbejderId('sofie') })
      .where(eq(sager.id, sag?.id ?? ''));
    expect((await hentBilag(v.db, await v.medarbejder('sofie'), bilagId, NU)).filnavn).toBe('laegeerklaering.png');
    expect((await hentBilag(v.db, ali, bilagId, NU)).filnavn).toBe('laegeerklaering.png');
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
  it('Mette ser Frejas navn gennem døren, og Frejas log viser det', async () => {
    const v = await nyVerden();
    expect((await kanAnmodeFor(v.db, await v.borger('mette'), NU)).map((p) => p.navn)).toEqual(['Freja Holm']);
    expect(
      await v.db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, v.demo.freja.id), eq(audit.aktoerId, v.demo.mette.id))),
    ).toMatchObject([{ handling: 'se', hvad: 'Navn vist: bed om en fuldmagt' }]);
  });

  it('Karin ser ikke Jens, når han har tilbagekaldt fuldmagten', async () => {
    const v = await nyVerden();
    await v.db
      .update(relationer)
      .set({ tilbagekaldt: NU.toISOString() })
      .where(eq(relationer.fraPersonId, v.demo.karin.id));
    expect(await kanAnmodeFor(v.db, await v.borger('karin'), NU)).toEqual([]);
  });
});

describe('overgangen', () => {
  it('Birgit får hverken svar eller 404-forskel om Frejas overgang', async () => {
    const v = await nyVerden();
    expect(await visOvergang(v.db, await v.borger('birgit'), v.demo.freja.id, NU)).toBe(false);
    await expect(overgangFor(v.db, await v.borger('birgit'), v.demo.freja.id, NU)).rejects.toThrow(IkkeFundet);
    expect(await visOvergang(v.db, await v.borger('freja'), v.demo.freja.id, NU)).toBe(true);
  });
});

describe('sagsbehandlerens sagsside', () => {
  it('skriver én linje i borgerens log pr. visning', async () => {
    const v = await nyVerden();
    const sag = foerste(await v.db.select().from(sager).where(eq(sager.personId, v.demo.ali.id)));
    await sagTilBehandling(v.db, await v.medarbejder('sofie'), sag?.id ?? '', NU);
    expect(
      await v.db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, v.demo.ali.id), eq(audit.aktoerId, v.medarbejderId('sofie')))),
    ).toMatchObject([{ hvad: `Sag: ${sag?.titel}` }]);
  });
});
