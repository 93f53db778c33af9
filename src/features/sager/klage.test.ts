import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { indsendKlage, KlageFejl } from './klage.server.ts';
import { kanKlage, klageHindring } from './klage.ts';

describe('klageHindring', () => {
  const afg = { id: 'a1', klagefrist: '2026-12-01' };
  it.each([
    ['ingen afgørelse', undefined, [], 'ingen-afgoerelse'],
    ['ikke klaget endnu', afg, [], null],
    ['allerede klaget over afgørelsen', afg, [{ afgoerelseId: 'a1' }], 'allerede-klaget'],
    ['klaget over en tidligere afgørelse', afg, [{ afgoerelseId: 'a0' }], null],
  ] as const)('%s', (_, a, klager, svar) => {
    expect(klageHindring(a, klager)).toBe(svar);
    expect(kanKlage(a, klager)).toBe(svar === null);
  });
});

/** A demo database, Ali as the user, and his case under `lovgrundlag`. */
async function alisSag(lovgrundlag: string) {
  const { db, demo } = await nyDemoDb();
  const ali = await loadBruger(db, { personId: demo.ali.id, medarbejderId: null, handlerForId: null } as Session, NU);
  if (!ali) throw new Error('Ali mangler');
  return { db, ali, sag: await demoSag(db, demo.ali.id, lovgrundlag) };
}

describe('indsendKlage', () => {
  it('Ali kan ikke klage to gange over samme afgørelse, heller ikke med en ny formular', async () => {
    const { db, ali, sag } = await alisSag('Serviceloven § 100');
    const tekst = 'Mine udgifter er højere end I har regnet med.';
    const kvittering = await indsendKlage(db, ali, { sagId: sag.id, tekst, noegle: crypto.randomUUID() }, NU);
    const samme = await indsendKlage(
      db,
      ali,
      { sagId: sag.id, tekst, noegle: foerste(await db.select().from(t.klager))?.noegle ?? '' },
      NU,
    );
    expect(samme).toEqual(kvittering);
    await expect(indsendKlage(db, ali, { sagId: sag.id, tekst, noegle: crypto.randomUUID() }, NU)).rejects.toThrow(
      /allerede klaget/,
    );
    await expect(indsendKlage(db, ali, { sagId: sag.id, tekst, noegle: crypto.randomUUID() }, NU)).rejects.toThrow(
      KlageFejl,
    );
    expect(foerste(await db.select({ n: count() }).from(t.klager).where(eq(t.klager.sagId, sag.id)))?.n).toBe(1);
  });

  it('en klage efter fristen modtages, mærkes for sen og går til journalen og genvurderingen som alle andre', async () => {
    const { db, ali, sag } = await alisSag('Serviceloven § 85');
    const tekst = 'Jeg var indlagt, da afgørelsen kom, og kunne ikke klage før nu.';
    const { klageId } = await indsendKlage(db, ali, { sagId: sag.id, tekst, noegle: crypto.randomUUID() }, NU);
    const klage = foerste(await db.select().from(t.klager).where(eq(t.klager.id, klageId)));
    expect([klage?.forSent, klage?.status]).toEqual([true, 'modtaget']);
    const haendelse = foerste(
      await db.select().from(t.journalhaendelser).where(eq(t.journalhaendelser.genstandId, klageId)),
    );
    expect(haendelse?.data).toMatchObject({ forSent: true, tekst });
    expect(foerste(await db.select().from(t.sager).where(eq(t.sager.id, sag.id)))?.trin).toBe(7);
  });

  it('en klage inden fristen er ikke mærket for sen', async () => {
    const { db, ali, sag } = await alisSag('Serviceloven § 100');
    const { klageId } = await indsendKlage(
      db,
      ali,
      { sagId: sag.id, tekst: 'Mine udgifter er højere.', noegle: crypto.randomUUID() },
      NU,
    );
    expect(foerste(await db.select().from(t.klager).where(eq(t.klager.id, klageId)))?.forSent).toBe(false);
  });
});
