import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import { foerste } from '../../../db/client.ts';
import { audit, delmaal, indsatser, kompasscorer, moedeEmner, moeder, planer } from '../../../db/schema.ts';
import { fejlVedIndsaettelse } from '../../../db/test-fixtures.ts';
import { upsertMoede } from './moeder.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertPlan } from './planer.server.ts';
import { upsertSag } from './sager.server.ts';
import { ApiMoedeSchema, ApiPlanSchema } from './schemas.ts';
import { else_, elsesMoede, elsesPlan, elsesSag, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
const antal = async (
  t: typeof moeder | typeof planer | typeof delmaal | typeof indsatser | typeof kompasscorer | typeof audit,
) => defined(foerste(await db.select({ n: count() }).from(t)), 'Antallet').n;
const alleAntal = () => [moeder, planer, delmaal, indsatser, kompasscorer, audit].map(antal);

beforeEach(async () => {
  ({ db } = await nyDemoDb());
  await upsertPerson(db, nexus, 'P-1', else_(), NU);
  await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
});

describe('PUT /moeder', () => {
  it('opretter mødet med tiderne i UTC, og ændrer intet anden gang', async () => {
    const a = await upsertMoede(db, nexus, 'M-1', elsesMoede(), NU);
    expect(a).toMatchObject({ aendret: true, oprettet: true });
    expect(foerste(await db.select().from(moeder).where(eq(moeder.id, a.id)))).toMatchObject({
      start: '2026-12-01T09:00:00.000Z',
      slut: '2026-12-01T10:00:00.000Z',
      deltagere: ['Else Nielsen', 'Maria Kjær'],
    });
    const foer = alleAntal();
    expect(
      await upsertMoede(
        db,
        nexus,
        'M-1',
        elsesMoede({ start: '2026-12-01T09:00:00Z', slut: '2026-12-01T10:00:00Z' }),
        NU,
      ),
    ).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect(alleAntal()).toEqual(foer);
  });

  it('bevarer borgerens bisidder og egne emner, når mødet flyttes', async () => {
    const a = await upsertMoede(db, nexus, 'M-1', elsesMoede(), NU);
    await db.update(moeder).set({ bisidder: 'Min datter' }).where(eq(moeder.id, a.id));
    await db
      .insert(moedeEmner)
      .values({ id: 'e1', moedeId: a.id, tekst: 'Trappen', tilfoejetAf: 'Else Nielsen', tidspunkt: NU.toISOString() });
    expect(
      (
        await upsertMoede(
          db,
          nexus,
          'M-1',
          elsesMoede({ start: '2026-12-02T10:00:00+01:00', slut: '2026-12-02T11:00:00+01:00' }),
          NU,
        )
      ).aendret,
    ).toBe(true);
    expect(foerste(await db.select().from(moeder).where(eq(moeder.id, a.id)))).toMatchObject({
      bisidder: 'Min datter',
      start: '2026-12-02T09:00:00.000Z',
    });
    expect(await db.select().from(moedeEmner).where(eq(moedeEmner.moedeId, a.id))).toHaveLength(1);
  });

  it('afviser en ukendt sag med 422 og gemmer intet', async () => {
    const foer = alleAntal();
    expect(
      await fejlFra(async () => await upsertMoede(db, nexus, 'M-1', elsesMoede({ sagKildeId: 'S-404' }), NU)),
    ).toMatchObject({
      status: 422,
      felter: [{ felt: 'sagKildeId' }],
    });
    expect(alleAntal()).toEqual(foer);
  });

  it.each([
    [{ slut: '2026-12-01T09:30:00+01:00' }, 'slut', 'Mødet skal slutte efter, at det begynder.'],
    [{ start: '2026-12-01T10:00:00' }, 'start', expect.stringContaining('med tidszone')],
    [{ videolink: 'http://møde.example' }, 'videolink', 'Skriv et link, der begynder med https://.'],
    [{ type: 'kaffe' }, 'type', expect.stringContaining('Typen skal være')],
    [{ deltagere: 'Else' }, 'deltagere', 'Skal være en liste.'],
  ])('%o giver en fejl i %s', (aendring, felt, besked) => {
    const r = valider(ApiMoedeSchema, { ...elsesMoede(), ...aendring });
    expect(!r.ok && r.felter).toContainEqual({ felt, besked });
  });
});

describe('PUT /planer', () => {
  it('opretter planen med delmål, indsatser og kompas, og ændrer intet anden gang', async () => {
    const a = await upsertPlan(db, nexus, 'PL-1', elsesPlan(), NU);
    expect(a).toMatchObject({ aendret: true, oprettet: true });
    expect(
      (await db.select().from(delmaal).where(eq(delmaal.planId, a.id))).map((d) => [d.raekkefoelge, d.titel]),
    ).toEqual([
      [1, 'Gå til købmanden med rollator'],
      [2, 'Lave mad selv'],
    ]);
    const foer = alleAntal();
    const ids = await db.select({ id: delmaal.id }).from(delmaal).where(eq(delmaal.planId, a.id));
    // The same compass in another order is the same plan.
    expect(await upsertPlan(db, nexus, 'PL-1', elsesPlan({ kompas: [...elsesPlan().kompas].reverse() }), NU)).toEqual({
      id: a.id,
      aendret: false,
      oprettet: false,
    });
    expect(alleAntal()).toEqual(foer);
    expect(await db.select({ id: delmaal.id }).from(delmaal).where(eq(delmaal.planId, a.id))).toEqual(ids);
  });

  it('erstatter delmål og scorer med dem, der sendes, og rører ikke andres planer', async () => {
    const andresIndsatser = await antal(indsatser);
    const a = await upsertPlan(db, nexus, 'PL-1', elsesPlan(), NU);
    expect(await antal(indsatser)).toBe(andresIndsatser + 1);
    const ny = elsesPlan({
      delmaal: [
        { titel: 'Gå til købmanden med rollator', status: 'naaet', evaluering: 'Else handler selv nu.', indsatser: [] },
      ],
      kompas: [...elsesPlan().kompas, { dato: '2026-12-20', dimension: 'helbred', score: 6 }],
    });
    expect(await upsertPlan(db, nexus, 'PL-1', ny, NU)).toEqual({ id: a.id, aendret: true, oprettet: false });
    expect(await db.select().from(delmaal).where(eq(delmaal.planId, a.id))).toMatchObject([
      { status: 'naaet', evaluering: 'Else handler selv nu.' },
    ]);
    expect(await antal(indsatser)).toBe(andresIndsatser);
    expect(await db.select().from(kompasscorer).where(eq(kompasscorer.planId, a.id))).toHaveLength(3);
  });

  it('er én transaktion: fejler den sidste indsættelse, er de gamle delmål der stadig', async () => {
    const a = await upsertPlan(db, nexus, 'PL-1', elsesPlan(), NU);
    const foer = await db.select().from(delmaal).where(eq(delmaal.planId, a.id));
    await fejlVedIndsaettelse(db, 'kompasscorer', 'NEW.score = 7');
    await expect(
      upsertPlan(
        db,
        nexus,
        'PL-1',
        elsesPlan({ delmaal: [], kompas: [{ dato: '2026-12-20', dimension: 'helbred', score: 7 }] }),
        NU,
      ),
    ).rejects.toMatchObject({ cause: { message: 'testfejl' } });
    expect(await db.select().from(delmaal).where(eq(delmaal.planId, a.id))).toEqual(foer);
    expect(await db.select().from(kompasscorer).where(eq(kompasscorer.planId, a.id))).toHaveLength(2);
  });

  it('gemmer intet af en plan med en ugyldig score', () => {
    const r = valider(ApiPlanSchema, elsesPlan({ kompas: [{ dato: '2026-11-20', dimension: 'helbred', score: 11 }] }));
    expect(!r.ok && r.felter).toEqual([
      { felt: 'kompas[0].score', besked: 'Scoren skal være et helt tal fra 1 til 10.' },
    ]);
  });

  it.each([
    [{ delmaal: [{ titel: 'X', status: 'faerdig', indsatser: [] }] }, 'delmaal[0].status'],
    [
      { delmaal: [{ titel: 'X', status: 'i-gang', indsatser: [{ beskrivelse: 'Y' }] }] },
      'delmaal[0].indsatser[0].hvem',
    ],
    [
      {
        kompas: [
          { dato: '2026-11-20', dimension: 'helbred', score: 4 },
          { dato: '2026-11-20', dimension: 'helbred', score: 5 },
        ],
      },
      'kompas[1].dimension',
    ],
    [{ kompas: [{ dato: '2026-11-20', dimension: 'vejret', score: 4 }] }, 'kompas[0].dimension'],
  ])('%o giver en fejl i %s', (aendring, felt) => {
    const r = valider(ApiPlanSchema, { ...elsesPlan(), ...aendring });
    expect(!r.ok && r.felter.map((f) => f.felt)).toContain(felt);
  });
});
