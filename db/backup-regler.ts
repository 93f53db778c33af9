/**
 * What backup and restore decide the same way on both engines: where a backup goes and what it is
 * called, whether a file is the portal's database, and whether this version may restore it. The
 * engines (db/backup.ts for SQLite, db/backup-pg.ts for PostgreSQL) only read the facts.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tidIFilnavn } from '#/lib/dato.ts';
import type { Motor } from './client.ts';

/** SQLite's backup is a database file; PostgreSQL's is pg_dump's custom format. */
const ENDELSE: Record<Motor, string> = { sqlite: 'db', postgres: 'dump' };

export const STANDARD_BACKUPMAPPE = 'data/backup';

/** A backup's file name, by the time, so a nightly job keeps every night. */
export function backupFilnavn(motor: Motor, nu: Date): string {
  return `mit-forloeb-${tidIFilnavn(nu)}.${ENDELSE[motor]}`;
}

/**
 * Where `npm run db:backup [-- arg]` writes: the default folder without an argument; a folder (existing, or
 * written with a trailing slash) gets a file named by the time; anything else is the file itself.
 */
export function backupSti(arg: string | undefined, motor: Motor, nu: Date): string {
  const navn = backupFilnavn(motor, nu);
  if (!arg) return join(STANDARD_BACKUPMAPPE, navn);
  return arg.endsWith('/') || (existsSync(arg) && statSync(arg).isDirectory()) ? join(arg, navn) : arg;
}

/** Tables every version of the portal's database has had: a file without them is someone else's. */
const PORTALENS_TABELLER = ['personer', 'sager', 'audit'];

/** Why a database with these tables is not the portal's, or null. `tabeller` holds the portal's own schema's. */
export function ikkePortalens(harMigreringstabel: boolean, tabeller: ReadonlySet<string>): string | null {
  const mangler = PORTALENS_TABELLER.filter((t) => !tabeller.has(t));
  if (!harMigreringstabel || mangler.length > 0) {
    return `Filen er ikke en backup af Mit Forløbs database (${!harMigreringstabel ? 'ingen migreringer' : `mangler ${mangler.join(', ')}`}).`;
  }
  return null;
}

/**
 * Migrations only go forward: an older backup is migrated when the portal starts, a newer one is
 * unknown ground. `anvendt` is how many the backup has applied, `kendte` how many this version has.
 */
export function nyereVersion(anvendt: number, kendte: number): string | null {
  if (anvendt <= kendte) return null;
  return `Backuppen er fra en nyere version af portalen (${anvendt} migreringer, denne version kender ${kendte}). Installér den version, før du genskaber.`;
}

/** The refusal while the portal still uses the database it would replace. */
export function stopPortalenFoerst(hvad: string): string {
  return `Portalen (eller en anden proces) har ${hvad} åben. Stop tjenesten først, fx systemctl stop mit-forloeb.`;
}
