import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bruger } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { audit, relationer } from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { foraeldreVarsler } from './overgang.server.ts';

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
