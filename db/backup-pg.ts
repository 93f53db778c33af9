/**
 * Backup and checked restore of the portal's PostgreSQL database with PostgreSQL's own tools: pg_dump's
 * custom format, and pg_restore's script run by psql in ONE transaction of ours. The rules shared with
 * SQLite (file names, which file is the portal's, newer versions) are in db/backup-regler.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { tidIFilnavn } from '#/lib/dato.ts';
import { synkroniser } from '#/lib/holdbar-fil.ts';
import { ikkePortalens, nyereVersion, stopPortalenFoerst } from './backup-regler.ts';
import { kendteMigreringer, PORTALENS_PROGRAMNAVN, SKRIVELAAS } from './client.ts';
import { fejltekst, findPgProgram, koerPg, pgForbindelse, udfald } from './pg-vaerktoej.ts';

/**
 * pg_dump takes one snapshot (a repeatable-read transaction), so the dump is consistent while the
 * portal writes; its locks only keep migrations out. Written under another name and renamed when
 * complete, so a failed dump never looks like a backup (the nightly job keeps files by name).
 */
export async function backupPostgres(url: string, dest: string): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true });
  const skrives = `${dest}.skrives`;
  const { dbname, env } = pgForbindelse(url, 'mit-forloeb-backup');
  const u = await koerPg('pg_dump', ['--format=custom', '--no-password', `--file=${skrives}`, dbname], env);
  if (u.kode !== 0) {
    rmSync(skrives, { force: true });
    throw new Error(`pg_dump mislykkedes: ${fejltekst(u)}`);
  }
  synkroniser(skrives);
  renameSync(skrives, dest);
  synkroniser(dirname(dest));
}

// A table entry of `pg_restore --list`: "214; 1259 16386 TABLE public personer owner" (not TABLE DATA).
const TABEL_I_INDHOLD = /^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) /gm;

/** How many rows the dump's migrations table holds, read from pg_restore's script of that table alone. */
async function migreringerIDump(path: string): Promise<number | string> {
  const u = await koerPg(
    'pg_restore',
    ['--data-only', '--schema=drizzle', '--table=__drizzle_migrations', '--file=-', path],
    process.env,
  );
  if (u.kode !== 0) return `Backuppen kan ikke læses: ${fejltekst(u)}`;
  const linjer = u.stdout.split('\n');
  const start = linjer.findIndex((l) => l.startsWith('COPY drizzle.__drizzle_migrations '));
  if (start < 0) return 0;
  const slut = linjer.indexOf('\\.', start);
  return slut < 0 ? 'Backuppens migreringstabel er ufuldstændig.' : slut - start - 1;
}

/** Why a file cannot be restored, or null when it is a dump of this portal's database that this version knows. */
export async function checkPgDump(path: string, migreringer = kendteMigreringer('postgres')): Promise<string | null> {
  if (!existsSync(path)) return `Filen findes ikke: ${path}`;
  const liste = await koerPg('pg_restore', ['--list', path], process.env);
  if (liste.kode !== 0) return `Filen kan ikke læses som en backup fra pg_dump: ${fejltekst(liste)}`;
  const tabeller = [...liste.stdout.matchAll(TABEL_I_INDHOLD)];
  const offentlige = new Set(tabeller.filter(([, skema]) => skema === 'public').map(([, , navn]) => navn ?? ''));
  const harMigreringer = tabeller.some(([, skema, navn]) => skema === 'drizzle' && navn === '__drizzle_migrations');
  const fremmed = ikkePortalens(harMigreringer, offentlige);
  if (fremmed) return fremmed;
  const anvendt = await migreringerIDump(path);
  return typeof anvendt === 'string' ? anvendt : nyereVersion(anvendt, migreringer);
}

/** How many connections the portal (its instances and scripts, named by application_name) has to the database. */
export async function portalensForbindelser(url: string): Promise<number> {
  const klient = new pg.Client({ connectionString: url, application_name: 'mit-forloeb-genskabelse' });
  await klient.connect();
  try {
    const r = await klient.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()`,
      [PORTALENS_PROGRAMNAVN],
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await klient.end();
  }
}

/**
 * Before the dump's script, in the same transaction: wait for any writer to finish, then drop the
 * portal's objects. Dropping everything (not pg_restore's --clean, which drops only what the dump
 * has) lets an older backup replace a database that later migrations added tables to.
 */
const RYD_PORTALENS_SKEMA = `
SELECT pg_advisory_xact_lock(${SKRIVELAAS});
DROP SCHEMA IF EXISTS drizzle CASCADE;
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
             ELSE 'TABLE' END, n.nspname, c.relname) AS drop
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      -- Not an extension's; not a sequence its table's column owns (serial, identity): it goes with the table.
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP
    EXECUTE r.drop;
  END LOOP;
  FOR r IN
    SELECT format('DROP TYPE IF EXISTS %I.%I CASCADE', n.nspname, t.typname) AS drop
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE r.drop;
  END LOOP;
END $$;
`;

/**
 * Replaces the database's contents with a checked dump; every instance of the portal must be stopped.
 * What the database held before is dumped first, beside the backup, and its path returned (as SQLite's
 * restore keeps the old file): restoring the wrong night can be undone.
 * pg_restore writes the dump as SQL into psql, inside a transaction this function opens: COMMIT is
 * written only after pg_restore has ended well, and psql stops at the first error. A dump that breaks
 * off, a statement that fails, or a crash anywhere ends the session without COMMIT, and PostgreSQL
 * rolls it all back: the database is the old one or the restored one, never half of each. (psql's own
 * --single-transaction commits when its input ends, which a pg_restore that died would also cause.)
 */
export async function restorePostgres(dump: string, url: string, migreringer?: number): Promise<string> {
  const fejl = await checkPgDump(dump, migreringer);
  if (fejl) throw new Error(fejl);
  const aabne = await portalensForbindelser(url);
  if (aabne > 0) throw new Error(stopPortalenFoerst(`databasen (${aabne} forbindelser)`));
  const gemt = join(dirname(dump), `mit-forloeb-${tidIFilnavn(new Date())}-foer-genskabelse.dump`);
  await backupPostgres(url, gemt);

  const { dbname, env } = pgForbindelse(url, 'mit-forloeb-genskabelse');
  const psql = spawn(findPgProgram('psql'), ['-X', '-q', '--no-password', '-v', 'ON_ERROR_STOP=1', '-d', dbname], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const restore = spawn(findPgProgram('pg_restore'), ['--no-owner', '--no-privileges', '--file=-', dump], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const psqlSlut = udfald(psql);
  const restoreSlut = udfald(restore, false);
  // psql stops at the first error; pg_restore must not then block on a pipe nobody reads.
  psql.stdin.on('error', () => restore.kill());
  void psqlSlut.then(() => restore.kill());
  psql.stdin.write(`BEGIN;\n${RYD_PORTALENS_SKEMA}\n`);
  restore.stdout.pipe(psql.stdin, { end: false });
  const r = await restoreSlut;
  psql.stdin.end(r.kode === 0 ? '\nCOMMIT;\n' : '');
  const p = await psqlSlut;
  // psql's error first: when psql stops, pg_restore is stopped too and has nothing to say.
  if (p.kode !== 0) throw new Error(`Genskabelsen mislykkedes, intet er ændret: ${fejltekst(p)}`);
  if (r.kode !== 0) throw new Error(`pg_restore mislykkedes, intet er ændret: ${fejltekst(r)}`);
  return gemt;
}
