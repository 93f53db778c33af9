/**
 * Online backup and checked restore of the embedded database. The backup uses SQLite's
 * backup API, so it is consistent while the portal keeps writing.
 */

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { tidIFilnavn } from '#/lib/dato.ts';
import { synkroniser } from '#/lib/holdbar-fil.ts';
import { ikkePortalens, nyereVersion, stopPortalenFoerst } from './backup-regler.ts';
import { anvendteSqliteMigreringer, type Db, kendteMigreringer, sqliteForbindelse } from './client.ts';
import { iBrug } from './sqlite-eneret.ts';

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
    return checkSqlite(sqlite, migreringer);
  } catch (e) {
    return `Filen kan ikke læses som SQLite: ${(e as Error).message}`;
  } finally {
    sqlite?.close();
  }
}

/**
 * Why an open SQLite database is not a sound copy of this portal's database, or null. `quick_check`
 * checks the pages and tables but not that each index matches its table: enough for a reader that
 * reads the tables only (the move to PostgreSQL, which builds its own indexes), and ten times faster.
 */
export function checkSqlite(
  sqlite: Database.Database,
  migreringer = kendteMigreringer(),
  tjek: 'integrity_check' | 'quick_check' = 'integrity_check',
): string | null {
  const ok = sqlite.pragma(tjek, { simple: true });
  if (ok !== 'ok') return `Databasen er beskadiget: ${ok}`;
  const tabeller = new Set(
    (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  return (
    ikkePortalens(tabeller.has('__drizzle_migrations'), tabeller) ??
    nyereVersion(anvendteSqliteMigreringer(sqlite), migreringer)
  );
}

/**
 * Replaces the database file with a checked backup; the portal must be stopped first. The
 * current file is kept beside it (returned), and the copy is written in full and synced
 * before it takes the database's name, so a crash halfway leaves the old database in place.
 */
export async function restoreDatabase(backup: string, target: string, migreringer?: number): Promise<string | null> {
  const fejl = await checkBackup(backup, migreringer);
  if (fejl) throw new Error(fejl);
  if (existsSync(target) && iBrug(target)) throw new Error(stopPortalenFoerst(target));
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
