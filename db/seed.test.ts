import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alder, attenAarsdag, dageMellem } from '#/lib/dato.ts';
import { foerste } from './client.ts';
import * as t from './schema.ts';
import { demoCpr, seedDemo } from './seed.ts';
import { nyTestDatabase } from './test-database.ts';

async function freshDb() {
  const db = await nyTestDatabase();
  return db;
}

describe('seedDemo', () => {
  it('creates every persona with dates relative to today', async () => {
    const db = await freshDb();
    const p = await seedDemo(db, '2026-11-24');
    expect(dageMellem('2026-11-24', attenAarsdag(p.freja.foedselsdato))).toBe(75);
    expect(alder(p.jens.foedselsdato, '2026-11-24')).toBe(84);
    expect(alder(p.ali.foedselsdato, '2026-11-24')).toBe(34);
    expect(alder(p.birgit.foedselsdato, '2026-11-24')).toBe(71);
    expect(foerste(await db.select({ n: count() }).from(t.personer))?.n).toBe(7);
    expect(foerste(await db.select({ n: count() }).from(t.medarbejdere))?.n).toBe(6);
    const aliAfslag = foerste(await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.udfald, 'afslag')));
    expect(aliAfslag?.klagefrist).toBe('2026-12-04');
  });

  it('is idempotent', async () => {
    const db = await freshDb();
    await seedDemo(db, '2026-11-24');
    const before = foerste(await db.select({ n: count() }).from(t.sagshaendelser))?.n;
    await seedDemo(db, '2026-11-24');
    await seedDemo(db, '2026-11-25');
    expect(foerste(await db.select({ n: count() }).from(t.sagshaendelser))?.n).toBe(before);
    expect(foerste(await db.select({ n: count() }).from(t.personer))?.n).toBe(7);
  });
});

describe('demoCpr', () => {
  it('puts the birthday first and follows the century digit', () => {
    expect(demoCpr('1942-08-14', 101)).toBe('1408421101');
    expect(demoCpr('2009-02-07', 101)).toBe('0702094101');
  });
});
