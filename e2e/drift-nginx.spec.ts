/**
 * Two portal instances on one PostgreSQL behind a real nginx (Debian's), as README "Flere instanser
 * bag nginx" describes: a citizen's journey alternates between them, then the instance that wrote
 * the acknowledged application is killed with kill -9, and the person carries on through the other
 * without losing anything acknowledged. Runs only when the e2e run is on PostgreSQL.
 *
 * Everything is its own: a fresh database (db/pg-test.ts), the built portal started twice by
 * scripts/demo.ts (which seeds the demo data: idempotent, so both may), one BILAG_DIR for both,
 * and nginx with a generated config in a temp dir. nginx adds X-Upstream ($upstream_addr) to every
 * answer, so the test sees which instance served each request without any change to the portal.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { defined } from '#/lib/defined.ts';
import { nyPgDatabase, type PgTestDatabase, testPgUrl } from '../db/pg-test.ts';
import { E2E_NU } from './klokke.ts';
import { loginSom } from './login.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pdf = fileURLToPath(new URL('./filer/laegeerklaering.pdf', import.meta.url));
const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 4631);
const INSTANS_PORTE = [NGINX_PORT + 1, NGINX_PORT + 2] as const;
const base = `http://localhost:${NGINX_PORT}`;
// Debian puts it in /usr/sbin, which is not on every user's PATH.
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

test.skip(
  process.env.TEST_MOTOR !== 'postgres' || !testPgUrl,
  'Kun på PostgreSQL: kør med TEST_MOTOR=postgres og TEST_PG_URL (npm run pg:start viser den).',
);
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: base });

interface Proces {
  proc: ChildProcess;
  log: () => string;
}

interface Instans extends Proces {
  /** How nginx names it in $upstream_addr. */
  adresse: string;
}

function start(kommando: string, args: string[], env?: NodeJS.ProcessEnv): Proces {
  const proc = spawn(kommando, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  return { proc, log: () => log };
}

const koerer = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

async function stop(p: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!p || !koerer(p)) return;
  const slut = once(p, 'exit');
  p.kill(signal);
  const draeb = setTimeout(() => p.kill('SIGKILL'), 10_000);
  await slut;
  clearTimeout(draeb);
}

async function svarer(url: string, proces: Proces) {
  for (let i = 0; i < 240; i++) {
    if (!koerer(proces.proc)) throw new Error(`Stoppede under start (${url}):\n${proces.log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} svarede ikke:\n${proces.log()}`);
}

/** The portal as a production instance behind the proxy, with the e2e run's pinned clock. */
function startInstans(port: number, databaseUrl: string, bilagDir: string): Instans {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    TRUST_PROXY: '1',
    DATABASE_URL: databaseUrl,
    BILAG_DIR: bilagDir,
    TEST_CLOCK: '1',
    TEST_NOW: E2E_NU.toISOString(),
    RATE_LIMIT_LOGIN: '1000000',
    RATE_LIMIT_POST: '1000000',
  };
  // A fresh database needs no reset; one process per instance.
  for (const navn of ['RESET_DATABASE', 'WORKERS', 'NODE_ENV']) delete env[navn];
  return { ...start(process.execPath, ['scripts/demo.ts'], env), adresse: `127.0.0.1:${port}` };
}

/** nginx as the README's example: both instances upstream, round robin, the proxy's headers overwritten. */
function nginxKonfig(mappe: string): string {
  const servere = INSTANS_PORTE.map((p) => `    server 127.0.0.1:${p};`).join('\n');
  const tmp = (navn: string) => `${navn}_temp_path ${mappe}/tmp/${navn};`;
  return `
# As root, nginx's workers would run as nobody, who cannot write to this test's temp dir.
${process.getuid?.() === 0 ? `user ${userInfo().username};` : ''}
worker_processes 1;
pid ${mappe}/nginx.pid;
error_log ${mappe}/error.log info;
events { worker_connections 256; }
http {
  access_log ${mappe}/access.log;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(tmp).join('\n  ')}
  upstream mitforloeb {
${servere}
  }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    client_max_body_size 6m;
    location / {
      proxy_pass http://mitforloeb;
      # The port too: the portal's origin check compares the form's Origin with it (443 needs only $host).
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Request-Id $request_id;
      # nginx's default, written out: an instance that refuses the connection or times out is skipped;
      # a POST is passed on only if it never reached the instance.
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

let database: PgTestDatabase | undefined;
let pool: pg.Pool | undefined;
let mappe: string | undefined;
let nginx: Proces | undefined;
const instanser: Instans[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (spawnSync(NGINX, ['-v'], { stdio: 'ignore' }).status !== 0)
    throw new Error('nginx mangler. Kør: apt-get install -y nginx');
  mappe = mkdtempSync(join(tmpdir(), 'mf-nginx-'));
  const bilagDir = join(mappe, 'bilag');
  mkdirSync(join(mappe, 'tmp'));
  database = await nyPgDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // slet's DROP ... WITH (FORCE) may end a connection pool.end() has not closed yet: expected, not a failure.
  pool.on('error', () => {});
  // Started together, as after an upgrade: migrations, demo data and shared keys must not collide.
  const url = database.url;
  instanser.push(...INSTANS_PORTE.map((port) => startInstans(port, url, bilagDir)));
  await Promise.all(instanser.map((i) => svarer(`http://${i.adresse}/healthz`, i)));
  writeFileSync(join(mappe, 'nginx.conf'), nginxKonfig(mappe));
  nginx = start(NGINX, [
    '-p',
    mappe,
    '-e',
    join(mappe, 'error.log'),
    '-c',
    join(mappe, 'nginx.conf'),
    '-g',
    'daemon off;',
  ]);
  await svarer(`${base}/healthz`, nginx);
});

test.afterAll(async () => {
  await stop(nginx?.proc, 'SIGTERM');
  await Promise.all(instanser.map((i) => stop(i.proc, 'SIGTERM')));
  await pool?.end();
  await database?.slet();
  if (mappe) rmSync(mappe, { recursive: true, force: true });
});

/** The instance that finally served an answer: $upstream_addr lists every one nginx tried. */
const betjentAf = (upstream: string | undefined) => upstream?.split(',').at(-1)?.trim();

interface Svar {
  side: boolean;
  sti: string;
  metode: string;
  status: number;
  upstream: string;
}

function foelgSvar(page: Page): Svar[] {
  const svar: Svar[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin !== base) return;
    svar.push({
      // A page or a form post; an asset can come from the browser's cache, with the headers it had then.
      side: r.request().isNavigationRequest(),
      sti: u.pathname,
      metode: r.request().method(),
      status: r.status(),
      upstream: r.headers()['x-upstream'] ?? '',
    });
  });
  return svar;
}

/** One request at a time with the page's session (the browser's cookies), as the instance it reached saw it. */
async function hent(page: Page, sti: string) {
  const r = await page.request.get(sti, { maxRedirects: 0 });
  return { status: r.status(), upstream: r.headers()['x-upstream'] ?? '', krop: await r.body() };
}

test('Jens skifter mellem to instanser bag nginx på én PostgreSQL, og da den ene dræbes med kill -9, fortsætter han på den anden uden at miste noget kvitteret', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const [a, b] = instanser;
  const db = defined(pool, 'Databasen');
  const svar = foelgSvar(page);
  const fil = readFileSync(pdf);

  await test.step('Jens logger ind gennem nginx, og hans session gælder på begge instanser', async () => {
    // Started together, both tried the retention job at start: only the lease's holder ran it.
    const koerteJobbet = instanser.filter((i) => i.log().includes('"haendelse":"oprydning"'));
    expect(koerteJobbet).toHaveLength(1);
    const { rows: lease } = await db.query<{ indehaver: string }>(
      "select indehaver from laase where navn = 'oprydning'",
    );
    expect(lease).toEqual([{ indehaver: expect.stringContaining(`:${koerteJobbet[0]?.proc.pid}:`) }]);

    await loginSom(page, 'Jens Madsen');
    // For the report: which instance served each step of the login.
    test.info().annotations.push({
      type: 'login',
      description: svar
        .filter((s) => s.side)
        .map((s) => `${s.metode} ${s.sti} ${s.status} ${s.upstream}`)
        .join('\n'),
    });
    await page.goto('/min-side');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min side');
    // Round robin, and nothing else under way (the page's late requests done): four requests in a row
    // land A, B, A, B (or B, A, B, A).
    await page.waitForLoadState('networkidle');
    const fire = [];
    for (let i = 0; i < 4; i++) fire.push(await hent(page, '/min-side'));
    expect(fire.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    for (const s of fire) expect(s.krop.toString()).toContain('Jens Madsen');
    const raekke = fire.map((s) => betjentAf(s.upstream));
    expect(new Set(raekke)).toEqual(new Set([a?.adresse, b?.adresse]));
    expect(raekke[0]).not.toBe(raekke[1]);
    expect(raekke.slice(2)).toEqual(raekke.slice(0, 2));
  });

  let bilagSti = '';
  let kvittering = '';
  let skriver: Instans | undefined;
  await test.step('han søger om en toiletforhøjer med et bilag, som begge instanser kan læse', async () => {
    await page.goto('/hjaelpemidler/ansoeg');
    await page.getByRole('button', { name: 'Start ansøgningen' }).click();
    await page.getByLabel('Beskriv med dine egne ord').fill('Jeg kan ikke rejse mig fra toilettet uden hjælp.');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByLabel('Toiletforhøjer', { exact: true }).check();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByLabel('Resten af livet').check();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByLabel('Telefonnummer').fill('20 30 40 50');
    await page.getByLabel('Formiddag (kl. 8-12)').check();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilag (valgfrit)');
    await page.getByLabel('Vælg en fil').setInputFiles(pdf);
    await page.getByRole('button', { name: 'Vedhæft filen' }).click();
    const link = page.getByRole('link', { name: 'laegeerklaering.pdf' });
    bilagSti = defined(await link.getAttribute('href'), 'Bilagets adresse');

    // The file is on the shared BILAG_DIR: whichever instance took the upload, both serve it. The page's
    // own late requests (an asset, the favicon) may move round robin on, so ask until both have answered.
    const hentet: Awaited<ReturnType<typeof hent>>[] = [];
    const betjente = () => new Set(hentet.map((s) => betjentAf(s.upstream)));
    while (hentet.length < 6 && betjente().size < 2) hentet.push(await hent(page, bilagSti));
    for (const s of hentet) {
      expect(s.status).toBe(200);
      expect(s.krop.equals(fil)).toBe(true);
    }
    expect(betjente()).toEqual(new Set([a?.adresse, b?.adresse]));

    await page.getByRole('link', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
    const [send] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send ansøgningen' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
    kvittering = defined(
      /H-\d{4}-[A-Z0-9]{6}/.exec((await page.getByRole('row', { name: /Referencenummer/ }).textContent()) ?? '')?.[0],
      'Referencenummeret',
    );
    skriver = instanser.find((i) => i.adresse === betjentAf(send.headers()['x-upstream']));
    expect(skriver, 'den instans, der tog imod ansøgningen').toBeDefined();
  });

  const overlever = defined(
    instanser.find((i) => i !== skriver),
    'Den anden instans',
  );
  const foerDrab = svar.length;
  await test.step('kill -9 på den instans, der kvitterede', async () => {
    const p = defined(skriver, 'Skriveren').proc;
    const slut = once(p, 'exit');
    p.kill('SIGKILL');
    expect((await slut)[1]).toBe('SIGKILL');
  });

  await test.step('Jens er stadig logget ind, ansøgningen og bilaget er der, og næste indsendelse lykkes', async () => {
    await page.goto('/min-side/hjaelpemidler');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/hjælpemidler/i);
    const ansoegning = page
      .getByRole('listitem')
      .filter({ hasText: 'Toiletforhøjer' })
      .filter({ has: page.locator('.badge', { hasText: /^Modtaget$/ }) });
    await expect(ansoegning).toHaveCount(1);

    const bilaget = await hent(page, bilagSti);
    expect(bilaget.status).toBe(200);
    expect(bilaget.krop.equals(fil)).toBe(true);

    await page.getByRole('link', { name: 'Meld fejl ved Rollator HMD-10234' }).click();
    await page.getByLabel('Hvad er galt?').fill('Bremsen i venstre side tager ikke.');
    await page.getByLabel('Ja').check();
    await page.getByRole('button', { name: 'Send fejlmeldingen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
    await page.goto('/min-side/hjaelpemidler');
    await expect(page.getByText('Fejl meldt')).toBeVisible();
  });

  await test.step('databasen har begge indsendelser én gang, og nginx gik uden om den døde instans', async () => {
    const { rows: ansoegninger } = await db.query<{ status: string; bilag: number }>(
      `select a.status, (select count(*)::int from bilag b where b.kladde_id = a.kladde_id) as bilag
         from hjaelpemiddel_ansoegninger a where a.kvitteringsnr = $1`,
      [kvittering],
    );
    expect(ansoegninger).toEqual([{ status: 'modtaget', bilag: 1 }]);
    const { rows: fejl } = await db.query<{ beskrivelse: string }>(
      `select f.beskrivelse from fejlmeldinger f join udlaan u on u.id = f.udlaan_id
         join personer p on p.id = u.person_id where p.navn = 'Jens Madsen'`,
    );
    expect(fejl).toEqual([{ beskrivelse: 'Bremsen i venstre side tager ikke.' }]);

    // Every answer the browser got came from an instance; none was nginx's own 502.
    expect(svar.filter((s) => s.status >= 500)).toEqual([]);
    const efter = svar.slice(foerDrab).filter((s) => s.side);
    expect(efter.length).toBeGreaterThan(3);
    for (const s of efter) expect(betjentAf(s.upstream), `${s.metode} ${s.sti}`).toBe(overlever.adresse);
    // nginx found the dead instance and passed the request on: refused on a new connection, or, when the
    // browser had a request under way at the kill (an asset after the receipt), cut off mid-answer.
    const doed = defined(skriver, 'Skriveren').adresse;
    const fandtDenDoede = readFileSync(join(defined(mappe, 'Mappen'), 'error.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(`upstream: "http://${doed}/`))
      .filter((l) =>
        /connect\(\) failed \(111: Connection refused\)|recv\(\) failed \(104: Connection reset by peer\)|upstream prematurely closed connection/.test(
          l,
        ),
      );
    expect(fandtDenDoede.length, 'nginx-loggens linjer om den dræbte instans').toBeGreaterThan(0);
    expect(overlever.log()).not.toMatch(/"niveau":"fejl"/);
  });
});
