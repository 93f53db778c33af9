import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IkkeFundet, loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { bedOmAktindsigt } from './aktindsigt.server.ts';
import { aktindsigtSvarfrist } from './frister.ts';

describe('aktindsigtSvarfrist', () => {
  it.each([
    ['2026-11-24', '2026-12-03', 'a Tuesday: 7 working days over a weekend'],
    ['2026-03-31', '2026-04-14', 'over Easter 2026'],
    ['2026-12-21', '2026-12-31', 'over the Christmas days'],
  ])('modtaget %s: svar senest %s (%s)', (modtaget, frist) => expect(aktindsigtSvarfrist(modtaget)).toBe(frist));
});

describe('bedOmAktindsigt', () => {
  const borger = async (db: Awaited<ReturnType<typeof nyDemoDb>>['db'], personId: string) => {
    const b = await loadBruger(db, { personId, medarbejderId: null, handlerForId: null } as Session, NU);
    if (!b) throw new Error('borgeren mangler');
    return b;
  };

  it('gemmes én gang pr. formular med svarfrist, hændelse til borgeren og til journalen', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await borger(db, demo.ali.id);
    const sag = foerste(
      await db
        .select()
        .from(t.sager)
        .where(and(eq(t.sager.personId, demo.ali.id), eq(t.sager.lovgrundlag, 'Serviceloven § 97'))),
    );
    if (!sag) throw new Error('sagen mangler');
    const input = { sagId: sag.id, tekst: 'Lægens udtalelse og jeres notater fra mødet.', noegle: crypto.randomUUID() };
    const foerst = await bedOmAktindsigt(db, ali, input, NU);
    expect(await bedOmAktindsigt(db, ali, input, new Date(NU.getTime() + 1000))).toEqual(foerst);
    const rows = await db.select().from(t.aktindsigter).where(eq(t.aktindsigter.sagId, sag.id));
    expect(rows.map((r) => [r.svarFrist, r.indsendtAf])).toEqual([['2026-12-03', 'Ali Hassan']]);
    expect(rows[0]?.kvitteringsnr).toMatch(/^A-2026-[A-Z0-9]{6}$/);
    const h = await db.select().from(t.sagshaendelser).where(eq(t.sagshaendelser.sagId, sag.id));
    expect(h.filter((x) => x.tekst.startsWith('Vi har modtaget din anmodning om aktindsigt'))).toHaveLength(1);
    const j = await db
      .select()
      .from(t.journalhaendelser)
      .where(eq(t.journalhaendelser.genstandId, foerst.aktindsigtId));
    expect(j.map((x) => [x.type, x.data])).toEqual([
      ['aktindsigt', { tekst: input.tekst, indsendtAf: 'Ali Hassan', svarFrist: '2026-12-03' }],
    ]);
  });

  it('Birgit kan ikke bede om aktindsigt i Alis sag, og intet gemmes', async () => {
    const { db, demo } = await nyDemoDb();
    const birgit = await borger(db, demo.birgit.id);
    const sag = foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id)));
    if (!sag) throw new Error('sagen mangler');
    await expect(
      bedOmAktindsigt(db, birgit, { sagId: sag.id, tekst: 'Alt i sagen', noegle: crypto.randomUUID() }, NU),
    ).rejects.toThrow(IkkeFundet);
    expect(foerste(await db.select({ n: count() }).from(t.aktindsigter))?.n).toBe(0);
  });
});
