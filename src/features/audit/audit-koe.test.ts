import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { baggrundsskriver, type Db } from '../../../db/client.ts';
import { audit } from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase, testMotor, toForbindelser } from '../../../db/test-database.ts';
import { AuditKoe, type AuditRaekke, RAEKKER_PR_INDSAET } from './audit-koe.server.ts';

async function verden(db: Db) {
  const demo = await seedDemo(db, '2026-11-24');
  const raekke = (personId: string, hvad: string): AuditRaekke => ({
    aktoerType: 'borger',
    aktoerId: personId,
    aktoerNavn: 'Testperson',
    personId,
    handling: 'se',
    hvad,
    tidspunkt: '2026-11-24T09:00:00.000Z',
  });
  const antal = async (hvad: string) => (await db.select().from(audit).where(eq(audit.hvad, hvad))).length;
  return { db, demo, raekke, antal };
}

describe('fælles commit af loggen', () => {
  it('to samtidige forespørgsler deler én indsættelse uden transaktion, og rækkerne er gemt når løftet indfries', async () => {
    const { db, demo, raekke, antal } = await verden(await nyTestDatabase());
    const koe = new AuditKoe(db);
    const transaktion = vi.spyOn(db, 'transaction');
    const indsaet = vi.spyOn(db, 'insert');
    const a = koe.gem([raekke(demo.ali.id, 'Test A1'), raekke(demo.ali.id, 'Test A2')]);
    const b = koe.gem([raekke(demo.ali.id, 'Test B')]);
    // Nothing is written before the shared commit.
    expect((await antal('Test A1')) + (await antal('Test B'))).toBe(0);
    await a;
    expect(await antal('Test A1')).toBe(1);
    expect(await antal('Test A2')).toBe(1);
    expect(await antal('Test B')).toBe(1);
    await b;
    expect(indsaet).toHaveBeenCalledTimes(1);
    // One statement is atomic by itself; a transaction would take the writers' lock on PostgreSQL.
    expect(transaktion).not.toHaveBeenCalled();
  });

  it('en gruppe over én indsættelse skrives i én transaktion: fejler den sidste række, gemmes ingen', async () => {
    const { db, demo, raekke, antal } = await verden(await nyTestDatabase());
    const koe = new AuditKoe(db);
    const transaktion = vi.spyOn(db, 'transaction');
    const mange = Array.from({ length: RAEKKER_PR_INDSAET }, () => raekke(demo.ali.id, 'Test mange'));
    await expect(koe.gem([...mange, raekke('findes-ikke', 'Test sidste')])).rejects.toThrow();
    expect(transaktion).toHaveBeenCalledTimes(1);
    expect(await antal('Test mange')).toBe(0);
    await koe.gem([...mange, raekke(demo.ali.id, 'Test sidste')]);
    expect(await antal('Test mange')).toBe(RAEKKER_PR_INDSAET);
  });

  it('en fejlet commit afviser begge, og ingen af deres rækker er gemt', async () => {
    const { db, demo, raekke, antal } = await verden(await nyTestDatabase());
    const koe = new AuditKoe(db);
    // A person who does not exist breaks the foreign key: the whole transaction fails.
    const a = koe.gem([raekke(demo.ali.id, 'Test A')]);
    const b = koe.gem([raekke('findes-ikke', 'Test B')]);
    await expect(a).rejects.toThrow();
    await expect(b).rejects.toThrow();
    expect((await antal('Test A')) + (await antal('Test B'))).toBe(0);
  });

  it('en senere forespørgsel får sin egen commit', async () => {
    const { db, demo, raekke, antal } = await verden(await nyTestDatabase());
    const koe = new AuditKoe(db);
    const indsaet = vi.spyOn(db, 'insert');
    await koe.gem([raekke(demo.ali.id, 'Test 1')]);
    await koe.gem([raekke(demo.ali.id, 'Test 2')]);
    expect((await antal('Test 1')) + (await antal('Test 2'))).toBe(2);
    expect(indsaet).toHaveBeenCalledTimes(2);
  });

  it('ingen rækker: ingen skrivning', async () => {
    const { db } = await verden(await nyTestDatabase());
    const indsaet = vi.spyOn(db, 'insert');
    await new AuditKoe(db).gem([]);
    expect(indsaet).not.toHaveBeenCalled();
  });
});

describe.skipIf(testMotor !== 'sqlite')('fælles commit af loggen i en SQLite-fil: i skrivetråden', () => {
  const filVerden = async () => {
    const { a } = await toForbindelser('audit-koe');
    const v = await verden(a);
    const skriver = baggrundsskriver(a);
    if (!skriver) throw new Error('en SQLite-fil skal have en skrivetråd');
    return { ...v, skriv: vi.spyOn(skriver, 'skriv') };
  };

  it('to samtidige forespørgsler deler én skrivning, og rækkerne er gemt når løftet indfries', async () => {
    const { db, demo, raekke, antal, skriv } = await filVerden();
    const koe = new AuditKoe(db);
    await Promise.all([
      koe.gem([raekke(demo.ali.id, 'Test A1'), raekke(demo.ali.id, 'Test A2')]),
      koe.gem([raekke(demo.ali.id, 'Test B')]),
    ]);
    expect((await antal('Test A1')) + (await antal('Test A2')) + (await antal('Test B'))).toBe(3);
    expect(skriv).toHaveBeenCalledTimes(1);
    expect(skriv.mock.calls[0]?.[1]).toHaveLength(3);
  });

  it('en fejlet commit afviser begge, og ingen af deres rækker er gemt', async () => {
    const { db, demo, raekke, antal } = await filVerden();
    const koe = new AuditKoe(db);
    const a = koe.gem([raekke(demo.ali.id, 'Test A')]);
    const b = koe.gem([raekke('findes-ikke', 'Test B')]);
    await expect(a).rejects.toThrow(/FOREIGN KEY/);
    await expect(b).rejects.toThrow(/FOREIGN KEY/);
    expect((await antal('Test A')) + (await antal('Test B'))).toBe(0);
  });
});
