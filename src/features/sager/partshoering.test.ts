import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { kanTilfoeje } from './frister.ts';
import { aabenPartshoering, besvarPartshoering, PartshoeringFejl, tilfoejelser } from './partshoering.server.ts';

describe('kanTilfoeje', () => {
  it.each([
    ['ikke besvaret endnu', null, '2026-11-24', false],
    ['besvaret, før fristen', '2026-11-20T10:00:00Z', '2026-11-24', true],
    ['besvaret, på fristens dag', '2026-11-20T10:00:00Z', '2026-11-29', true],
    ['besvaret, dagen efter fristen', '2026-11-20T10:00:00Z', '2026-11-30', false],
  ] as const)('%s', (_, besvaret, idag, svar) => {
    expect(kanTilfoeje({ besvaret, svarfrist: '2026-11-29' }, idag)).toBe(svar);
  });
});

/** The demo database, Ali, and the partshøring on his Ledsagelse case (deadline five days after NU). */
async function alisPartshoering() {
  const { db, demo } = await nyDemoDb();
  const ali = defined(
    await loadBruger(db, { personId: demo.ali.id, medarbejderId: null, handlerForId: null } as Session, NU),
    'Ali',
  );
  const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 97');
  const ph = defined(await aabenPartshoering(db, sag.id), 'Partshøringen');
  const svar = (tekst: string, mere: { send?: 'ja'; tilfoejelse?: 'ja'; noegle?: string } = {}, nu = NU) =>
    besvarPartshoering(
      db,
      ali,
      { partshoeringId: ph.id, tekst, noegle: mere.noegle ?? crypto.randomUUID(), ...mere },
      nu,
    );
  const journal = async (type: string) =>
    (await db.select().from(t.journalhaendelser).where(eq(t.journalhaendelser.type, type))).length;
  const nu = async () => defined(await aabenPartshoering(db, sag.id), 'Partshøringen');
  return { db, ph, svar, journal, nu };
}

describe('besvarPartshoering', () => {
  it('tjek-trinnet skriver intet; først "send" giver svaret, kvitteringen og én journalhændelse', async () => {
    const { svar, journal, nu } = await alisPartshoering();
    expect(await svar('Lægen har ikke set mig siden sidste år.')).toMatchObject({ tjek: true });
    expect((await nu()).besvaret).toBeNull();
    expect(await journal('partshoeringssvar')).toBe(0);

    expect(await svar('Lægen har ikke set mig siden sidste år.', { send: 'ja' })).toMatchObject({ tjek: false });
    const besvaret = await nu();
    expect(besvaret).toMatchObject({ svar: 'Lægen har ikke set mig siden sidste år.', besvaretAf: 'Ali Hassan' });
    expect(besvaret.kvitteringsnr).toMatch(/^P-/);
    // The answer form sent again (a double click) shows the same receipt and writes nothing.
    await svar('Noget andet.', { send: 'ja' });
    expect((await nu()).svar).toBe('Lægen har ikke set mig siden sidste år.');
    expect(await journal('partshoeringssvar')).toBe(1);
  });

  it('en tilføjelse inden fristen får sin egen kvittering; samme formular to gange er én tilføjelse', async () => {
    const { db, ph, svar, journal } = await alisPartshoering();
    await svar('Jeg er uenig.', { send: 'ja' });
    const noegle = crypto.randomUUID();
    await svar('Jeg har fået en ny læge.', { send: 'ja', tilfoejelse: 'ja', noegle });
    await svar('Jeg har fået en ny læge.', { send: 'ja', tilfoejelse: 'ja', noegle });
    const raekker = await tilfoejelser(db, ph.id);
    expect(raekker).toMatchObject([{ tekst: 'Jeg har fået en ny læge.', af: 'Ali Hassan' }]);
    expect(defined(raekker[0], 'tilføjelsen').kvitteringsnr).toMatch(/^P-/);
    expect(await journal('partshoering-tilfoejelse')).toBe(1);
    // The first answer is untouched.
    expect(foerste(await db.select().from(t.partshoeringer).where(eq(t.partshoeringer.id, ph.id)))?.svar).toBe(
      'Jeg er uenig.',
    );
  });

  it('efter fristens dag afvises en tilføjelse, også i tjek-trinnet, med fristen i beskeden', async () => {
    const { db, ph, svar } = await alisPartshoering();
    await svar('Jeg er uenig.', { send: 'ja' });
    const dagenEfter = new Date(`${ph.svarfrist}T12:00:00Z`);
    dagenEfter.setUTCDate(dagenEfter.getUTCDate() + 1);
    await expect(svar('For sent.', { tilfoejelse: 'ja' }, dagenEfter)).rejects.toThrow(PartshoeringFejl);
    await expect(svar('For sent.', { send: 'ja', tilfoejelse: 'ja' }, dagenEfter)).rejects.toThrow(
      /Fristen for at svare var/,
    );
    expect(await tilfoejelser(db, ph.id)).toEqual([]);
  });
});
