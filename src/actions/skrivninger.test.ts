import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { KlageFejl } from '#/features/sager/klage.server.ts';
import { defined } from '#/lib/defined.ts';
import { NulTegnFejl } from '#/lib/nul-tegn.ts';
import { foerste } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { demoSag } from '../../db/test-fixtures.ts';
import { erKendtUdfald, skrivninger, udfoerSkrivning } from './skrivninger.ts';

describe('udfoerSkrivning', () => {
  // Found by the action fuzz: the access door logs "opret: Klage over afgørelse" before the
  // complaint rule refuses, and that entry stayed in the person's log for a complaint never made.
  // (A late complaint is never refused; a second complaint on the same decision is.)
  it('en afvist klage efterlader intet, heller ikke i loggen', async () => {
    const { db, demo } = await nyDemoDb();
    const freja = defined(
      await loadBruger(db, { personId: demo.freja.id, medarbejderId: null, handlerForId: null } as Session, NU),
      'Brugeren',
    );
    const sag = await demoSag(db, demo.freja.id, 'Barnets Lov § 86');
    const logLinjer = async () => defined(foerste(await db.select({ n: count() }).from(t.audit)), 'Antallet').n;
    const tekst = 'Jeg er uenig i afgørelsen om kørsel.';
    await udfoerSkrivning(db, skrivninger.klag, freja, { sagId: sag.id, tekst, noegle: crypto.randomUUID() }, NU);
    const foer = await logLinjer();
    const input = { sagId: sag.id, tekst, noegle: crypto.randomUUID() };
    await expect(udfoerSkrivning(db, skrivninger.klag, freja, input, NU)).rejects.toThrow(KlageFejl);
    expect(await logLinjer()).toBe(foer);
  });

  // Found by the action fuzz: a tampered form with the same box twice hit the unique index (a 500).
  it('et punkt sendt to gange i tjeklisten gemmes én gang', async () => {
    const { db, demo } = await nyDemoDb();
    const freja = defined(
      await loadBruger(db, { personId: demo.freja.id, medarbejderId: null, handlerForId: null } as Session, NU),
      'Brugeren',
    );
    await udfoerSkrivning(
      db,
      skrivninger.gemTjekliste,
      freja,
      { personId: demo.freja.id, punkter: ['mitid', 'mitid'] },
      NU,
    );
    expect(
      await db
        .select({ punkt: t.overgangTjekliste.punkt })
        .from(t.overgangTjekliste)
        .where(eq(t.overgangTjekliste.personId, demo.freja.id)),
    ).toEqual([{ punkt: 'mitid' }]);
  });

  // Found by the e2e fuzz on PostgreSQL, which cannot store U+0000 in text: the lookup was a 500 there.
  it('et NUL-tegn i en formular afvises med en dansk besked på begge databaser, og intet gemmes', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = defined(
      await loadBruger(db, { personId: demo.ali.id, medarbejderId: null, handlerForId: null } as Session, NU),
      'Brugeren',
    );
    const logLinjer = async () => defined(foerste(await db.select({ n: count() }).from(t.audit)), 'Antallet').n;
    const foer = await logLinjer();
    const input = { partshoeringId: '\u0000', tekst: 'Jeg er enig.', noegle: crypto.randomUUID() };
    await expect(udfoerSkrivning(db, skrivninger.svarPartshoering, ali, input, NU)).rejects.toThrow(NulTegnFejl);
    expect(await logLinjer()).toBe(foer);
  });

  it('kender de afvisninger, handlingerne giver videre på dansk', () => {
    expect(erKendtUdfald(new KlageFejl('Klagefristen er udløbet.'))).toBe(true);
    expect(erKendtUdfald(new TypeError('x is undefined'))).toBe(false);
  });
});
