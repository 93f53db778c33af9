/**
 * Opens the portal's database: the embedded SQLite file (a `file:` URL, the default) or
 * PostgreSQL (a `postgres://` URL). Every query is written once, with the tables of
 * db/schema.ts, and returns a promise on both engines. Nothing here runs at import: the
 * server calls `openDatabase` and `migrateDatabase` explicitly at start.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Logger, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleSqliteFil } from 'drizzle-orm/better-sqlite3';
import { migrate as migrerSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrerPg } from 'drizzle-orm/node-postgres/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { drizzle as drizzleSqlite } from 'drizzle-orm/sqlite-proxy';
import pg from 'pg';
import { miljoe } from '#/config/miljoe.ts';
import { Baggrundsskriver } from './baggrundsskriver.ts';
import { Koe } from './koe.ts';
import { navngivGemte } from './navngivne.ts';
import { type KoerNu, synkroneGemte } from './synkrone.ts';

/**
 * The one query interface for both engines. Typed as drizzle's asynchronous SQLite database:
 * the queries are built with db/schema.ts's tables, which drizzle's PostgreSQL dialect renders
 * as well (db/pg/schema.ts mirrors them column for column). Raw SQL (`db.run`, `db.all`) is
 * SQLite's own and is not used.
 */
export type Db = BaseSQLiteDatabase<'async', unknown>;
export type Motor = 'sqlite' | 'postgres';

export { DEFAULT_DATABASE_URL } from '#/config/miljoe.ts';

/** Which engine a DATABASE_URL names. */
export function motorFor(url: string): Motor {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** The file path behind a `file:` DATABASE_URL; ':memory:' for tests. */
export function databasePath(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:';
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL skal være en file:-sti til SQLite, fik "${url}"`);
  return resolve(url.slice('file:'.length));
}

interface Forbindelse {
  motor: Motor;
  /** SQLite: the connection; tools that only exist there (backup, tests) use it. */
  sqlite?: Database.Database;
  pool?: pg.Pool;
  /** Closes it, once; also in the set closeAllDatabases closes. */
  luk?: () => Promise<void>;
  /** SQLite: ends the shared read transaction of this turn of the event loop, if one is open. */
  afslutLaesning?: () => void;
  /** SQLite in a file: appends committed off the request thread (baggrundsskriver.ts). */
  baggrund?: Baggrundsskriver | undefined;
}

// Which engine and connection stands behind each Db handed out.
const forbindelser = new WeakMap<object, Forbindelse>();

/** The engine behind a Db; undefined for a transaction's own handle. */
export function motor(db: object): Motor | undefined {
  return forbindelser.get(db)?.motor;
}

function forbindelse(db: Db): Forbindelse {
  const f = forbindelser.get(db);
  if (!f) throw new Error('Ukendt databaseforbindelse');
  return f;
}

/** The SQLite connection behind a Db, for what only SQLite has (online backup, test fixtures). */
export function sqliteForbindelse(db: Db): Database.Database {
  const { sqlite: s, afslutLaesning } = forbindelse(db);
  if (!s) throw new Error('Kun SQLite har en filforbindelse');
  // Its user may write or begin a transaction of its own: not inside the portal's shared read.
  afslutLaesning?.();
  return s;
}

/**
 * SQLite in a file: the writer that commits appends in a worker thread. Undefined in memory (a worker's
 * connection would open a database of its own) and on PostgreSQL, whose commits never block the thread.
 */
export function baggrundsskriver(db: Db): Baggrundsskriver | undefined {
  return forbindelse(db).baggrund;
}

/** The PostgreSQL pool behind a Db, for what needs a plain client (pg_dump's companions, test fixtures). */
export function pgPool(db: Db): pg.Pool {
  const p = forbindelse(db).pool;
  if (!p) throw new Error('Kun PostgreSQL har en pulje');
  return p;
}

export interface Valg {
  /** Sees every statement (the query-count benchmark). */
  logger?: Logger;
  /** PostgreSQL: how long a transaction may wait on its process between statements (tests shorten it). */
  tavsTransaktionMs?: number;
}

/**
 * An instance lost in the middle of a transaction (its machine or its network, not only the process: then
 * the kernel closes the connection at once) leaves a connection that is open but silent. Its transaction
 * would hold the writers' lock until PostgreSQL noticed the connection was dead, hours with TCP's defaults,
 * and every other instance's submissions would wait for it. PostgreSQL ends a transaction whose client has
 * said nothing for this long; the portal's own pause between statements for milliseconds.
 */
const TAVS_TRANSAKTION_MS = 30_000;

export function openDatabase(url = miljoe().DATABASE_URL, valg: Valg = {}): Db {
  return motorFor(url) === 'postgres' ? aabnPostgres(url, valg) : aabnSqlite(url, valg);
}

/**
 * The transaction that is open in this async context, if any. Code inside `db.transaction`
 * that reaches for `db` (not the `tx` it was handed) still writes inside the transaction, on
 * both engines: on PostgreSQL a statement outside it would take another pooled connection.
 */
const aabneTransaktioner = new AsyncLocalStorage<ReadonlyMap<object, Db>>();

/** True while a transaction of `db` is open in this async context (its statements then run in it). */
export function iAabenTransaktion(db: object): boolean {
  return aabneTransaktioner.getStore()?.has(rodAf.get(db) ?? db) ?? false;
}

/**
 * True while any transaction is open in this async context: a writer handed a transaction (or a
 * savepoint inside one) runs in it, on the connection that holds the write lock.
 */
export function iEnTransaktion(): boolean {
  return (aabneTransaktioner.getStore()?.size ?? 0) > 0;
}

// The drizzle database behind each Db handed out (the proxy below), the key of aabneTransaktioner.
const rodAf = new WeakMap<object, Db>();

/** Runs `fn` with `tx` as the open transaction of the database `rod` (and only of that one). */
function iTransaktion<T>(rod: Db, tx: Db, fn: () => T): T {
  return aabneTransaktioner.run(new Map(aabneTransaktioner.getStore()).set(rod, tx), fn);
}

function medOmgivendeTransaktion(rod: Db, transaktion: Db['transaction']): Db {
  // On the object itself, so a test can spy on it; inside a transaction the proxy below
  // hands out the transaction's own (a savepoint) instead.
  rod.transaction = transaktion;
  const db = new Proxy(rod, {
    get(maal, navn) {
      const kilde = aabneTransaktioner.getStore()?.get(maal) ?? maal;
      const vaerdi = Reflect.get(kilde, navn, kilde);
      return typeof vaerdi === 'function' ? vaerdi.bind(kilde) : vaerdi;
    },
  });
  rodAf.set(db, rod);
  return db;
}

/**
 * The statement as SQLite should prepare it: each parameter in a comparison, LIMIT or OFFSET
 * (`= ?`, `limit ?`) written `+?`. When SQLite's planner looks at a parameter (compares it with a
 * constant for a join or an ORDER BY, reads a LIMIT), it marks the statement to be planned again
 * at every new binding (sqlite3VdbeReprepareOnBind); for the portal's lookups that made a
 * prepared statement cost 3-8 times its run (the cases of a person: 25 µs instead of 5). The
 * Query Planner Stability Guarantee would stop it, but better-sqlite3 cannot set it. Unary plus
 * is a no-op in SQLite (same value, no affinity, as a bare parameter has), so results and index
 * use are unchanged; only the planner no longer looks inside the parameter. No index of ours is
 * partial, which is where a planner reading the value could have chosen differently.
 */
export function fastPlan(tekst: string): string {
  return tekst.replaceAll(/([=<>]|\blimit|\boffset) \?/g, '$1 +?');
}

/** Every connection to the portal's SQLite file: the request thread's below and the log's writer (baggrundsskriver.ts). */
const SQLITE_PRAGMAER = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000'];

/**
 * SQLite: one connection per process, shared by all requests. WAL lets other processes read
 * beside the one writer; synchronous=FULL makes every commit survive a crash of the process
 * and of the machine; the busy timeout lets a writer wait for another process.
 *
 * A transaction's body awaits, so another request could run its statements on the shared
 * connection in between: they would join the open transaction or read what it has not
 * committed. Every statement therefore runs while it holds the connection's queue (`Koe`): a
 * transaction holds it from BEGIN to COMMIT, a single statement only while it runs.
 */
function aabnSqlite(url: string, valg: Valg): Db {
  const path = databasePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  const luk = async () => {
    aabne().delete(luk);
    await baggrund?.luk();
    if (sqlite.open) sqlite.close();
  };
  if (path !== ':memory:') aabne().add(luk);
  for (const p of SQLITE_PRAGMAER) sqlite.pragma(p);
  // 64 MB of page cache instead of SQLite's 2 MB: the indexes a page and its audit rows touch
  // (the audit log's grows by the million) stay in memory instead of being read again.
  sqlite.pragma('cache_size = -65536');

  const saetninger = new Map<string, Database.Statement>();
  // Every statement outside a transaction is a transaction of its own, and starting one costs
  // SQLite file locks (system calls) that were half a page's query time. So the plain reads of one
  // turn of the event loop (all the requests it serves) share one read transaction, ended when the
  // turn is over and before anything else runs: a write never joins it and commits at once.
  const begin = sqlite.prepare('BEGIN');
  const commit = sqlite.prepare('COMMIT');
  let laesning = false;
  const afslutLaesning = () => {
    if (!laesning) return;
    laesning = false;
    if (sqlite.open && sqlite.inTransaction) commit.run();
  };
  const udfoer = (tekst: string, params: unknown[], metode: 'run' | 'all' | 'values' | 'get') => {
    let s = saetninger.get(tekst);
    if (!s) {
      s = sqlite.prepare(fastPlan(tekst));
      saetninger.set(tekst, s);
    }
    // BEGIN and COMMIT count as read-only to SQLite; a read is a statement that returns rows and writes nothing.
    if (s.reader && s.readonly) {
      if (!sqlite.inTransaction) {
        begin.run();
        laesning = true;
        setImmediate(afslutLaesning);
      }
    } else afslutLaesning();
    if (metode === 'run' || !s.reader) return { rows: [], ...s.run(...params) };
    s.raw(true);
    // drizzle's proxy takes one row for 'get' and a list of rows otherwise, each as an array.
    return { rows: (metode === 'get' ? s.get(...params) : s.all(...params)) as unknown[] };
  };
  const koe = new Koe();
  const ejer = new AsyncLocalStorage<true>();
  // A statement runs now when the connection is free or this is its transaction; otherwise it waits its turn.
  const nu: KoerNu = (tekst, params, metode) =>
    ejer.getStore() || koe.ledig() ? udfoer(tekst, params, metode) : undefined;
  const rod = drizzleSqlite(
    async (tekst, params, metode) =>
      nu(tekst, params, metode) ?? (await koe.koer(async () => udfoer(tekst, params, metode))),
    valg,
  ) as Db;
  // The kept statements take the same terms without drizzle's async layers (synkrone.ts).
  synkroneGemte((rod as unknown as { session: object }).session, nu);
  // Several processes write to one file (WORKERS, scripts beside the server). A deferred transaction
  // that reads and then writes fails at once (SQLITE_BUSY, no waiting) if another process committed
  // in between; an immediate one takes the write lock at BEGIN and waits its turn (busy_timeout).
  const transaktion = rod.transaction.bind(rod);
  const db = medOmgivendeTransaktion(
    rod,
    (async (fn, config) =>
      await koe.koer(() =>
        ejer.run(true, () =>
          transaktion((tx) => iTransaktion(rod, tx, () => fn(tx)), { behavior: 'immediate', ...config }),
        ),
      )) as Db['transaction'],
  );
  // Its worker starts at the first write, so a script that only reads has none.
  const baggrund = path === ':memory:' ? undefined : new Baggrundsskriver(path, SQLITE_PRAGMAER, afslutLaesning);
  forbindelser.set(db, { motor: 'sqlite', sqlite, luk, afslutLaesning, baggrund });
  return db;
}

/**
 * PostgreSQL: a pool per process; a transaction holds one pooled connection from BEGIN to COMMIT.
 * Every transaction first takes one advisory lock, held to its end: writers run one at a time across
 * all instances, as on SQLite, so a rule checked in a transaction (one complaint per decision, a
 * step that follows the one read) still holds when it commits. Reads outside transactions never wait.
 */
function aabnPostgres(url: string, valg: Valg): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: miljoe().DATABASE_POOL,
    idle_in_transaction_session_timeout: valg.tavsTransaktionMs ?? TAVS_TRANSAKTION_MS,
    // Names the portal's sessions in pg_stat_activity: db:restore refuses while any is connected.
    application_name: PORTALENS_PROGRAMNAVN,
    // No JIT compilation: the portal's queries are short, and the staff caseload's query is estimated
    // above PostgreSQL's JIT thresholds, so each view spent 1.5 s compiling a plan that runs in 16 ms
    // (9.5 s at 50 connections in `npm run bench`).
    options: '-c jit=off',
  });
  // Keep a failing idle connection (a restarted server) from crashing the process; the next
  // query takes a new one.
  pool.on('error', () => {});
  // The same for a connection PostgreSQL ends while a request holds it (the timeout above, a restart or
  // failover, a DBA): that request's next statement fails and the pool drops the connection, but the
  // 'error' event it also emits would end the whole instance without a listener.
  pool.on('connect', (klient) => klient.on('error', () => {}));
  const luk = async () => {
    aabne().delete(luk);
    if (!pool.ended) await pool.end();
  };
  aabne().add(luk);
  const drizzle = drizzlePg({ client: pool, ...valg });
  navngivGemte(drizzle._.session);
  const rod = drizzle as unknown as Db;
  const transaktion = rod.transaction.bind(rod);
  const db = medOmgivendeTransaktion(rod, ((fn, config) =>
    transaktion(async (tx) => {
      await (tx as unknown as { execute(q: SQL): Promise<unknown> }).execute(
        sql`select pg_advisory_xact_lock(${SKRIVELAAS})`,
      );
      return await iTransaktion(rod, tx, () => fn(tx));
    }, config)) as Db['transaction']);
  forbindelser.set(db, { motor: 'postgres', pool, luk });
  return db;
}

// PostgreSQL's bigint (our integer columns: counts, times in ms) arrives as a string by default;
// every value the portal stores fits a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

// The server script and Astro's bundle each carry a copy of this module, so the set of open
// connections lives on a global symbol: shutdown closes the bundle's connection too.
const AABNE = Symbol.for('mit-forloeb.databaser');
function aabne(): Set<() => Promise<void>> {
  const g = globalThis as { [AABNE]?: Set<() => Promise<void>> };
  const aabne = g[AABNE] ?? new Set();
  g[AABNE] = aabne;
  return aabne;
}

/** Closes every database this process opened (at shutdown); SQLite's last close checkpoints the WAL. */
export async function closeAllDatabases(): Promise<number> {
  const alle = [...aabne()];
  aabne().clear();
  await Promise.all(alle.map((luk) => luk()));
  return alle.length;
}

/** Closes one database (scripts and tests). */
export async function lukDatabase(db: Db): Promise<void> {
  await forbindelse(db).luk?.();
}

const MIGRERINGER = { sqlite: 'db/migrations', postgres: 'db/migrations-pg' } as const;

/** The writers' lock on PostgreSQL (aabnPostgres): one number for every instance; restore and move take it too. */
export const SKRIVELAAS = 7_240_319;

/** The application_name of the portal's PostgreSQL connections (and its scripts'), seen in pg_stat_activity. */
export const PORTALENS_PROGRAMNAVN = 'mit-forloeb';

// One number for every instance: PostgreSQL's advisory lock makes instances that start together
// migrate one at a time, so each step runs once.
const MIGRERINGSLAAS = 7_240_318;

export async function migrateDatabase(db: Db, migrationsFolder?: string): Promise<void> {
  const f = forbindelse(db);
  const mappe = resolve(migrationsFolder ?? MIGRERINGER[f.motor]);
  if (f.sqlite) {
    // SQLite cannot drop a NOT NULL: drizzle-kit rebuilds the table, and dropping the old one would
    // break the references to it. Foreign keys can only be turned off outside a transaction, so
    // here around the migrator's; the check afterwards proves every reference still holds
    // (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
    // The plain reads of this turn share a read transaction until the turn ends (aabnSqlite): wait for it.
    await new Promise((r) => setImmediate(r));
    const foer = f.sqlite.pragma('foreign_keys', { simple: true });
    f.sqlite.pragma('foreign_keys = OFF');
    try {
      migrerSqlite(drizzleSqliteFil({ client: f.sqlite }), { migrationsFolder: mappe });
      const brudt = f.sqlite.pragma('foreign_key_check') as unknown[];
      if (brudt.length > 0) throw new Error(`Migreringen efterlod ${brudt.length} brudte fremmednøgler.`);
    } finally {
      f.sqlite.pragma(`foreign_keys = ${foer ? 'ON' : 'OFF'}`);
    }
    return;
  }
  if (!f.pool) return;
  const klient = await f.pool.connect();
  try {
    await klient.query('select pg_advisory_lock($1)', [MIGRERINGSLAAS]);
    await migrerPg(drizzlePg({ client: klient }), { migrationsFolder: mappe });
  } finally {
    await klient.query('select pg_advisory_unlock($1)', [MIGRERINGSLAAS]).catch(() => {});
    klient.release();
  }
}

// /healthz asks at every probe: the count is prepared once per connection.
const migreringstaellinger = new WeakMap<Database.Database, Database.Statement<[], { n: number }>>();

/** How many migrations a SQLite file has applied. */
export function anvendteSqliteMigreringer(sqlite: Database.Database): number {
  let taelling = migreringstaellinger.get(sqlite);
  if (!taelling) {
    taelling = sqlite.prepare<[], { n: number }>('select count(*) as n from __drizzle_migrations');
    migreringstaellinger.set(sqlite, taelling);
  }
  return taelling.get()?.n ?? 0;
}

/** How many migrations a database has applied. */
export async function anvendteMigreringer(db: Db): Promise<number> {
  const f = forbindelse(db);
  if (f.sqlite) return anvendteSqliteMigreringer(f.sqlite);
  if (!f.pool) return 0;
  const svar = await f.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return svar.rows[0]?.n ?? 0;
}

/** How many migrations this version of the portal has for an engine (what a database should have applied). */
export function kendteMigreringer(motor: Motor = 'sqlite', migrationsFolder?: string): number {
  const mappe = resolve(migrationsFolder ?? MIGRERINGER[motor]);
  const journal = JSON.parse(readFileSync(resolve(mappe, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** The first row of a result (what `.get()` gave on SQLite alone). */
export function foerste<T>(raekker: T[]): T | undefined {
  return raekker[0];
}
