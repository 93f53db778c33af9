/**
 * Opens the embedded SQLite database. Nothing here runs at import: the server calls
 * `openDatabase` and `migrateDatabase` explicitly at start (prerendering must not touch it).
 */

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { miljoe } from '#/config/miljoe.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export { DEFAULT_DATABASE_URL } from '#/config/miljoe.ts';

/** The file path behind a `file:` DATABASE_URL; ':memory:' for tests. */
export function databasePath(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:';
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL skal være en file:-sti til SQLite, fik "${url}"`);
  return resolve(url.slice('file:'.length));
}

/**
 * WAL lets readers run beside the one writer; synchronous=FULL makes every committed
 * transaction survive a crash of the process and of the machine; the busy timeout lets a
 * writer wait for another instead of failing.
 */
export function openDatabase(url = miljoe().DATABASE_URL): Db {
  const path = databasePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  if (path !== ':memory:') aabne().add(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache instead of SQLite's 2 MB: the indexes a page and its audit rows touch
  // (the audit log's grows by the million) stay in memory instead of being read again.
  sqlite.pragma('cache_size = -65536');
  const db = drizzle({ client: sqlite, schema }) as Db;
  // Several processes write to one file (WORKERS, scripts beside the server). A deferred transaction
  // that reads and then writes fails at once (SQLITE_BUSY, no waiting) if another process committed
  // in between; an immediate one takes the write lock at BEGIN and waits its turn (busy_timeout).
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  return db;
}

// The server script and Astro's bundle each carry a copy of this module, so the set of open
// connections lives on a global symbol: shutdown closes the bundle's connection too.
const AABNE = Symbol.for('mit-forloeb.databaser');
function aabne(): Set<Database.Database> {
  const g = globalThis as { [AABNE]?: Set<Database.Database> };
  const aabne = g[AABNE] ?? new Set();
  g[AABNE] = aabne;
  return aabne;
}

/** Closes every database file this process opened (at shutdown); the last close checkpoints the WAL. */
export function closeAllDatabases(): number {
  const alle = [...aabne()].filter((sqlite) => sqlite.open);
  for (const sqlite of alle) sqlite.close();
  aabne().clear();
  return alle.length;
}

export function migrateDatabase(db: Db, migrationsFolder = resolve('db/migrations')) {
  migrate(db, { migrationsFolder });
}

/** How many migrations a database file has applied. */
export function anvendteMigreringer(sqlite: Database.Database): number {
  return (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
}

/** How many migrations this version of the portal has (what a database should have applied). */
export function kendteMigreringer(migrationsFolder = resolve('db/migrations')): number {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
