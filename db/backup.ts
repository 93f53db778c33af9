/**
 * Online backup and checked restore of the embedded database. The backup uses SQLite's
 * backup API, so it is consistent while the portal keeps writing.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './client.ts';

export async function backupDatabase(db: Db, dest: string): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true });
  await db.$client.backup(dest);
}

/** Why a file cannot be restored, or null when it is a sound backup of this portal's database. */
export function checkBackup(path: string): string | null {
  if (!existsSync(path)) return `Filen findes ikke: ${path}`;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const ok = sqlite.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') return `Databasen er beskadiget: ${ok}`;
    const tabel = sqlite.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!tabel) return 'Filen er ikke en backup af Mit Forløbs database (ingen migreringer).';
    return null;
  } catch (e) {
    return `Filen kan ikke læses som SQLite: ${(e as Error).message}`;
  } finally {
    sqlite?.close();
  }
}

/** Replaces the database file with a checked backup. The portal must be stopped first. */
export function restoreDatabase(backup: string, target: string): void {
  const fejl = checkBackup(backup);
  if (fejl) throw new Error(fejl);
  mkdirSync(dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  copyFileSync(backup, target);
}
