// Serves the built portal (dist/): migrates the database, optionally seeds the demo and
// mounts the stand-in MitID, and sets the security headers on every response (Astro's own
// server would skip its middleware for prerendered pages). With WORKERS above 1 this process
// becomes the primary of a node:cluster: it migrates, seeds and runs the retention job, and
// its workers (this same script) serve; everything they share lives in the database.

import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { DEFAULT_DATABASE_URL, glemMiljoe, lesMiljoe, type Miljoe, manglendeLogin } from '#/config/miljoe.ts';
import { opbevaring } from '#/config/opbevaring.ts';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { bilagDir } from '#/features/hjaelpemidler/ansoegning.server.ts';
import { loginConfig } from '#/features/login/config.ts';
import { laesSession } from '#/features/login/session.ts';
import { sendForfaldne } from '#/features/notifikationer/afsender.server.ts';
import { kanalerFraMiljoe } from '#/features/notifikationer/kanaler.server.ts';
import { skrivPaamindelser } from '#/features/notifikationer/paamindelser.server.ts';
import { ryd } from '#/features/opbevaring/oprydning.server.ts';
import { importerIndhold } from '#/features/redaktion/filer.server.ts';
import { OffentligtIndhold } from '#/features/redaktion/offentlig.server.ts';
import { nu as klokken, serverNu, TEST_CLOCK_HEADER } from '#/lib/clock.ts';
import { dagen } from '#/lib/dato.ts';
import { tjekSkrivbar } from '#/lib/holdbar-fil.ts';
import { securityHeaders } from '#/server/headers.ts';
import { denneProces, medLaas, slipLaas } from '#/server/laas.ts';
import { anmodningsId, log, medAnmodningsId, strukturerKonsol } from '#/server/log.ts';
import { KLIENTADRESSE_HEADER, klientadresse, viaHttps } from '#/server/proxy.ts';
import { nedlukning } from '#/server/shutdown.ts';
import { sidecache } from '#/server/sidecache.ts';
import { SIDER_AD_GANGEN_SQLITE, siderAdGangen } from '#/server/sider-ad-gangen.ts';
import { statiskeFiler } from '#/server/statiske-filer.ts';
import { mountTestMitid, TEST_MITID_PATH } from '#/server/test-mitid.ts';
import { startTestpostkasse } from '#/server/testpostkasse.ts';
import { closeAllDatabases, migrateDatabase, motor, openDatabase } from '../db/client.ts';
import { nulstilDatabase } from '../db/nulstil.ts';
import { seedDemo } from '../db/seed.ts';

strukturerKonsol();
const env = process.env;
const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('Portalen er ikke bygget. Kør "npm run build" først (eller "npm start").');
  process.exit(1);
}
function stopPaaFejl(besked: string): never {
  log('fejl', 'konfiguration', { besked });
  process.exit(1);
}
const fejltekst = (e: unknown) => (e instanceof z.ZodError ? z.prettifyError(e) : (e as Error).message);

// Every variable is checked before anything else happens; a bad one stops the start, named.
let m: Miljoe;
try {
  m = lesMiljoe(env);
} catch (e) {
  stopPaaFejl(fejltekst(e));
}

// 'alene': one process does everything (WORKERS=1, as before). 'primaer' prepares and supervises,
// 'worker' only serves.
const rolle = cluster.isWorker ? 'worker' : m.WORKERS > 1 ? 'primaer' : 'alene';
const port = m.PORT;
const host = m.HOST;
// Astro's handler and the login read it from the environment: the default for a machine of one's own.
env.PUBLIC_URL ??= `http://localhost:${port}`;
const publicUrl = env.PUBLIC_URL;
const trustProxy = m.TRUST_PROXY;

// Only a database named in DATABASE_URL is ever deleted, never the default one; and only once.
if (rolle !== 'worker' && m.RESET_DATABASE && m.DATABASE_URL !== DEFAULT_DATABASE_URL) {
  try {
    await nulstilDatabase(m.DATABASE_URL);
  } catch (e) {
    stopPaaFejl(`Databasen (DATABASE_URL) kan ikke nulstilles (RESET_DATABASE): ${fejltekst(e)}`);
  }
}

let db: ReturnType<typeof openDatabase>;
try {
  db = openDatabase(m.DATABASE_URL);
  if (rolle !== 'worker') await migrateDatabase(db);
} catch (e) {
  stopPaaFejl(`Databasen (DATABASE_URL) kan ikke åbnes eller migreres: ${fejltekst(e)}`);
}
// A test run pins the clock (TEST_CLOCK=1 with TEST_NOW): the demo data and the cleanup then take
// that day, not the day the server happens to start.
if (rolle !== 'worker' && m.DEMO_DATA) await seedDemo(db, dagen(serverNu()));
// The Markdown in content/ is the starting content of the editors' versions (issue 16): a page with
// no versions yet is imported, published; one that has versions is the editors' and left alone.
if (rolle !== 'worker') {
  try {
    await importerIndhold(db, fileURLToPath(new URL('../content', import.meta.url)), serverNu());
  } catch (e) {
    stopPaaFejl(`Indholdet i content/ kan ikke lægges i databasen: ${fejltekst(e)}`);
  }
}
// The primary mounts it too, unused: it checks the setup and stores the shared keys before any worker starts.
const testMitid = m.TEST_MITID ? await mountTestMitid(db, publicUrl, env) : undefined;
// A missing or bad setting stops the server now, not when the first citizen tries to log in.
const mangler = manglendeLogin(m);
if (mangler.length > 0) stopPaaFejl(`Login er ikke sat op: ${mangler.join(', ')} mangler.`);
let perioder: ReturnType<typeof opbevaring>;
try {
  loginConfig(env);
  perioder = opbevaring(m);
} catch (e) {
  stopPaaFejl(fejltekst(e));
}
try {
  tjekSkrivbar(bilagDir());
} catch (e) {
  stopPaaFejl(`Mappen til bilag (BILAG_DIR) kan ikke bruges: ${fejltekst(e)}`);
}

// Expired sessions are deleted when touched; this also removes the ones nobody touches again,
// and everything else past its retention period (src/config/opbevaring.ts). Of several processes
// or instances on the database only the lease's holder runs it; the lease outlives one interval.
const OPRYDNING_HVER_MS = 10 * 60_000;
const OPRYDNING_LAAS = 'oprydning';
const indehaver = denneProces();
const oprydning = async () => {
  try {
    const nu = serverNu();
    const r = await medLaas(
      db,
      OPRYDNING_LAAS,
      indehaver,
      nu,
      OPRYDNING_HVER_MS * 1.5,
      async () => await ryd(db, perioder, bilagDir(), nu),
    );
    if (r) log('info', 'oprydning', { ...r });
  } catch (e) {
    log('fejl', 'oprydning', { besked: e instanceof Error ? `${e.name}: ${e.message}` : 'ukendt fejl' });
  }
};
let oprydningsjob: NodeJS.Timeout | undefined;
if (rolle !== 'worker') {
  await oprydning();
  oprydningsjob = setInterval(oprydning, OPRYDNING_HVER_MS);
}

// The demo's test mailbox: a real SMTP server and SMS gateway on loopback, set up before the workers
// start, so every process sends to them (TEST_POSTKASSE; never in production).
const testpostkasse = rolle !== 'worker' && m.TEST_POSTKASSE ? await startTestpostkasse(db, serverNu) : undefined;
if (testpostkasse) {
  env.SMTP_HOST = '127.0.0.1';
  env.SMTP_PORT = String(testpostkasse.smtpPort);
  env.SMTP_TLS = '0';
  env.SMS_GATEWAY_URL = testpostkasse.smsUrl;
  glemMiljoe();
  m = lesMiljoe(env);
}

// Notices of news wait in the outbox; one process at a time sends them (a lease), every 15 seconds.
const NOTIFIKATION_HVER_MS = 15_000;
const NOTIFIKATION_LAAS = 'notifikationer';
const kanaler = kanalerFraMiljoe(m);
const notificer = async () => {
  try {
    const nu = serverNu();
    const r = await medLaas(db, NOTIFIKATION_LAAS, indehaver, nu, NOTIFIKATION_HVER_MS * 4, async () => {
      // Reminders whose day has come join the outbox first, then everything due goes.
      await skrivPaamindelser(db, nu);
      return await sendForfaldne(db, kanaler, `${publicUrl}/min-side`, nu);
    });
    if (r && r.sendt + r.afvist + r.opgivet > 0) log('info', 'notifikationer', { ...r });
  } catch (e) {
    log('fejl', 'notifikationer', { besked: e instanceof Error ? `${e.name}: ${e.message}` : 'ukendt fejl' });
  }
};
let notifikationsjob: NodeJS.Timeout | undefined;
if (rolle !== 'worker' && (kanaler.email || kanaler.sms))
  notifikationsjob = setInterval(notificer, NOTIFIKATION_HVER_MS);

const LUK_MAKS_MS = m.SHUTDOWN_TIMEOUT_MS;
let lukker = false;
const stop = rolle === 'primaer' ? startWorkers() : await serve();

// SIGTERM (a deploy, systemd, a container stop): finish what is under way, then close the database.
// The primary passes it on to its workers and waits for them.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (lukker) return;
    lukker = true;
    log('info', 'stopper', { signal, worker: cluster.worker?.id });
    clearInterval(oprydningsjob);
    clearInterval(notifikationsjob);
    const { afbrudte } = await stop(LUK_MAKS_MS);
    if (rolle !== 'worker') {
      await slipLaas(db, OPRYDNING_LAAS, indehaver);
      await slipLaas(db, NOTIFIKATION_LAAS, indehaver);
    }
    await testpostkasse?.luk();
    const databaser = await closeAllDatabases();
    log(afbrudte ? 'advarsel' : 'info', 'stoppet', { afbrudte, databaser, worker: cluster.worker?.id });
    process.exit(0);
  });
}

/** Forks the workers and starts a new one for each that dies; the returned function stops them all. */
function startWorkers(): (maksMs: number) => Promise<{ afbrudte: number }> {
  log('info', 'start', { besked: `Mit Forløb starter ${m.WORKERS} workers på ${publicUrl}`, workers: m.WORKERS });
  cluster.on('exit', (worker, kode, signal) => {
    if (lukker) return;
    log('fejl', 'worker', { besked: 'En worker stoppede og startes igen', pid: worker.process.pid, kode, signal });
    // A pause, so a worker that cannot start does not spin the machine.
    setTimeout(() => lukker || cluster.fork(), 1000);
  });
  for (let i = 0; i < m.WORKERS; i++) cluster.fork();
  return async (maksMs) => {
    const levende = Object.values(cluster.workers ?? {}).filter(
      (w): w is NonNullable<typeof w> => w !== undefined && !w.isDead(),
    );
    let draebte = 0;
    // Each worker finishes its own requests within maksMs; one that hangs beyond that is killed.
    const draeb = setTimeout(() => {
      for (const w of levende) if (!w.isDead() && w.process.kill('SIGKILL')) draebte++;
    }, maksMs + 5000);
    await Promise.all(
      levende.map((w) => {
        const stoppet = new Promise((resolve) => w.once('exit', resolve));
        w.process.kill('SIGTERM');
        return stoppet;
      }),
    );
    clearTimeout(draeb);
    return { afbrudte: draebte };
  };
}

/** A request path that decodes (as the adapter's standalone server checked): otherwise 400. */
function gyldigSti(url = '/'): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

/** Serves requests in this process; the returned function stops taking new ones and waits for the rest. */
async function serve(): Promise<(maksMs: number) => Promise<{ afbrudte: number }>> {
  // The adapter runs in middleware mode: Astro renders, and the built files are served here first.
  const { handler: astro } = (await import(entry.href)) as { handler: http.RequestListener };
  // SQLite: a bounded number of pages rendered at once (sider-ad-gangen.ts); PostgreSQL: all at once.
  const handler = motor(db) === 'sqlite' ? siderAdGangen(astro, SIDER_AD_GANGEN_SQLITE) : astro;
  // The request's time, as the pages' middleware reads it (src/server/middleware/clock.ts: the test clock's header counts).
  const nuFor = (req: http.IncomingMessage) => {
    const tid = req.headers[TEST_CLOCK_HEADER];
    return klokken(new Headers(typeof tid === 'string' ? { [TEST_CLOCK_HEADER]: tid } : {}));
  };
  // A prerendered or cached page shows a logged-in person's name: the session read at the request's time.
  const brugernavn = async (token: string, req: http.IncomingMessage) => {
    const nu = nuFor(req);
    const laest = await laesSession(db, token, nu);
    return laest && 'session' in laest ? (await loadBruger(db, laest.session, nu))?.navn : undefined;
  };
  const statiske = statiskeFiler(fileURLToPath(new URL('../dist/client/', import.meta.url)), brugernavn);
  // The public content pages, rendered once per edition of the published content (sidecache.ts).
  const indhold = new OffentligtIndhold();
  const cache = sidecache(async (req) => await indhold.aktuel(db, nuFor(req)), brugernavn);

  const server = http.createServer();
  // An idle keep-alive connection is kept longer than a proxy or client keeps its own (nginx 60 s):
  // with Node's 5 s, a client reusing the socket as the server closed it got a reset (seen in e2e).
  // Shutdown closes idle connections itself (shutdown.ts), so this does not delay it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const nedluk = nedlukning(server);

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    nedluk.foelg(req, res);
    const start = performance.now();
    const id = anmodningsId(trustProxy ? String(req.headers['x-request-id'] ?? '') : undefined);
    res.setHeader('x-request-id', id);
    // The path only: a query string can hold what a person typed (a search, a form sent by GET).
    const sti = (req.url ?? '/').split('?')[0];
    res.on('close', () =>
      medAnmodningsId(id, () =>
        log(res.statusCode >= 500 ? 'fejl' : 'info', 'http', {
          metode: req.method,
          sti,
          status: res.statusCode,
          ms: Math.round(performance.now() - start),
          afbrudt: !res.writableFinished || undefined,
        }),
      ),
    );
    req.headers[KLIENTADRESSE_HEADER] = klientadresse(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trustProxy,
    );
    const https = viaHttps(req, trustProxy);
    for (const [name, value] of Object.entries(securityHeaders({ https }))) res.setHeader(name, value);
    medAnmodningsId(id, () => {
      if (testMitid && req.url?.startsWith(`${TEST_MITID_PATH}/`)) return testMitid.handler(req, res);
      if (!gyldigSti(req.url)) {
        res.statusCode = 400;
        return res.end('Bad request.');
      }
      if (statiske(req, res)) return;
      void cache.svar(req, res).then(
        (svaret) => {
          if (svaret) return;
          cache.fang(req, res);
          void handler(req, res);
        },
        (e: unknown) => {
          // The cache could not tell (the database did not answer): Astro renders the page.
          log('fejl', 'sidecache', { besked: (e as Error).message });
          void handler(req, res);
        },
      );
    });
  });

  server.listen(port, host, () => {
    log('info', 'start', {
      besked: `Mit Forløb kører på ${publicUrl}`,
      adresse: publicUrl,
      testLogin: Boolean(testMitid),
      pid: process.pid,
      worker: cluster.worker?.id,
    });
  });
  return async (maksMs) => await nedluk.luk(maksMs);
}
