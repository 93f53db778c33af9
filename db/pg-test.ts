/**
 * For tests: a fresh PostgreSQL database with the portal's migrations (db/migrations-pg), on the server that
 * TEST_PG_URL names (a role allowed to CREATE DATABASE; `npm run pg:start` prints one). The migrations run
 * once, into a template database named by their hash; each call then copies the template, which is fast.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { C_SORTERING } from './nulstil.ts';

/** The admin connection for test databases, or undefined: then the PostgreSQL tests are skipped. */
export const testPgUrl: string | undefined = process.env.TEST_PG_URL || undefined;

/** A test title that says why it is skipped when there is no PostgreSQL. */
export function pgTitel(titel: string): string {
  if (testPgUrl) return titel;
  // Said once per worker too: the default reporter shows a skipped file without its titles.
  if (!sagtUdenPg) console.warn('PostgreSQL-tests springes over: sæt TEST_PG_URL (npm run pg:start viser den).');
  sagtUdenPg = true;
  return `${titel} (springes over: sæt TEST_PG_URL, se npm run pg:start)`;
}
let sagtUdenPg = false;

const MIGRERINGER = new URL('./migrations-pg/', import.meta.url);
/** Serialises building the template across processes (vitest runs files in parallel workers). */
const SKABELON_LAAS = 7_263_514_001;
/** A test database older than this was left by a run that crashed; the next run drops it. */
const EFTERLADT_MS = 6 * 60 * 60 * 1000;
// The server's clock in ms names a test database: a test's fake timers cannot make it look old to another run.
const SERVERTID = 'floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

function migreringsHash(): string {
  const h = createHash('sha256');
  const filer = [
    ...readdirSync(MIGRERINGER).filter((f) => f.endsWith('.sql')),
    'meta/_journal.json', // the migrator reads which files to run, and their order, from here
  ].sort();
  for (const f of filer) h.update(f).update(readFileSync(new URL(f, MIGRERINGER)));
  return h.digest('hex').slice(0, 16);
}

/** The server's URL with another database in it. */
export function urlTil(admin: string, database: string): string {
  const u = new URL(admin);
  u.pathname = `/${database}`;
  return u.toString();
}

let admin: pg.Pool | undefined;
let skabelon: Promise<string> | undefined;

function adminPool(url: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  return admin;
}

async function migrer(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: fileURLToPath(MIGRERINGER) });
  } finally {
    await pool.end();
  }
}

/** Databases of crashed runs (named by their creation time) are dropped, so they do not pile up. */
async function sletEfterladte(pool: pg.Pool): Promise<void> {
  const r = await pool.query<{ datname: string; nu: string }>(
    `SELECT datname, ${SERVERTID} AS nu FROM pg_database WHERE datname LIKE 'mf\\_test\\_%'`,
  );
  for (const { datname, nu } of r.rows) {
    const oprettet = Number(datname.split('_')[2]);
    if (Number.isFinite(oprettet) && oprettet < Number(nu) - EFTERLADT_MS) {
      await pool.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  }
}

/** The template with the current migrations, built once by whichever process comes first. */
async function sikrSkabelon(url: string): Promise<string> {
  const pool = adminPool(url);
  const navn = `mf_skabelon_${migreringsHash()}`;
  const klient = await pool.connect();
  try {
    await klient.query('SELECT pg_advisory_lock($1)', [SKABELON_LAAS]);
    const findes = await klient.query('SELECT 1 FROM pg_database WHERE datname = $1', [navn]);
    if (findes.rowCount === 0) {
      // Built under another name and renamed when complete: a crash never leaves a half-migrated template.
      const bygges = `${navn}_bygges`;
      await klient.query(`DROP DATABASE IF EXISTS "${bygges}" WITH (FORCE)`);
      await klient.query(`CREATE DATABASE "${bygges}" ${C_SORTERING}`);
      await migrer(urlTil(url, bygges));
      await klient.query(`ALTER DATABASE "${bygges}" RENAME TO "${navn}"`);
    }
    await sletEfterladte(pool);
  } finally {
    await klient.query('SELECT pg_advisory_unlock($1)', [SKABELON_LAAS]).catch(() => {});
    klient.release();
  }
  return navn;
}

export type PgTestDatabase = { url: string; slet(): Promise<void> };

function adminUrl(hvem: string): string {
  if (!testPgUrl) throw new Error(`${hvem}: TEST_PG_URL mangler (npm run pg:start viser den)`);
  return testPgUrl;
}

/** A database of its own, named by the server's clock, created with `som` (the template clause). */
async function opret(url: string, som: string): Promise<PgTestDatabase> {
  const pool = adminPool(url);
  const { rows } = await pool.query<{ nu: string }>(`SELECT ${SERVERTID} AS nu`);
  const navn = `mf_test_${rows[0]?.nu ?? 0}_${randomBytes(6).toString('hex')}`;
  await pool.query(`CREATE DATABASE "${navn}" ${som}`);
  return {
    url: urlTil(url, navn),
    slet: async () => {
      // An autovacuum worker runs as the superuser, whom this role may not terminate (42501); it ends soon.
      for (let forsoeg = 1; ; forsoeg++) {
        try {
          await pool.query(`DROP DATABASE IF EXISTS "${navn}" WITH (FORCE)`);
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== '42501' || forsoeg >= 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}

/**
 * A new, empty, migrated database of its own (C collation). `url` connects to it with TEST_PG_URL's role;
 * `slet` drops it, closing any connection still open to it.
 */
export async function nyPgDatabase(): Promise<PgTestDatabase> {
  const url = adminUrl('nyPgDatabase');
  skabelon ??= sikrSkabelon(url).catch((e: unknown) => {
    skabelon = undefined; // the next call tries again
    throw e;
  });
  return opret(url, `TEMPLATE "${await skabelon}"`);
}

/** A new database without any tables (C collation), for a test that runs the migrations itself. */
export async function tomPgDatabase(): Promise<PgTestDatabase> {
  return opret(adminUrl('tomPgDatabase'), C_SORTERING);
}
