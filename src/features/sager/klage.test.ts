import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { indsendKlage, KlageFejl } from './klage.server.ts';
import { kanKlage, klageHindring } from './klage.ts';

describe('klageHindring', () => {
  const afg = { id: 'a1', klagefrist: '2026-12-01' };
  it.each([
    ['ingen afgørelse', undefined, [], '2026-11-24', 'ingen-afgoerelse'],
    ['inden fristen', afg, [], '2026-11-24', null],
    ['på fristens sidste dag', afg, [], '2026-12-01', null],
    ['efter fristen', afg, [], '2026-12-02', 'frist-udloebet'],
    ['allerede klaget over afgørelsen', afg, [{ afgoerelseId: 'a1' }], '2026-11-24', 'allerede-klaget'],
    ['klaget over en tidligere afgørelse', afg, [{ afgoerelseId: 'a0' }], '2026-11-24', null],
  ] as const)('%s', (_, a, klager, idag, svar) => {
    expect(klageHindring(a, klager, idag)).toBe(svar);
    expect(kanKlage(a, klager, idag)).toBe(svar === null);
  });
});

describe('indsendKlage', () => {
  it('Ali kan ikke klage to gange over samme afgørelse, heller ikke med en ny formular', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await loadBruger(db, { personId: demo.ali.id, medarbejderId: null, handlerForId: null } as Session, NU);
    if (!ali) throw new Error('Ali mangler');
    const sag = foerste(
      await db
        .select()
        .from(t.sager)
        .where(and(eq(t.sager.personId, demo.ali.id), eq(t.sager.lovgrundlag, 'Serviceloven § 100'))),
    );
    if (!sag) throw new Error('sagen mangler');
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
});
