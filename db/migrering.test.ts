// A migration that rebuilds a table on SQLite (0020 makes afgoerelser.klagefrist nullable) keeps the
// rows and every reference to them: a complaint still points at its decision.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IDAG, NU } from '#/features/api/test-hjaelp.ts';
import { foerste, lukDatabase, migrateDatabase, openDatabase } from './client.ts';
import * as t from './schema.ts';
import { seedDemo } from './seed.ts';

/** The migrations folder as it stood `bagud` migrations ago. */
function tidligereMigreringer(bagud: number): string {
  const mappe = join(mkdtempSync(join(tmpdir(), 'migreringer-')), 'migrations');
  cpSync('db/migrations', mappe, { recursive: true });
  const sti = join(mappe, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(sti, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, -bagud);
  writeFileSync(sti, JSON.stringify(journal));
  return mappe;
}

describe('SQLite-migreringer, der bygger en tabel om', () => {
  it('afgørelserne og klagerne over dem er der efter 0020, og en klagefrist kan nu mangle', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, tidligereMigreringer(1));
    await seedDemo(db, IDAG);
    const afg = foerste(await db.select().from(t.afgoerelser));
    if (!afg) throw new Error('Demo-data mangler en afgørelse');
    await db.insert(t.klager).values({
      id: 'klage-over-afg',
      sagId: afg.sagId,
      afgoerelseId: afg.id,
      tekst: 'Jeg er uenig.',
      modtaget: NU.toISOString(),
      genvurderingFrist: IDAG,
      status: 'modtaget',
      indsendtAf: 'Ali Hassan',
    });
    const antal = (await db.select().from(t.afgoerelser)).length;

    await migrateDatabase(db);
    expect((await db.select().from(t.afgoerelser)).length).toBe(antal);
    const klage = foerste(await db.select().from(t.klager).where(eq(t.klager.id, 'klage-over-afg')));
    expect(klage?.afgoerelseId).toBe(afg.id);
    await db.update(t.afgoerelser).set({ klagefrist: null }).where(eq(t.afgoerelser.id, afg.id));
    expect(foerste(await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.id, afg.id)))?.klagefrist).toBeNull();
    // The references are enforced again afterwards.
    const fejl = await db
      .insert(t.klager)
      .values({ ...klage, id: 'uden-afgoerelse', afgoerelseId: 'findes-ikke' } as typeof t.klager.$inferInsert)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(String((fejl as Error | undefined)?.cause)).toMatch(/FOREIGN KEY/);
    await lukDatabase(db);
  });
});
