/**
 * Online backup and checked restore of the embedded database. The backup uses SQLite's
 * backup API, so it is consistent while the portal keeps writing.
 */

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { tidIFilnavn } from '#/lib/dato.ts';
import { synkroniser } from '#/lib/holdbar-fil.ts';
import { anvendteSqliteMigreringer, type Db, kendteMigreringer, sqliteForbindelse } from './client.ts';

/**
 * Copies every page in one step, inside one read transaction: a consistent snapshot, and WAL
 * lets the portal write meanwhile. In small steps (the default) every write the portal makes
 * from its own connection restarts the backup, and a portal that logs every page view never
 * lets it finish.
 */
export async function backupDatabase(db: Db, dest: string): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true });
  await sqliteForbindelse(db).backup(dest, { progress: ({ totalPages }) => totalPages });
  synkroniser(dest);
  synkroniser(dirname(dest));
}

/** Why a file cannot be restored, or null when it is a sound backup of this portal's database. */
export async function checkBackup(path: string, migreringer = kendteMigreringer()): Promise<string | null> {
  if (!existsSync(path)) return `Filen findes ikke: ${path}`;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const ok = sqlite.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') return `Databasen er beskadiget: ${ok}`;
    const tabel = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get();
    if (!tabel) return 'Filen er ikke en backup af Mit Forløbs database (ingen migreringer).';
    const anvendt = anvendteSqliteMigreringer(sqlite);
    // Migrations only go forward: an older backup is migrated at start, a newer one is unknown ground.
    if (anvendt > migreringer) {
      return `Backuppen er fra en nyere version af portalen (${anvendt} migreringer, denne version kender ${migreringer}). Installér den version, før du genskaber.`;
    }
    return null;
  } catch (e) {
    return `Filen kan ikke læses som SQLite: ${(e as Error).message}`;
  } finally {
    sqlite?.close();
  }
}

/**
 * Replaces the database file with a checked backup; the portal must be stopped first. The
 * current file is kept beside it (returned), and the copy is written in full and synced
 * before it takes the database's name, so a crash halfway leaves the old database in place.
 */
export async function restoreDatabase(backup: string, target: string, migreringer?: number): Promise<string | null> {
  const fejl = await checkBackup(backup, migreringer);
  if (fejl) throw new Error(fejl);
  if (existsSync(target) && iBrug(target)) {
    throw new Error(
      `Portalen (eller en anden proces) har ${target} åben. Stop tjenesten først, fx systemctl stop mit-forloeb.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const ny = `${target}.genskabes`;
  copyFileSync(backup, ny);
  synkroniser(ny);
  let gemt: string | null = null;
  if (existsSync(target)) {
    gemt = `${target}.foer-genskabelse-${tidIFilnavn(new Date())}`;
    // The WAL and shared-memory files belong to the old database: they move with it.
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(target + suffix)) renameSync(target + suffix, gemt + suffix);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(ny, target);
  synkroniser(dirname(target));
  return gemt;
}

/**
 * Whether another connection has the database open: a running portal holds a lock in WAL
 * mode even when idle, so an exclusive lock cannot be had without waiting.
 */
function iBrug(path: string): boolean {
  const sqlite = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    sqlite.close();
  }
}
