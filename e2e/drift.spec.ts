/**
 * Operations, against a server of its own (own port and database file, so the journeys on
 * the shared demo server are not disturbed): graceful shutdown on SIGTERM, request ids,
 * refusing to start without a login configured, a login provider that is down, and backup
 * and restore with the real commands.
 */

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { defined } from '#/lib/defined.ts';
import { logIn } from '../bench/portal.ts';
import { expectNoAxeViolations } from './axe.ts';
import { E2E_MOTOR, e2eDatabaseUrl } from './database.ts';

const kør = promisify(execFile);

const repo = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.E2E_DRIFT_PORT ?? 4398);
const base = `http://127.0.0.1:${PORT}`;

function startServer(env: Record<string, string>, script = 'scripts/demo.ts') {
  const proc = spawn(process.execPath, [script], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: e2eDatabaseUrl('e2e-drift'),
      RESET_DATABASE: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  defined(proc.stdout, 'stdout').on('data', (d) => (log += d));
  defined(proc.stderr, 'stderr').on('data', (d) => (log += d));
  return {
    proc,
    log: () => log,
    linjer: () =>
      log
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

async function klar() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('Serveren startede ikke');
}

/** A form post as it arrives from the proxy (fetch may not set Host). */
function formPost(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/_actions/klag`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject).end('tekst=x');
  });
}
const fraProxy = {
  host: 'mitforloeb.hedensted.dk',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '198.51.100.7',
  origin: 'https://mitforloeb.hedensted.dk',
};

const afsluttet = (proc: ChildProcess) =>
  proc.exitCode !== null ? Promise.resolve(proc.exitCode) : once(proc, 'exit').then(([code]) => code as number);

test.describe.configure({ mode: 'serial' });

/** The first group of a line the script must have printed; the output is in the error when it did not. */
function fang(re: RegExp, ud: string): string {
  const m = re.exec(ud)?.[1];
  if (m === undefined) throw new Error(`${re} fandt intet i: ${ud}`);
  return m;
}

test('SIGTERM: en forespørgsel under vejs får sit svar, nye forbindelser afvises, og databasen lukkes', async () => {
  const s = startServer({});
  try {
    await klar();
    const svar = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'proxy-id-12345' } });
    // Without TRUST_PROXY a client cannot choose the id that marks its lines in the log.
    expect(svar.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // Without TRUST_PROXY the proxy's headers count for nothing: the https form is cross-site.
    expect(await formPost(fraProxy)).toBe(403);

    // A request whose body is still arriving when the signal comes. With "Expect: 100-continue" the
    // server answers "100 Continue" as it takes the request, so the test knows it has arrived.
    const krop = JSON.stringify({ fyld: 'a'.repeat(2000) });
    const req = http.request(`${base}/_actions/forlaengSession`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(krop.length),
        origin: base,
        expect: '100-continue',
      },
    });
    const status = new Promise<number>((resolve, reject) =>
      req
        .on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject),
    );
    const fremme = once(req, 'continue');
    req.flushHeaders();
    await fremme;
    req.write(krop.slice(0, 1000));

    s.proc.kill('SIGTERM');
    await expect.poll(() => s.log()).toContain('"haendelse":"stopper"');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(s.proc.exitCode).toBeNull();

    req.end(krop.slice(1000));
    expect(await status).toBeLessThan(500);
    expect(await afsluttet(s.proc)).toBe(0);
    const stoppet = s.linjer().find((l) => l.haendelse === 'stoppet');
    expect(stoppet).toMatchObject({ afbrudte: 0 });
    // The server's own connection and the one inside Astro's bundle.
    expect(defined(stoppet, 'Stop-linjen').databaser).toBe(2);
  } finally {
    s.proc.kill('SIGKILL');
  }
});

test('WORKERS=2: login og formularer går på tværs af processerne, en dræbt worker startes igen, og SIGTERM stopper alle', async () => {
  const s = startServer({ WORKERS: '2', RATE_LIMIT_POST: '3' });
  const workerStart = () => s.linjer().filter((l) => l.haendelse === 'start' && l.worker !== undefined);
  try {
    await expect.poll(() => workerStart().length, { timeout: 60_000 }).toBe(2);
    await klar();
    // Every request goes to the next worker (round robin): the login's steps land on both.
    const jens = await logIn(`http://localhost:${PORT}`, 'Jens Madsen');
    for (let i = 0; i < 4; i++) expect((await jens.get('/min-side')).status).toBe(200);
    // The rate limit is per database: three posts in all, whichever worker takes them.
    const svar = [];
    for (let i = 0; i < 4; i++) svar.push(await formPost({ origin: base }));
    expect(svar.filter((status) => status === 429)).toHaveLength(1);
    expect(svar.at(-1)).toBe(429);

    const [foerste] = workerStart();
    const pid = Number(defined(foerste, 'Workerens start').pid);
    process.kill(pid, 'SIGKILL');
    await expect
      .poll(() => s.linjer().find((l) => l.haendelse === 'worker'))
      .toMatchObject({ niveau: 'fejl', pid, signal: 'SIGKILL' });
    await expect.poll(() => workerStart().length, { timeout: 60_000 }).toBe(3);
    expect((await jens.get('/min-side')).status).toBe(200);

    s.proc.kill('SIGTERM');
    expect(await afsluttet(s.proc)).toBe(0);
    const stoppet = s.linjer().filter((l) => l.haendelse === 'stoppet');
    // Both workers and then the primary, none with requests cut off.
    expect(stoppet).toHaveLength(3);
    expect(stoppet.every((l) => l.afbrudte === 0)).toBe(true);
    expect(stoppet.at(-1)?.worker).toBeUndefined();
    for (const l of workerStart().slice(1)) expect(() => process.kill(Number(l.pid), 0)).toThrow();
  } finally {
    s.proc.kill('SIGKILL');
  }
});

test('bag en proxy (TRUST_PROXY=1): proxyens anmodnings-id i loggen, HSTS, og formularer sendt over https går igennem', async () => {
  const s = startServer({ TRUST_PROXY: '1' });
  try {
    await klar();
    const svar = await fetch(`${base}/pjecer`, {
      headers: { 'x-request-id': 'proxy-id-12345', 'x-forwarded-proto': 'https' },
    });
    expect(svar.headers.get('x-request-id')).toBe('proxy-id-12345');
    expect(svar.headers.get('strict-transport-security')).toContain('max-age=');
    await expect
      .poll(() => s.linjer().find((l) => l.anmodning === 'proxy-id-12345'))
      .toMatchObject({ haendelse: 'http', metode: 'GET', sti: '/pjecer', status: 200 });

    // A form posted on https://<the portal> passes the origin check (400: its input was checked), a foreign one does not.
    expect(await formPost(fraProxy)).toBe(400);
    expect(await formPost({ ...fraProxy, origin: 'https://ondsindet.example' })).toBe(403);
  } finally {
    s.proc.kill('SIGTERM');
    await afsluttet(s.proc);
  }
});

test('en krop, der ikke er JSON, en ukendt type eller en for stor krop til en handling får svar på dansk, og loggen gentager den ikke', async () => {
  const s = startServer({});
  try {
    await klar();
    const send = async (type: string, body: string) => {
      const svar = await fetch(`${base}/_actions/forlaengSession`, {
        method: 'POST',
        headers: { 'content-type': type, origin: base },
        body,
      });
      return { status: svar.status, ...((await svar.json()) as { code: string; message: string }) };
    };
    expect(await send('application/json', 'Ali Hassan 0102501234 {')).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^Ugyldige data\./),
    });
    // Astro's own answers, which came with an empty or English message.
    expect(await send('text/plain', 'x')).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/^Formularen kunne ikke læses\./),
    });
    expect(await send('application/json', JSON.stringify({ tekst: 'a'.repeat(1_100_000) }))).toMatchObject({
      status: 413,
      code: 'CONTENT_TOO_LARGE',
      message: expect.stringMatching(/^Det, du har sendt, fylder for meget\./),
    });
    await expect.poll(() => s.linjer().some((l) => l.sti === '/_actions/forlaengSession')).toBe(true);
    expect(s.log()).not.toContain('Ali Hassan');
    expect(s.log()).not.toMatch(/0102501234/);
  } finally {
    s.proc.kill('SIGTERM');
    await afsluttet(s.proc);
  }
});

test('uden login-opsætning starter portalen ikke, og loggen siger, hvad der mangler', async () => {
  const s = startServer({ TEST_MITID: '0', DEMO_DATA: '0' }, 'scripts/serve.ts');
  expect(await afsluttet(s.proc)).toBe(1);
  const fejl = s.linjer().find((l) => l.haendelse === 'konfiguration');
  expect(fejl).toMatchObject({ niveau: 'fejl' });
  expect(String(defined(fejl, 'Fejllinjen').besked)).toContain('OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET');
});

test('en forkert RATE_LIMIT_LOGIN eller en manglende PUBLIC_URL i drift stopper portalen ved start med en loglinje, der siger hvad', async () => {
  for (const [env, forventet] of [
    [{ RATE_LIMIT_LOGIN: 'mange' }, 'RATE_LIMIT_LOGIN skal være et helt tal større end 0.'],
    [{ NODE_ENV: 'production', TEST_MITID: '0', DEMO_DATA: '0' }, 'PUBLIC_URL skal sættes i drift'],
  ] as const) {
    const s = startServer(env);
    expect(await afsluttet(s.proc)).toBe(1);
    expect(s.linjer().find((l) => l.haendelse === 'konfiguration')).toMatchObject({
      niveau: 'fejl',
      besked: expect.stringContaining(forventet),
    });
    expect(s.linjer().some((l) => l.haendelse === 'start')).toBe(false);
  }
});

test('en database eller en bilagsmappe, der ikke kan bruges, stopper portalen ved start med en loglinje, der siger hvilken', async () => {
  // A path under a file cannot be a folder, whoever runs the test (root included).
  const enFil = `${repo}package.json`;
  for (const [env, forventet] of [
    [{ DATABASE_URL: `file:${enFil}/mit-forloeb.db`, RESET_DATABASE: '0' }, 'DATABASE_URL'],
    [{ BILAG_DIR: `${enFil}/bilag` }, 'BILAG_DIR'],
  ] as const) {
    const s = startServer(env);
    expect(await afsluttet(s.proc)).toBe(1);
    const fejl = s.linjer().find((l) => l.haendelse === 'konfiguration');
    expect(fejl).toMatchObject({ niveau: 'fejl' });
    expect(String(defined(fejl, 'Fejllinjen').besked)).toContain(forventet);
    expect(s.linjer().some((l) => l.haendelse === 'start')).toBe(false);
  }
});

test('når MitID-brokeren ikke svarer, får borgeren en dansk side (503), og loggen siger hvilken udbyder', async ({
  page,
}) => {
  // Port 9 on loopback: nothing listens, so discovery fails at once, as with a broker that is down.
  const udbyder = 'http://127.0.0.1:9/';
  const s = startServer(
    {
      TEST_MITID: '0',
      DEMO_DATA: '0',
      OIDC_ISSUER: udbyder,
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 'hemmelig',
      STAFF_OIDC_ISSUER: udbyder,
      STAFF_OIDC_CLIENT_ID: 'portal',
      STAFF_OIDC_CLIENT_SECRET: 'hemmelig',
      // The address the test uses is the portal's own, as in production: a login started on another
      // host name would first be sent to this one (features/login/kanonisk.ts).
      PUBLIC_URL: base,
    },
    'scripts/serve.ts',
  );
  try {
    await klar();
    for (const [start, type] of [
      ['/log-ind/mitid', 'borger'],
      ['/medarbejder/log-ind', 'medarbejder'],
    ]) {
      const r = await fetch(base + start, { redirect: 'manual' });
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe('/log-ind/afvist?grund=udbyder');
      const side = await fetch(base + defined(r.headers.get('location'), 'Location-headeren'));
      expect(side.status).toBe(503);
      expect(await side.text()).toContain('<h1>Du kan ikke logge ind lige nu</h1>');
      await expect
        .poll(() => s.linjer().find((l) => l.haendelse === 'login-udbyder' && l.type === type))
        .toMatchObject({ niveau: 'fejl', trin: 'discovery', issuer: udbyder });
    }
    // The citizen's way there, in a browser: the page they land on passes axe.
    await page.goto(`${base}/log-ind/mitid`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du kan ikke logge ind lige nu');
    await expectNoAxeViolations(page);
    // Only the deliberate 503 pages: no crash (500) on the way.
    await expect
      .poll(() =>
        s
          .linjer()
          .filter((l) => l.haendelse === 'http' && Number(l.status) >= 500)
          .map((l) => l.status),
      )
      .toEqual([503, 503, 503]);
  } finally {
    s.proc.kill('SIGTERM');
    await afsluttet(s.proc);
  }
});

test('db:backup mens portalen skriver, og db:restore, der først nægter og så genskaber den', async () => {
  // PostgreSQL's backup and restore (pg_dump, pg_restore) are tested in db/backup-pg.test.ts.
  test.skip(E2E_MOTOR === 'postgres', 'SQLite-filens backup');
  const env = { ...process.env, DATABASE_URL: 'file:data/e2e-drift.db' };
  const kommando = (args: string[]) =>
    kør(process.execPath, args, { cwd: repo, env }).then(
      (r) => ({ kode: 0, ud: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ kode: e.code, ud: e.stdout + e.stderr }),
    );
  const mappe = `${repo}data/e2e-drift-backup/`;
  rmSync(mappe, { recursive: true, force: true });
  const s = startServer({});
  let visninger = 0;
  let koerer = true;
  try {
    await klar();
    // PUBLIC_URL is localhost: the login comes back there.
    const jens = await logIn(`http://localhost:${PORT}`, 'Jens Madsen');
    // Every view of Min side writes to the audit log: the portal writes all through the backup.
    const last = (async () => {
      while (koerer) {
        expect((await jens.get('/min-side')).status).toBe(200);
        visninger++;
      }
    })();
    await expect.poll(() => visninger).toBeGreaterThan(5);
    const backup = await kommando(['scripts/db-backup.ts', mappe]);
    const efterBackup = visninger;
    await expect.poll(() => visninger).toBeGreaterThan(efterBackup + 5);
    koerer = false;
    await last;
    expect(backup).toMatchObject({ kode: 0 });
    const fil = fang(/Backup gemt: (.+)/, backup.ud).trim();

    const imens = await kommando(['scripts/db-restore.ts', fil]);
    expect(imens.kode).toBe(1);
    expect(imens.ud).toContain('Stop tjenesten');

    s.proc.kill('SIGTERM');
    expect(await afsluttet(s.proc)).toBe(0);
    const genskab = await kommando(['scripts/db-restore.ts', fil]);
    expect(genskab).toMatchObject({ kode: 0 });
    const foer = fang(/ligger i (.+?)\. Slet/, genskab.ud);

    const visningerI = (sti: string) => {
      const db = new Database(sti, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        return (
          db
            .prepare(
              "select count(*) n from audit a join personer p on p.id = a.person_id where p.navn = 'Jens Madsen' and a.hvad = 'Oversigt over sager'",
            )
            .get() as { n: number }
        ).n;
      } finally {
        db.close();
      }
    };
    const iBackup = visningerI(`${repo}data/e2e-drift.db`);
    const iLive = visningerI(foer);
    // The restored database is the backup: the views before it, not those after.
    expect(iBackup).toBeGreaterThan(0);
    expect(iLive).toBeGreaterThan(iBackup);
    expect(iLive - iBackup).toBeGreaterThanOrEqual(5);
  } finally {
    koerer = false;
    s.proc.kill('SIGKILL');
    rmSync(mappe, { recursive: true, force: true });
    for (const f of readdirSync(`${repo}data`))
      if (f.startsWith('e2e-drift.db.foer-genskabelse-')) rmSync(`${repo}data/${f}`);
  }
});
