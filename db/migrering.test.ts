// A migration that rebuilds a table on SQLite (0020 makes afgoerelser.klagefrist nullable) keeps the
// rows and every reference to them: a complaint still points at its decision.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IDAG, NU } from '#/features/api/test-hjaelp.ts';
import { foerste, lukDatabase, migrateDatabase, openDatabase } from './client.ts';
import * as t from './schema.ts';

/** The migrations folder as it stood before the migration whose tag starts with `foer`. */
function migreringerFoer(foer: string): string {
  const mappe = join(mkdtempSync(join(tmpdir(), 'migreringer-')), 'migrations');
  cpSync('db/migrations', mappe, { recursive: true });
  const sti = join(mappe, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(sti, 'utf8')) as { entries: { tag: string }[] };
  const i = journal.entries.findIndex((e) => e.tag.startsWith(foer));
  if (i < 0) throw new Error(`Ingen migrering ${foer}`);
  journal.entries = journal.entries.slice(0, i);
  writeFileSync(sti, JSON.stringify(journal));
  return mappe;
}

describe('SQLite-migreringer, der bygger en tabel om', () => {
  it('afgørelserne og klagerne over dem er der efter 0020, og en klagefrist kan nu mangle', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, migreringerFoer('0020'));
    // Rows as the schema stood then, in its own SQL: today's seed writes columns added later.
    for (const raekke of [
      `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('p', '0101801234', 'Ali Hassan', '1980-01-01')`,
      `INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist)
         VALUES ('s', 'p', 'voksenhandicap', 'Merudgifter', 'Serviceloven § 100', 6, 1, '${IDAG}', '${IDAG}')`,
      `INSERT INTO afgoerelser (id, sag_id, udfald, dato, begrundelse, klagevejledning, klagefrist)
         VALUES ('a', 's', 'afslag', '${IDAG}', 'Begrundelse', 'Klagevejledning', '${IDAG}')`,
    ])
      await db.run(sql.raw(raekke));
    const afg = { id: 'a', sagId: 's' };
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

  it('0023 kender de overgangssager, portalen lavede før sagsarten, på deres titel', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, migreringerFoer('0023'));
    await db.run(
      sql.raw(
        `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('p', '0101081234', 'Freja Holm', '2008-01-01')`,
      ),
    );
    for (const [id, titel] of [
      ['o', 'Den Gode Overgang – fra barn til voksen'],
      ['s', 'Merudgifter'],
    ])
      await db.run(
        sql.raw(`INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist)
          VALUES ('${id}', 'p', 'boernehandicap', '${titel}', 'Barnets Lov', 1, 1, '${IDAG}', '${IDAG}')`),
      );
    await migrateDatabase(db);
    const arter = await db.select({ id: t.sager.id, sagsart: t.sager.sagsart }).from(t.sager).orderBy(t.sager.id);
    expect(arter).toEqual([
      { id: 'o', sagsart: 'overgang' },
      { id: 's', sagsart: 'sag' },
    ]);
    await lukDatabase(db);
  });
});
