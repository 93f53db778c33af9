import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { backupDatabase, checkBackup, restoreDatabase } from './backup.ts';
import { foerste, kendteMigreringer, migrateDatabase, openDatabase, sqliteForbindelse } from './client.ts';
import { personer } from './schema.ts';
import { seedDemo } from './seed.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('backs up while open, restores after checking, and the data is there', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const db = openDatabase(`file:${join(dir, 'live.db')}`);
    await migrateDatabase(db);
    await seedDemo(db, '2026-11-24');
    await backupDatabase(db, join(dir, 'backup.db'));
    // Written after the backup: must not be in the restored copy.
    await db
      .insert(personer)
      .values({ id: 'efter', cpr: '0101801234', navn: 'Efter Backup', foedselsdato: '1980-01-01' });
    sqliteForbindelse(db).close();

    expect(await checkBackup(join(dir, 'backup.db'))).toBeNull();
    // Not while the portal has the file open.
    const portal = openDatabase(`file:${join(dir, 'live.db')}`);
    foerste(await portal.select().from(personer));
    await expect(restoreDatabase(join(dir, 'backup.db'), join(dir, 'live.db'))).rejects.toThrow(/Stop tjenesten/);
    sqliteForbindelse(portal).close();
    // Restored over the live file: the old one is kept aside, with the row written after the backup.
    const gemt = await restoreDatabase(join(dir, 'backup.db'), join(dir, 'live.db'));
    expect(existsSync(join(dir, 'live.db.genskabes'))).toBe(false);
    const restored = openDatabase(`file:${join(dir, 'live.db')}`);
    expect(foerste(await restored.select().from(personer).where(eq(personer.navn, 'Jens Madsen')))).toBeDefined();
    expect(foerste(await restored.select().from(personer).where(eq(personer.id, 'efter')))).toBeUndefined();
    sqliteForbindelse(restored).close();
    const foer = openDatabase(`file:${gemt}`);
    expect(foerste(await foer.select().from(personer).where(eq(personer.id, 'efter')))).toBeDefined();
    sqliteForbindelse(foer).close();
  });

  it('finishes while another connection writes between every step, as the running portal does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const fil = `file:${join(dir, 'live.db')}`;
    const db = openDatabase(fil);
    await migrateDatabase(db);
    await seedDemo(db, '2026-11-24');
    // Some megabytes, so a backup takes many of SQLite's default 100-page steps.
    sqliteForbindelse(db).exec('create table fyld (id integer primary key, data blob)');
    const fyld = sqliteForbindelse(db).prepare('insert into fyld (data) values (randomblob(4000))');
    sqliteForbindelse(db).transaction(() => {
      for (let i = 0; i < 2000; i++) fyld.run();
    })();
    const portal = openDatabase(fil);
    const skriv = sqliteForbindelse(portal).prepare(
      "insert into audit (tidspunkt, aktoer_type, aktoer_id, aktoer_navn, person_id, handling, hvad) values (?, 'borger', 'x', 'x', ?, 'se', 'Min side')",
    );
    const person = defined(foerste(await db.select().from(personer)), 'Personen').id;
    let skrevet = 0;
    let koerer = true;
    const skriver = () => {
      if (!koerer) return;
      skriv.run(new Date().toISOString(), person);
      skrevet++;
      setImmediate(skriver);
    };
    setImmediate(skriver);
    try {
      const udfald = await Promise.race([
        backupDatabase(db, join(dir, 'backup.db')).then(() => 'færdig'),
        new Promise((r) => setTimeout(() => r('gav op efter 20 s'), 20_000)),
      ]);
      expect(udfald).toBe('færdig');
    } finally {
      koerer = false;
    }
    expect(skrevet).toBeGreaterThan(0);
    sqliteForbindelse(portal).close();
    sqliteForbindelse(db).close();
    expect(await checkBackup(join(dir, 'backup.db'))).toBeNull();
  }, 30_000);

  it('refuses a backup from a newer version of the portal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const db = openDatabase(`file:${join(dir, 'live.db')}`);
    await migrateDatabase(db);
    await backupDatabase(db, join(dir, 'backup.db'));
    sqliteForbindelse(db).close();
    expect(await checkBackup(join(dir, 'backup.db'), kendteMigreringer() - 1)).toMatch(/nyere version/);
    await expect(restoreDatabase(join(dir, 'backup.db'), join(dir, 'ny.db'), kendteMigreringer() - 1)).rejects.toThrow(
      /nyere version/,
    );
    expect(existsSync(join(dir, 'ny.db'))).toBe(false);
  });

  it('refuses a file that is not a sound backup', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    writeFileSync(join(dir, 'noget.db'), 'ikke en database');
    expect(await checkBackup(join(dir, 'noget.db'))).toMatch(/kan ikke læses|beskadiget/);
    expect(await checkBackup(join(dir, 'mangler.db'))).toMatch(/findes ikke/);
    // Another drizzle application's database: a migrations table, but none of the portal's tables.
    const anden = new Database(join(dir, 'anden.db'));
    anden.exec('create table __drizzle_migrations (id integer primary key, hash text, created_at numeric)');
    anden.exec("insert into __drizzle_migrations (hash, created_at) values ('x', 1); create table kunder (id)");
    anden.close();
    expect(await checkBackup(join(dir, 'anden.db'))).toMatch(/mangler personer, sager, audit/);
    await expect(restoreDatabase(join(dir, 'noget.db'), join(dir, 'x.db'))).rejects.toThrow();
  });
});
