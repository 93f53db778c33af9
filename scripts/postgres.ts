// npm run pg:start: a local PostgreSQL on loopback for developers and CI, with the portal's role and database.
// Idempotent: run it as often as you like. Debian's cluster tools (pg_lsclusters, pg_ctlcluster) are used.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { aptInstall, harKommando } from './debian.ts';

const ROLLE = 'mitforloeb';
const urlTil = (port: number) => `postgres://${ROLLE}:${ROLLE}@127.0.0.1:${port}/${ROLLE}`;

type Klynge = { version: string; navn: string; port: number; koerer: boolean };

function stop(besked: string): never {
  console.error(besked);
  process.exit(1);
}

function koer(kommando: string, args: string[], input?: string): string {
  const r = spawnSync(kommando, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    stop(`Fejl: ${kommando} ${args.join(' ')}\n${r.stderr || r.stdout || r.error?.message || ''}`.trim());
  }
  return r.stdout;
}

const erRoot = process.getuid?.() === 0;

// 1. Installed? Only root may install; anyone else is told the exact command.
if (!harKommando('pg_lsclusters') || !harKommando('pg_ctlcluster')) {
  if (!erRoot || !harKommando('apt-get')) {
    stop(
      harKommando('apt-get')
        ? 'PostgreSQL mangler. Kør: sudo apt-get install -y postgresql  (og så npm run pg:start igen)'
        : 'PostgreSQL mangler, og der er ingen apt-get. Installér PostgreSQL (Debian: apt-get install postgresql),' +
            ' eller sæt TEST_PG_URL/DATABASE_URL til en PostgreSQL, du selv har startet.',
    );
  }
  console.log('Installerer PostgreSQL fra Debian: apt-get install -y -qq postgresql');
  if (!aptInstall('postgresql')) stop('apt-get install postgresql mislykkedes (se ovenfor).');
}

function klynger(): Klynge[] {
  return koer('pg_lsclusters', ['--no-header'])
    .split('\n')
    .map((linje) => linje.trim().split(/\s+/))
    .filter((felter) => felter.length >= 4)
    .map(([version = '', navn = '', port = '', status = '']) => ({
      version,
      navn,
      port: Number(port),
      koerer: status.startsWith('online'),
    }));
}

// 2. The newest "main" cluster (Debian makes one when the package is installed).
let klynge = klynger()
  .filter((k) => k.navn === 'main')
  .sort((a, b) => Number(b.version) - Number(a.version))[0];
if (!klynge) {
  const versioner = koer('ls', ['/usr/lib/postgresql'])
    .split('\n')
    .filter(Boolean)
    .sort((a, b) => +b - +a);
  const version = versioner[0] ?? stop('Ingen PostgreSQL-version i /usr/lib/postgresql.');
  if (!erRoot) stop(`Der er ingen klynge. Kør: sudo pg_createcluster ${version} main`);
  koer('pg_createcluster', [version, 'main']);
  klynge = klynger().find((k) => k.navn === 'main' && k.version === version) ?? stop('pg_createcluster lavede intet.');
}

const url = urlTil(klynge.port);

/** True when the portal's role already logs in to its database with C collation: nothing left to do. */
async function alleredeKlar(): Promise<boolean> {
  const klient = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await klient.connect();
    const r = await klient.query<{ datcollate: string; lytter: string }>(
      "SELECT datcollate, current_setting('listen_addresses') AS lytter FROM pg_database WHERE datname = current_database()",
    );
    const lytter = r.rows[0]?.lytter ?? '';
    // Debian's default is localhost; a development database with a known password belongs on loopback only.
    if (!['localhost', '127.0.0.1', '::1', '127.0.0.1,::1', 'localhost,127.0.0.1'].includes(lytter)) {
      console.warn(`Advarsel: PostgreSQL lytter på "${lytter}", ikke kun loopback (listen_addresses).`);
    }
    return r.rows[0]?.datcollate === 'C';
  } catch {
    return false;
  } finally {
    await klient.end().catch(() => {});
  }
}

if (!klynge.koerer) {
  if (!erRoot) stop(`PostgreSQL ${klynge.version} kører ikke. Kør: sudo pg_ctlcluster ${klynge.version} main start`);
  console.log(`Starter PostgreSQL ${klynge.version}/main på port ${klynge.port}`);
  koer('pg_ctlcluster', [klynge.version, 'main', 'start']);
}

// 3. The role and the database, as the postgres superuser (peer login over the local socket).
if (!(await alleredeKlar())) {
  const sqlRolle = `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLLE}') THEN
    CREATE ROLE ${ROLLE} LOGIN CREATEDB PASSWORD '${ROLLE}';
  ELSE
    ALTER ROLE ${ROLLE} LOGIN CREATEDB PASSWORD '${ROLLE}';
  END IF;
END $$;
-- C collation: ORDER BY on text then sorts as SQLite does (bytewise).
SELECT 'CREATE DATABASE ${ROLLE} OWNER ${ROLLE} TEMPLATE template0 LC_COLLATE ''C'' LC_CTYPE ''C'' ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${ROLLE}')\\gexec
SELECT datcollate FROM pg_database WHERE datname = '${ROLLE}';
`;
  const psql = ['psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-p', String(klynge.port), '-d', 'postgres'];
  const somPostgres = (): [string, string[]] => {
    if (process.env.USER === 'postgres') return [psql[0] ?? 'psql', psql.slice(1)];
    if (!erRoot) {
      stop(
        `Rollen og databasen ${ROLLE} mangler. Kør én gang: sudo npm run pg:start` +
          ` (eller som brugeren postgres: ${psql.join(' ')})`,
      );
    }
    if (harKommando('runuser')) return ['runuser', ['-u', 'postgres', '--', ...psql]];
    return ['su', ['postgres', '-c', psql.join(' ')]];
  };
  const [kommando, args] = somPostgres();
  const sortering = koer(kommando, args, sqlRolle).trim();
  if (sortering !== 'C') {
    stop(
      `Databasen ${ROLLE} findes med sorteringen ${sortering}, ikke C (så sorterer tekst ikke som i SQLite).` +
        ` Slet den, hvis intet i den skal gemmes: runuser -u postgres -- dropdb ${ROLLE}; og kør npm run pg:start igen.`,
    );
  }
  if (!(await alleredeKlar())) stop(`Kan ikke logge ind som ${ROLLE} på ${url}: se pg_hba.conf og loggen.`);
}

console.log(`PostgreSQL ${klynge.version} kører på 127.0.0.1:${klynge.port}.`);
console.log(`Til testene: TEST_PG_URL=${url}`);
console.log(`DATABASE_URL=${url}`);
