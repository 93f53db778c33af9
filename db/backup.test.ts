import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from './client.ts';
import { seedDemo } from './seed.ts';
import { backupDatabase, checkBackup, restoreDatabase } from './backup.ts';
import { personer } from './schema.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('backs up while open, restores after checking, and the data is there', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const db = openDatabase(`file:${join(dir, 'live.db')}`);
    migrateDatabase(db);
    seedDemo(db, '2026-11-24');
    await backupDatabase(db, join(dir, 'backup.db'));
    // Written after the backup: must not be in the restored copy.
    db.insert(personer).values({ id: 'efter', cpr: '0101801234', navn: 'Efter Backup', foedselsdato: '1980-01-01' }).run();
    db.$client.close();

    expect(checkBackup(join(dir, 'backup.db'))).toBeNull();
    restoreDatabase(join(dir, 'backup.db'), join(dir, 'restored.db'));
    const restored = openDatabase(`file:${join(dir, 'restored.db')}`);
    expect(restored.select().from(personer).where(eq(personer.navn, 'Jens Madsen')).get()).toBeDefined();
    expect(restored.select().from(personer).where(eq(personer.id, 'efter')).get()).toBeUndefined();
    restored.$client.close();
  });

  it('refuses a file that is not a sound backup', () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    writeFileSync(join(dir, 'noget.db'), 'ikke en database');
    expect(checkBackup(join(dir, 'noget.db'))).toMatch(/kan ikke læses|beskadiget/);
    expect(checkBackup(join(dir, 'mangler.db'))).toMatch(/findes ikke/);
    expect(() => restoreDatabase(join(dir, 'noget.db'), join(dir, 'x.db'))).toThrow();
  });
});
