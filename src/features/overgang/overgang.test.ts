import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bruger } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { audit, relationer, sager } from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { foraeldreVarsler, visOvergang } from './overgang.server.ts';

let db: Db;
let p: Awaited<ReturnType<typeof seedDemo>>;

beforeEach(async () => {
  db = await nyTestDatabase();
  // Freja turns 18 on 2027-02-13, 75 days after the seed day.
  p = await seedDemo(db, '2026-11-30');
});

const mette = async (): Promise<Bruger> => ({
  aktoer: {
    type: 'borger',
    personId: p.mette.id,
    relationer: await db.select().from(relationer).where(eq(relationer.fraPersonId, p.mette.id)),
  },
  navn: 'Mette Holm',
  kanHandleFor: [],
});
const varselLog = async () =>
  await db
    .select()
    .from(audit)
    .where(and(eq(audit.personId, p.freja.id), eq(audit.hvad, 'Varsel om 18-årsdagen')));

describe('foraeldreVarsler', () => {
  it('viser Mette varslet om Frejas 18-årsdag og skriver det i Frejas log', async () => {
    expect(await foraeldreVarsler(db, await mette(), new Date('2026-11-30T12:00:00Z'))).toMatchObject([
      { id: p.freja.id, navn: 'Freja Holm', dage: 75 },
    ]);
    expect(await varselLog()).toMatchObject([{ aktoerId: p.mette.id, aktoerNavn: 'Mette Holm', handling: 'se' }]);
  });

  it('viser og logger intet, når forældremyndigheden er ophørt', async () => {
    await db
      .update(relationer)
      .set({ tilbagekaldt: '2026-11-01T10:00:00.000Z' })
      .where(and(eq(relationer.fraPersonId, p.mette.id), eq(relationer.tilPersonId, p.freja.id)));
    expect(await foraeldreVarsler(db, await mette(), new Date('2026-11-30T12:00:00Z'))).toEqual([]);
    expect(await foraeldreVarsler(db, await mette(), new Date('2027-02-13T12:00:00Z'))).toEqual([]);
    expect(await varselLog()).toEqual([]);
  });
});

describe('visOvergang', () => {
  const borger = async (personId: string): Promise<Bruger> => ({
    aktoer: {
      type: 'borger',
      personId,
      relationer: await db.select().from(relationer).where(eq(relationer.fraPersonId, personId)),
    },
    navn: 'Test',
    kanHandleFor: [],
  });
  const nu = new Date('2026-11-30T12:00:00Z');

  it('gælder Freja (17 år, sag i børneområdet) for hende selv og for Mette', async () => {
    expect(await visOvergang(db, await borger(p.freja.id), p.freja.id, nu)).toBe(true);
    expect(await visOvergang(db, await mette(), p.freja.id, nu)).toBe(true);
  });

  it('gælder ikke en voksen, ikke efter 18-årsdagen og ikke for den, der ikke må se sagerne', async () => {
    expect(await visOvergang(db, await borger(p.ali.id), p.ali.id, nu)).toBe(false);
    expect(await visOvergang(db, await borger(p.freja.id), p.freja.id, new Date('2027-02-13T12:00:00Z'))).toBe(false);
    expect(await visOvergang(db, await borger(p.karin.id), p.freja.id, nu)).toBe(false);
  });

  it('gælder ikke en 17-årig uden sag i børneområdet', async () => {
    await db.update(sager).set({ enhed: 'voksenhandicap' }).where(eq(sager.personId, p.freja.id));
    expect(await visOvergang(db, await borger(p.freja.id), p.freja.id, nu)).toBe(false);
  });
});
