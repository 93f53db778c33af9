import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IkkeFundet, loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { AktindsigtFejl, bedOmAktindsigt, besvarAktindsigt } from './aktindsigt.server.ts';
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
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 97');
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

describe('besvarAktindsigt', () => {
  const bruger = async (db: Awaited<ReturnType<typeof nyDemoDb>>['db'], s: Partial<Session>) =>
    defined(
      await loadBruger(db, { personId: null, medarbejderId: null, handlerForId: null, ...s } as Session, NU),
      'Brugeren',
    );
  const medarbejder = (navn: string) =>
    defined(
      demoMedarbejdere.find((m) => m.navn.startsWith(navn)),
      navn,
    ).id;

  it('Sofie markerer Alis anmodning besvaret: borgeren ser svaret, journalen får det, og det sker kun én gang', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, { personId: demo.ali.id });
    const sofie = await bruger(db, { medarbejderId: medarbejder('Sofie') });
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 97');
    const { aktindsigtId } = await bedOmAktindsigt(
      db,
      ali,
      { sagId: sag.id, tekst: 'Alle dokumenter i sagen', noegle: crypto.randomUUID() },
      NU,
    );
    const svar = { sagId: sag.id, aktindsigtId, svar: 'Vi har sendt dokumenterne med Digital Post.' };
    const noegle = crypto.randomUUID();
    await besvarAktindsigt(db, sofie, { ...svar, noegle }, NU);
    // The same form again is the first answer; a new form on an answered request is refused.
    await besvarAktindsigt(db, sofie, { ...svar, noegle }, NU);
    await expect(besvarAktindsigt(db, sofie, { ...svar, noegle: crypto.randomUUID() }, NU)).rejects.toThrow(
      AktindsigtFejl,
    );
    const a = defined(foerste(await db.select().from(t.aktindsigter).where(eq(t.aktindsigter.id, aktindsigtId))), 'A');
    expect([a.besvaret, a.besvaretAf, a.svar]).toEqual([NU.toISOString(), medarbejder('Sofie'), svar.svar]);
    const h = await db.select().from(t.sagshaendelser).where(eq(t.sagshaendelser.sagId, sag.id));
    expect(h.filter((x) => x.tekst === `Vi har svaret på din anmodning om aktindsigt: ${svar.svar}`)).toHaveLength(1);
    const j = await db.select().from(t.journalhaendelser).where(eq(t.journalhaendelser.genstandId, aktindsigtId));
    expect(j.map((x) => x.type)).toEqual(['aktindsigt', 'aktindsigt-besvaret']);
  });

  it('en anmodning på en anden sag, en borger eller en medarbejder uden adgang ændrer intet', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, { personId: demo.ali.id });
    const sager = await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id));
    const [sag97, anden] = [
      defined(
        sager.find((s) => s.lovgrundlag === 'Serviceloven § 97'),
        '97',
      ),
      defined(
        sager.find((s) => s.lovgrundlag !== 'Serviceloven § 97'),
        'anden',
      ),
    ];
    const { aktindsigtId } = await bedOmAktindsigt(
      db,
      ali,
      { sagId: sag97.id, tekst: 'Alle dokumenter i sagen', noegle: crypto.randomUUID() },
      NU,
    );
    const forsoeg = (b: Awaited<ReturnType<typeof bruger>>, sagId: string) =>
      besvarAktindsigt(
        db,
        b,
        { sagId, aktindsigtId, svar: 'Sendt med Digital Post.', noegle: crypto.randomUUID() },
        NU,
      );
    await expect(forsoeg(await bruger(db, { medarbejderId: medarbejder('Sofie') }), anden.id)).rejects.toThrow(
      IkkeFundet,
    );
    await expect(forsoeg(ali, sag97.id)).rejects.toThrow(IkkeFundet);
    await expect(forsoeg(await bruger(db, { medarbejderId: medarbejder('Maria') }), sag97.id)).rejects.toThrow(
      IkkeFundet,
    );
    const a = defined(foerste(await db.select().from(t.aktindsigter).where(eq(t.aktindsigter.id, aktindsigtId))), 'A');
    expect(a.besvaret).toBeNull();
  });
});
