/**
 * The built portal as a child process for the benches: a fresh database (a SQLite file, or a
 * PostgreSQL database named by its URL), start, wait
 * until it answers, stop (SIGTERM, or SIGKILL to simulate a crash), and logging in as a demo
 * persona over plain HTTP through the stand-in MitID, the way a browser does it.
 * Loopback only: the server listens on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formPost, TestBrowser } from '#/features/login/stand-in-mitid/test-browser.ts';
import { dagen } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { escapeHtml } from '#/lib/html.ts';
import { type Db, databasePath, lukDatabase, migrateDatabase, motorFor, openDatabase } from '../db/client.ts';
import { nulstilDatabase } from '../db/nulstil.ts';
import { seedDemo } from '../db/seed.ts';

/** The project root: the server and the migrations are found relative to it, whatever the cwd. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A bench database as a DATABASE_URL: a `postgres://` URL as it is; a SQLite file, given as a path
 * or a `file:` URL relative to the project root, as a `file:` URL with its absolute path.
 */
export function benchDatabaseUrl(database: string): string {
  if (motorFor(database) === 'postgres') return database;
  return `file:${resolve(ROOT, database.startsWith('file:') ? database.slice('file:'.length) : database)}`;
}

/**
 * Empties the database (SQLite: deletes the file and its WAL; PostgreSQL: drops and creates it),
 * migrates, seeds the demo personas and lets the caller add its own fixtures, so the server starts
 * on a known state without RESET_DATABASE. `database` is a file path or a DATABASE_URL (see
 * benchDatabaseUrl). Returns the file's absolute path on SQLite, which the SQLite-only benches
 * open directly, and the URL on PostgreSQL.
 */
export async function freshDatabase(database: string, prepare?: (db: Db) => Promise<void>): Promise<string> {
  const url = benchDatabaseUrl(database);
  const motor = motorFor(url);
  await nulstilDatabase(url);
  const db = openDatabase(url);
  try {
    await migrateDatabase(db, resolve(ROOT, motor === 'postgres' ? 'db/migrations-pg' : 'db/migrations'));
    await seedDemo(db, dagen(new Date()));
    await prepare?.(db);
  } finally {
    await lukDatabase(db);
  }
  return motor === 'sqlite' ? databasePath(url) : url;
}

export interface Portal {
  url: string;
  pid: number;
  /** The server's DATABASE_URL. */
  databaseUrl: string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM lets the server close the database; SIGKILL is a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** The server's resident memory in KB (VmRSS), or undefined once it has ended. */
  rssKb(): number | undefined;
  /**
   * CPU time the server's main thread (JavaScript and SQLite) has used, in ms, from
   * /proc/<pid>/schedstat. Unlike wall time it does not grow when others load the machine.
   */
  cpuMs(): number | undefined;
  /**
   * CPU time of the server's processes (the process itself and, with WORKERS, its workers), in ms:
   * their main threads (`traad`, where pages are rendered) and every thread (`alt`: GC helpers,
   * the audit writer's thread, libuv). From /proc, like `cpuMs`; undefined once it has ended.
   */
  processerCpuMs(): { traad: number; alt: number } | undefined;
}

export interface PortalOptions {
  port: number;
  /** An existing database (see freshDatabase): a SQLite file relative to the project root, or a DATABASE_URL. */
  database: string;
  /** Extra environment for the server, e.g. BILAG_DIR. */
  env?: Record<string, string>;
  /** The server's stdout and stderr go here, from empty; otherwise they are discarded. */
  logFile?: string;
  /** A restart in the same run (after a crash): the log goes on after the first start's, not from empty. */
  genstart?: boolean;
  /** Options for the server's Node before the script, e.g. V8's --trace-gc-nvp (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}

const laes = (fil: string) => {
  try {
    return readFileSync(fil, 'utf8');
  } catch {
    return '';
  }
};

/** The child processes of `pid` (a cluster's workers), from every thread's list. */
function boern(pid: number): number[] {
  return tasks(pid).flatMap((tid) => laes(`/proc/${pid}/task/${tid}/children`).split(' ').filter(Boolean).map(Number));
}

function tasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** The CPU time in ns a task has run, from a schedstat file (0 if it cannot be read). */
const schedstatNs = (fil: string) => Number(laes(fil).split(' ')[0] || 0);

/** CPU time in ns of a process's main thread and of all its threads (a thread that ended since is not counted). */
function traadeCpuNs(pid: number): { hoved: number; alle: number } {
  let hoved = 0;
  let alle = 0;
  for (const tid of tasks(pid)) {
    const ns = schedstatNs(`/proc/${pid}/task/${tid}/schedstat`);
    alle += ns;
    if (tid === String(pid)) hoved = ns;
  }
  return { hoved, alle };
}

/** Starts `scripts/serve.ts` from dist/ with the demo and the stand-in MitID, and waits until it answers. */
export async function startPortal(opts: PortalOptions): Promise<Portal> {
  const url = `http://127.0.0.1:${opts.port}`;
  const databaseUrl = benchDatabaseUrl(opts.database);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: '1',
    TEST_MITID: '1',
    // Every bench client comes from 127.0.0.1; the limits are for people, not for a load test.
    RATE_LIMIT_POST: '10000000',
    RATE_LIMIT_LOGIN: '10000000',
    ...opts.env,
  };
  // A restart must find the data the crash left behind.
  delete env.RESET_DATABASE;
  delete env.NODE_ENV;
  // Appending across runs grew the bench's log by some 40 MB a run, to 3 GB in a night.
  const out = opts.logFile ? openSync(resolve(ROOT, opts.logFile), opts.genstart ? 'a' : 'w') : 'ignore';
  // process.execPath: the Node 24 that `npm run` put first on PATH, which runs the .ts directly.
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'scripts/serve.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const proc = (file: string) => (ended ? undefined : laes(`/proc/${child.pid}/${file}`) || undefined);

  const portal: Portal = {
    url,
    pid: defined(child.pid, 'serverens proces-id'),
    databaseUrl,
    exited,
    async stop(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      await exited;
    },
    rssKb() {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(proc('status') ?? '');
      return m ? Number(m[1]) : undefined;
    },
    cpuMs() {
      const ns = ended ? 0 : schedstatNs(`/proc/${child.pid}/schedstat`);
      return ns ? ns / 1e6 : undefined;
    },
    processerCpuMs() {
      if (ended || child.pid === undefined) return undefined;
      const egen = traadeCpuNs(child.pid);
      // No /proc (not Linux): no figure rather than a zero.
      if (egen.alle === 0) return undefined;
      const sum = { traad: egen.hoved / 1e6, alt: egen.alle / 1e6 };
      for (const pid of boern(child.pid)) {
        const t = traadeCpuNs(pid);
        sum.traad += t.hoved / 1e6;
        sum.alt += t.alle / 1e6;
      }
      return sum;
    },
  };
  try {
    await waitUntilAnswering(url, () => ended);
  } catch (e) {
    await portal.stop('SIGKILL');
    throw e;
  }
  return portal;
}

/** Polls /healthz (database open, migrations applied) until 200; a loaded machine may need a while. */
async function waitUntilAnswering(url: string, ended: () => boolean, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (ended()) throw new Error(`Portalen stoppede under start (${url})`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Portalen svarede ikke på ${url}/healthz inden ${timeoutMs / 1000} s`);
}

/** A logged-in user: requests carry the session cookie; form posts carry Origin as a browser's do. */
export interface LoggedIn {
  navn: string;
  /** `session=...`, for tools that set the Cookie header themselves (autocannon). */
  cookie: string;
  /** One request, redirects not followed. */
  get(path: string): Promise<Response>;
  /** Posts a form to `path` (urlencoded, or multipart when given FormData); redirects not followed. */
  post(path: string, fields: Record<string, string> | FormData): Promise<Response>;
}

/**
 * Logs in as a persona through the stand-in MitID: the portal's login link, the persona's
 * form on the interaction page with the assurance level "Betydelig" (as e2e/login.ts does
 * in a browser), then the portal's callback, which sets the session cookie.
 * Staff log in through /medarbejder/log-ind.
 *
 * `sub` skips the picker page and posts the persona's choice straight away: with a large
 * database the stand-in lists every citizen (100,000 make a 57 MB page), which is the test
 * login's cost, not the portal's. The stand-in's subjects are "borger-<person id>"
 * (src/server/test-mitid.ts).
 */
export async function logIn(
  url: string,
  navn: string,
  { medarbejder = false, sub }: { medarbejder?: boolean; sub?: string } = {},
): Promise<LoggedIn> {
  const area = medarbejder ? '/medarbejder/log-ind' : '/log-ind';
  const browser = new TestBrowser(`${url}${area}/callback`);
  const interaction = (u: string) => sub !== undefined && /\/interaction\/[\w-]+$/.test(new URL(u).pathname);
  const picker = await follow(browser, `${url}${medarbejder ? area : '/log-ind/mitid'}`, undefined, interaction);
  let form: { action: string; sub: string; loa: string };
  if (sub !== undefined) {
    // "substantial" is the value of the option labelled "Betydelig" (stand-in-mitid/pages.ts).
    form = { action: `${picker.url}/login`, sub, loa: 'substantial' };
  } else {
    if (!picker.response?.ok) throw new Error(`Test-login svarede ikke for ${navn}: ${picker.response?.status}`);
    form = personaForm(await picker.response.text(), navn);
  }
  const { url: callback, response } = await follow(
    browser,
    new URL(form.action, picker.url).href,
    formPost({ sub: form.sub, loa: form.loa }),
    (u) => u.startsWith(browser.stopAt),
  );
  if (response) throw new Error(`Test-login sendte ikke ${navn} tilbage til portalen (${response.status} ${callback})`);

  const done = await browser.request(callback);
  const location = done.headers.get('location') ?? '';
  const cookie = done.headers
    .getSetCookie()
    .find((c) => c.startsWith('session='))
    ?.split(';')[0];
  if (done.status >= 400 || location.startsWith('/log-ind/afvist') || !cookie) {
    throw new Error(`Portalen afviste login som ${navn}: ${done.status} ${location}`);
  }
  const origin = new URL(url).origin;
  return {
    navn,
    cookie,
    get: async (path) => await browser.request(new URL(path, url).href),
    post: async (path, fields) => {
      const multipart = fields instanceof FormData;
      const init = multipart ? { method: 'POST', body: fields } : formPost(fields);
      return await browser.request(new URL(path, url).href, { ...init, headers: { ...(init.headers ?? {}), origin } });
    },
  };
}

/** TestBrowser.follow with the stop decided per URL: up to the interaction page, or to the callback. */
async function follow(
  browser: TestBrowser,
  url: string,
  init: RequestInit | undefined,
  stop: (url: string) => boolean,
) {
  let response = await browser.request(url, init);
  let current = url;
  for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
    if (hops > 10) throw new Error('For mange omdirigeringer');
    await response.body?.cancel();
    current = new URL(defined(response.headers.get('location'), 'Location'), current).href;
    if (stop(current)) return { url: current, response: undefined };
    response = await browser.request(current);
  }
  return { url: current, response };
}

/** The persona's form on the stand-in login page: its action, its `sub`, and the value of the "Betydelig" option. */
function personaForm(html: string, navn: string) {
  const button = `>Log ind som ${escapeHtml(navn)}</button>`;
  const form = html.split('<form ').find((f) => f.includes(button));
  const action = form && /action="([^"]+)"/.exec(form)?.[1];
  const sub = form && /name="sub" value="([^"]+)"/.exec(form)?.[1];
  const loa = form && /<option value="([^"]+)"[^>]*>Betydelig<\/option>/.exec(form)?.[1];
  if (!action || !sub || !loa) throw new Error(`Test-login har ingen formular for ${navn}`);
  return { action: unescapeHtml(action), sub: unescapeHtml(sub), loa };
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The values of every input with this name in a page's HTML (hidden fields, radio buttons), in page order. */
export function inputValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'g'))]
    .map(([input]) => /value="([^"]*)"/.exec(input)?.[1])
    .filter((v) => v !== undefined)
    .map(unescapeHtml);
}

/** The value of a form's field, e.g. its one-time `noegle`; undefined when the page has no such field. */
export const inputValue = (html: string, name: string): string | undefined => inputValues(html, name)[0];
