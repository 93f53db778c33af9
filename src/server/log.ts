/**
 * Structured logs: one JSON object per line on stdout, for the operator's log collector.
 * A log line never holds a CPR number, a name or case content; what the portal logs is
 * chosen field by field, and anything written through `console` (Astro's own messages,
 * a library's warning) is redacted for CPR numbers before it leaves the process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

export type Niveau = 'info' | 'advarsel' | 'fejl';

/** The request a log line belongs to, so an operator can find every line of one request. */
const anmodning = new AsyncLocalStorage<{ id: string }>();

/** Runs `fn` with `id` as the request id of every log line written inside it. */
export function medAnmodningsId<T>(id: string, fn: () => T): T {
  return anmodning.run({ id }, fn);
}

// Ten digits with an optional dash after six: the shape of a CPR number, also after a dash as in
// an API path (/personer/cpr-0101901234). Not inside a hex run (hashes, ids); whole UUIDs are
// matched first and kept, so their dash-separated groups stay readable.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CPR = new RegExp(`(${UUID})|(?<![0-9a-fA-F])\\d{6}-?\\d{4}(?![0-9a-fA-F])`, 'g');

/** Replaces anything shaped like a CPR number. */
export function skjulCpr(tekst: string): string {
  return tekst.replace(CPR, (_: string, uuid: string | undefined) => uuid ?? '[cpr]');
}

/** drizzle's message for a failed query ends with its values ("params: …"): they stay out of the log. */
export function skjulParametre(tekst: string): string {
  return tekst.replace(/^params: .*$/gm, 'params: [skjult]');
}

/** A request id from a proxy is kept only if it is a plain token; otherwise a new one. */
export function anmodningsId(fraProxy: string | undefined): string {
  return fraProxy && /^[A-Za-z0-9._-]{8,64}$/.test(fraProxy) ? fraProxy : crypto.randomUUID();
}

type Felter = Record<string, string | number | boolean | null | undefined>;

/** The JSON line for one event. Exported for the tests. */
export function logLinje(niveau: Niveau, haendelse: string, felter: Felter = {}, tid = new Date()): string {
  const id = anmodning.getStore()?.id;
  const renset: Felter = {};
  for (const [k, v] of Object.entries(felter)) renset[k] = typeof v === 'string' ? skjulCpr(v) : v;
  return JSON.stringify({ tid: tid.toISOString(), niveau, haendelse, ...(id ? { anmodning: id } : {}), ...renset });
}

export function log(niveau: Niveau, haendelse: string, felter?: Felter): void {
  process.stdout.write(`${logLinje(niveau, haendelse, felter)}\n`);
}

/**
 * Routes `console` through `log`, so third-party output is structured and redacted too.
 * Only the server calls this; tests and command-line scripts keep the plain console.
 */
export function strukturerKonsol(): void {
  const som =
    (niveau: Niveau) =>
    (...args: unknown[]) =>
      log(niveau, 'konsol', { besked: skjulParametre(format(...args)) });
  console.log = som('info');
  console.info = som('info');
  console.warn = som('advarsel');
  console.error = som('fejl');
}
