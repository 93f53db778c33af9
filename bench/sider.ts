/**
 * The logged-in pages against a prerendered one, in one run at 50 connections: a prerendered
 * tilbud page, a pjece (rendered from its published version in the database since issue 16), the
 * same pjece for Ali logged in, Min side (Ali), one of Ali's cases, and the staff caseload of a unit with 3,000 cases
 * (bench/sagsbunke.ts; its caseworker, "Hele min enhed", all cases). Prints req/s, p50/p99 and each page's req/s as a ratio to
 * the prerendered page's.
 *
 * Run: `npm run build && npm run bench`. Env: BENCH_SECONDS (8 per page), BENCH_DATA
 * (lille: the demo; stor: the large database of bench/stor-data.ts, made once into
 * data/bench-stor-kilde.db), BENCH_PORT (4720), BENCH_FORBINDELSER (50), BENCH_WORKERS (1: the server's
 * WORKERS). TEST_MOTOR=postgres with TEST_PG_URL runs it on PostgreSQL. Loopback only.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { defined } from '#/lib/defined.ts';
import { databasePath, foerste, lukDatabase, migrateDatabase, openDatabase, sqliteForbindelse } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { E2E_MOTOR, e2eDatabaseUrl } from '../e2e/database.ts';
import { benchDatabaseUrl, freshDatabase, logIn, type Portal, ROOT, startPortal } from './portal.ts';
import { SAGSBUNKE, tilfoejSagsbunke } from './sagsbunke.ts';
import { genererStorData } from './stor-data.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 4720);
const DATA = process.env.BENCH_DATA === 'stor' ? 'stor' : 'lille';
const FORBINDELSER = Number(process.env.BENCH_FORBINDELSER ?? 50);
const WORKERS = process.env.BENCH_WORKERS ?? '1';
const FORUDBYGGET = '/';
const PJECE = '/pjecer/saadan-klager-du';

/** The database for the run: the demo or a copy of the large one, with the 3,000-case unit added. */
async function database(): Promise<string> {
  const file = e2eDatabaseUrl(`bench-sider-${DATA}`);
  if (DATA === 'lille') return await freshDatabase(file, async (db) => await tilfoejSagsbunke(db));
  if (E2E_MOTOR === 'postgres') throw new Error('BENCH_DATA=stor på PostgreSQL: flyt den store database først');
  const kilde = resolve(ROOT, 'data/bench-stor-kilde.db');
  if (!existsSync(kilde)) {
    console.log('Laver den store database (én gang)...');
    await genererStorData(kilde);
  }
  const path = databasePath(benchDatabaseUrl(file));
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openDatabase(`file:${kilde}`);
  await migrateDatabase(db, resolve(ROOT, 'db/migrations'));
  sqliteForbindelse(db).pragma('wal_checkpoint(TRUNCATE)');
  sqliteForbindelse(db).close();
  copyFileSync(kilde, path);
  const kopi = openDatabase(`file:${path}`);
  try {
    await tilfoejSagsbunke(kopi);
  } finally {
    sqliteForbindelse(kopi).close();
  }
  return path;
}

/** Ali's id (for a login without the picker page) and his first open case. */
async function alisSag(database: string) {
  const db = openDatabase(benchDatabaseUrl(database));
  try {
    const ali = defined(
      foerste(await db.select().from(t.personer).where(eq(t.personer.navn, 'Ali Hassan'))),
      'Ali Hassan',
    );
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, ali.id))), 'Alis sag');
    return { aliId: ali.id, sagId: sag.id };
  } finally {
    await lukDatabase(db);
  }
}

interface Resultat {
  navn: string;
  rps: number;
  p50: number;
  p99: number;
  uventede: number;
  /** The server's CPU per answer in µs: its request threads, and all its threads. */
  cpu: { traad: number; alt: number } | undefined;
}

async function maal(portal: Portal, navn: string, url: string, cookie?: string): Promise<Resultat> {
  const headers = cookie ? { cookie } : undefined;
  // Check once that the page answers 200 (not a login redirect), then a short warm-up for the JIT.
  const svar = await fetch(url, { ...(headers ? { headers } : {}), redirect: 'manual' });
  await svar.arrayBuffer();
  if (svar.status !== 200) throw new Error(`${navn} svarede ${svar.status}`);
  await autocannon({ url, connections: 10, duration: 1, ...(headers ? { headers } : {}) });
  const foer = portal.processerCpuMs();
  const r = await autocannon({ url, connections: FORBINDELSER, duration: SECONDS, ...(headers ? { headers } : {}) });
  const efter = portal.processerCpuMs();
  const antal = r.requests.total;
  return {
    navn,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    uventede: r.non2xx + r.errors + r.timeouts,
    cpu:
      foer && efter && antal > 0
        ? { traad: ((efter.traad - foer.traad) * 1000) / antal, alt: ((efter.alt - foer.alt) * 1000) / antal }
        : undefined,
  };
}

const file = await database();
const { aliId, sagId } = await alisSag(file);
const portal = await startPortal({
  port: PORT,
  database: file,
  logFile: `data/bench-sider-${DATA}.log`,
  env: { WORKERS: String(WORKERS) },
});
try {
  const ali = await logIn(portal.url, 'Ali Hassan', { sub: `borger-${aliId}` });
  const bo = await logIn(portal.url, SAGSBUNKE.medarbejder, { medarbejder: true });
  const u = portal.url;
  const resultater = [
    await maal(portal, 'forudbygget side (forsiden)', u + FORUDBYGGET),
    await maal(portal, 'pjece fra databasen', u + PJECE),
    await maal(portal, 'samme pjece, logget ind', u + PJECE, ali.cookie),
    await maal(portal, 'Min side (Ali)', `${u}/min-side`, ali.cookie),
    await maal(portal, 'en sag (Alis)', `${u}/sager/${sagId}`, ali.cookie),
    await maal(portal, 'sagsliste, 3.000 sager', `${u}/medarbejder?visning=enhed&status=alle`, bo.cookie),
  ];
  const grund = defined(resultater[0], 'den forudbyggede side').rps;
  console.log(
    `\n${SECONDS} s pr. side, ${FORBINDELSER} forbindelser, ${E2E_MOTOR}, WORKERS=${WORKERS}, data: ${DATA === 'lille' ? 'demo' : 'stor'} + en enhed med 3.000 sager`,
  );
  console.log(
    `${'side'.padEnd(26)}${['req/s', 'p50 ms', 'p99 ms', 'x forudb.', 'uventede', 'CPU tråd', 'CPU alt'].map((h) => h.padStart(10)).join('')}`,
  );
  const us = (x: number | undefined) => (x === undefined ? '-' : `${x.toFixed(0)} µs`);
  for (const r of resultater)
    console.log(
      `${r.navn.padEnd(26)}${[
        r.rps.toFixed(0),
        r.p50,
        r.p99,
        `${(r.rps / grund).toFixed(2)}x`,
        r.uventede,
        us(r.cpu?.traad),
        us(r.cpu?.alt),
      ]
        .map((x) => String(x).padStart(10))
        .join('')}`,
    );
  console.log(
    '\nCPU pr. svar i serverens processer: "tråd" er anmodningstrådene (hvor siderne gengives), "alt" alle tråde (oprydning, logskriver, libuv).',
  );
  if (resultater.some((r) => r.uventede > 0)) console.log('\nNB: nogle svar var ikke 200.');
} finally {
  await portal.stop();
}
