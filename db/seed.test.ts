import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alder, attenAarsdag, dageMellem } from '#/lib/dato.ts';
import { migrateDatabase, openDatabase } from './client.ts';
import * as t from './schema.ts';
import { demoCpr, seedDemo } from './seed.ts';

function freshDb() {
  const db = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}

describe('seedDemo', () => {
  it('creates every persona with dates relative to today', () => {
    const db = freshDb();
    const p = seedDemo(db, '2026-11-24');
    expect(dageMellem('2026-11-24', attenAarsdag(p.freja.foedselsdato))).toBe(75);
    expect(alder(p.jens.foedselsdato, '2026-11-24')).toBe(84);
    expect(alder(p.ali.foedselsdato, '2026-11-24')).toBe(34);
    expect(alder(p.birgit.foedselsdato, '2026-11-24')).toBe(71);
    expect(db.select({ n: count() }).from(t.personer).get()?.n).toBe(7);
    expect(db.select({ n: count() }).from(t.medarbejdere).get()?.n).toBe(5);
    const aliAfslag = db.select().from(t.afgoerelser).where(eq(t.afgoerelser.udfald, 'afslag')).get();
    expect(aliAfslag?.klagefrist).toBe('2026-12-04');
  });

  it('is idempotent', () => {
    const db = freshDb();
    seedDemo(db, '2026-11-24');
    const before = db.select({ n: count() }).from(t.sagshaendelser).get()?.n;
    seedDemo(db, '2026-11-24');
    seedDemo(db, '2026-11-25');
    expect(db.select({ n: count() }).from(t.sagshaendelser).get()?.n).toBe(before);
    expect(db.select({ n: count() }).from(t.personer).get()?.n).toBe(7);
  });
});

describe('demoCpr', () => {
  it('puts the birthday first and follows the century digit', () => {
    expect(demoCpr('1942-08-14', 101)).toBe('1408421101');
    expect(demoCpr('2009-02-07', 101)).toBe('0702094101');
  });
});
