/**
 * Load and soak: the built portal under a realistic mix (bench/load-mix.ts), first with the
 * demo data, then with a large database (bench/stor-data.ts: 100,000 citizens, 1,000,000 audit
 * rows), so we see how cost grows with data. For each size: every route alone (sequential,
 * median latency), then the whole mix at once with autocannon for BENCH_SECONDS, with
 * requests/s, p50/p99 and answers per route group, and the server's RSS sampled meanwhile.
 * A long BENCH_SECONDS is the soak: watch whether RSS keeps growing.
 *
 * Run: `npm run build && node bench/load.ts`. Env: BENCH_SECONDS (10 per size), BENCH_DATA
 * (begge | lille | stor), BENCH_PORT (4520). Loopback only. The large database is generated
 * once into data/bench-stor-kilde.db (STOR_NY=1 makes it again) and copied for each run.
 * BENCH_UDEN_INDEKSER=0005_indekser measures "before" that migration's indexes, same build and data.
 */
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { migrateDatabase, openDatabase, sqliteForbindelse } from '../db/client.ts';
import { type Gruppe, lavMix, type Rute } from './load-mix.ts';
import { median } from './median.ts';
import { freshDatabase, type Portal, ROOT, startPortal } from './portal.ts';
import { genererStorData } from './stor-data.ts';
import { fjernIndeksMigrering } from './uden-indekser.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4520);
const DATA = process.env.BENCH_DATA ?? 'begge';
/** e.g. 0005_indekser: measure without that migration's indexes ("before"), same build, same data. */
const UDEN = process.env.BENCH_UDEN_INDEKSER;
/** Connections per group: most people read Min side, fewer read the public pages logged out, few post forms. */
const FORBINDELSER: Record<Gruppe, number> = { offentlig: 4, 'min side': 6, formularer: 2 };
/** What each group should answer: pages 200, a form post its redirect to the receipt. */
const FORVENTET: Record<Gruppe, '2xx' | '3xx'> = { offentlig: '2xx', 'min side': '2xx', formularer: '3xx' };

interface GruppeTal {
  rps: number;
  p50: number;
  p99: number;
  svar: Record<string, number>;
  uventede: number;
}
interface Enkelt {
  p50: number;
  cpu: number;
  status: number;
}
interface Maaling {
  navn: string;
  mb: number;
  loginMs: number;
  enkelt: Map<string, Enkelt>;
  blandet: Record<Gruppe, GruppeTal>;
  cpuPrSvar: number;
  rss: number[];
}

/** The database file for a size, ready for the server (migrated; a fresh copy for the large one). */
async function database(stoerrelse: 'lille' | 'stor'): Promise<string> {
  const file = await klargoer(stoerrelse);
  if (UDEN) fjernIndeksMigrering(file, UDEN);
  return file;
}

async function klargoer(stoerrelse: 'lille' | 'stor'): Promise<string> {
  if (stoerrelse === 'lille') return await freshDatabase('data/bench-load-lille.db');
  const kilde = resolve(ROOT, 'data/bench-stor-kilde.db');
  if (!existsSync(kilde) || process.env.STOR_NY === '1') {
    console.log('Laver den store database (én gang)...');
    const r = await genererStorData(kilde);
    console.log(
      `  ${r.sekunder.toFixed(0)} s: ${Object.entries(r.taelling)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  }
  // New migrations (indexes) are applied to the source once, not at every server start.
  const db = openDatabase(`file:${kilde}`);
  await migrateDatabase(db, resolve(ROOT, 'db/migrations'));
  sqliteForbindelse(db).pragma('wal_checkpoint(TRUNCATE)');
  sqliteForbindelse(db).close();
  const file = resolve(ROOT, 'data/bench-load-stor.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(kilde, file);
  return file;
}

/** fetch's options for a route, without the keys the route leaves out. */
const anmodning = (r: Rute): RequestInit => ({
  method: r.method,
  redirect: 'manual',
  ...(r.headers ? { headers: r.headers } : {}),
  ...(r.lavKrop ? { body: r.lavKrop() } : {}),
});

/**
 * Each route alone, one request at a time: the median wait, and the server's CPU time per
 * request, which is the figure to compare on a machine others are loading too.
 */
async function enkeltvis(portal: Portal, ruter: Rute[], gange = 20) {
  const url = portal.url;
  const ud = new Map<string, Enkelt>();
  // A round first, so the first routes do not pay for the JIT warming up.
  for (const rute of ruter) {
    await (await fetch(url + rute.path, anmodning(rute))).arrayBuffer();
  }
  for (const rute of ruter) {
    const tider: number[] = [];
    let status = 0;
    // NaN when /proc cannot be read: the table then says so instead of a made-up figure.
    const cpu0 = portal.cpuMs() ?? NaN;
    for (let i = 0; i < gange; i++) {
      const t = performance.now();
      const svar = await fetch(url + rute.path, anmodning(rute));
      await svar.arrayBuffer();
      tider.push(performance.now() - t);
      status = svar.status;
    }
    ud.set(rute.navn, { p50: median(tider), cpu: ((portal.cpuMs() ?? NaN) - cpu0) / gange, status });
  }
  return ud;
}

/** The mix at once: one autocannon per group, side by side, so each group has its own figures. */
async function blandet(portal: Portal, ruter: Rute[]) {
  const rss: number[] = [];
  const maaler = setInterval(() => {
    const kb = portal.rssKb();
    if (kb) rss.push(kb / 1024);
  }, 500);
  const cpu0 = portal.cpuMs() ?? NaN;
  const grupper = Object.keys(FORBINDELSER) as Gruppe[];
  const resultater = await Promise.all(
    grupper.map(
      async (g) =>
        [
          g,
          await autocannon({
            url: portal.url,
            connections: FORBINDELSER[g],
            duration: SECONDS,
            // autocannon calls setupRequest if the key is there at all, so only posts carry it.
            requests: ruter
              .filter((r) => r.gruppe === g)
              .map(({ method, path, headers, lavKrop }) => ({
                method,
                path,
                ...(headers ? { headers } : {}),
                ...(lavKrop ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: lavKrop() }) } : {}),
              })),
          }),
        ] as const,
    ),
  );
  clearInterval(maaler);
  const cpuPrSvar = ((portal.cpuMs() ?? NaN) - cpu0) / resultater.reduce((n, [, r]) => n + r.requests.total, 0);
  const tal = {} as Record<Gruppe, GruppeTal>;
  for (const [g, r] of resultater) {
    const svar = { '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'], fejl: r.errors + r.timeouts };
    tal[g] = {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      svar,
      uventede: Object.entries(svar)
        .filter(([k]) => k !== FORVENTET[g])
        .reduce((n, [, v]) => n + v, 0),
    };
  }
  return { tal, rss, cpuPrSvar };
}

async function maal(stoerrelse: 'lille' | 'stor'): Promise<Maaling> {
  const file = await database(stoerrelse);
  const portal = await startPortal({ port: PORT, database: file, logFile: `data/bench-load-${stoerrelse}.log` });
  try {
    const { ruter, loginMs } = await lavMix(portal.url, file);
    const enkelt = await enkeltvis(portal, ruter);
    const { tal, rss, cpuPrSvar } = await blandet(portal, ruter);
    return { navn: stoerrelse, mb: statSync(file).size / 1e6, loginMs, enkelt, blandet: tal, cpuPrSvar, rss };
  } finally {
    await portal.stop();
  }
}

const maalinger: Maaling[] = [];
for (const s of DATA === 'begge' ? (['lille', 'stor'] as const) : [DATA as 'lille' | 'stor'])
  maalinger.push(await maal(s));

const kol = (xs: (string | number)[], w = 11) => xs.map((x) => String(x).padStart(w)).join('');
console.log(
  `\nMålt på en delt maskine (2 kerner, andre arbejder samtidig): tallene er til sammenligning, ikke kapacitet.`,
);
if (UDEN) console.log(`Uden indekserne fra migreringen ${UDEN} ("før").`);
console.log(
  `Database: ${maalinger.map((m) => `${m.navn} ${m.mb.toFixed(0)} MB`).join(', ')}; login af 5 personer: ${maalinger.map((m) => `${m.navn} ${(m.loginMs / 1000).toFixed(1)} s`).join(', ')}`,
);

console.log('\nHver side alene, 20 gange: median ventetid og serverens CPU-tid pr. forespørgsel (ms):');
const navne = maalinger.map((m) => m.navn);
console.log(
  `${'side'.padEnd(44)}${kol(navne.map((n) => `${n} vent`))}${kol(navne.map((n) => `${n} CPU`))}${maalinger.length === 2 ? kol(['CPU stor/lille'], 16) : ''}`,
);
for (const navn of maalinger[0]?.enkelt.keys() ?? []) {
  const v = maalinger.flatMap((m) => m.enkelt.get(navn) ?? []);
  const [lille, stor] = v;
  const status = v.some((x) => ![200, 302, 303].includes(x.status))
    ? `  (svar ${v.map((x) => x.status).join('/')})`
    : '';
  console.log(
    `${navn.slice(0, 43).padEnd(44)}${kol(v.map((x) => x.p50.toFixed(1)))}${kol(v.map((x) => x.cpu.toFixed(2)))}${lille && stor ? kol([`${(stor.cpu / lille.cpu).toFixed(1)}x`], 16) : ''}${status}`,
  );
}

console.log(
  `\nBlandet last, ${SECONDS} s pr. størrelse, ${Object.entries(FORBINDELSER)
    .map(([g, n]) => `${g} ${n}`)
    .join(', ')} forbindelser:`,
);
console.log(
  `${'gruppe'.padEnd(12)}${maalinger.map((m) => kol([`${m.navn} req/s`, 'p50 ms', 'p99 ms', 'uventede'])).join('')}`,
);
for (const g of Object.keys(FORBINDELSER) as Gruppe[]) {
  console.log(
    `${g.padEnd(12)}${maalinger
      .map((m) => {
        const t = m.blandet[g];
        return kol([t.rps.toFixed(0), t.p50, t.p99, t.uventede]);
      })
      .join('')}`,
  );
}
console.log(
  `serverens CPU-tid pr. svar i blandingen: ${maalinger.map((m) => `${m.navn} ${m.cpuPrSvar.toFixed(2)} ms`).join(', ')}`,
);
for (const m of maalinger) {
  console.log(
    `svar (${m.navn}): ${Object.entries(m.blandet)
      .map(
        ([g, t]) =>
          `${g} ${Object.entries(t.svar)
            .filter(([, n]) => n)
            .map(([k, n]) => `${k}=${n}`)
            .join(' ')}`,
      )
      .join('; ')}`,
  );
}

console.log('\nServerens RSS (MB) under den blandede last:');
for (const m of maalinger) {
  const trin = Math.max(1, Math.floor(m.rss.length / 10));
  console.log(
    `${m.navn.padEnd(6)} start ${m.rss[0]?.toFixed(0)}  maks ${Math.max(...m.rss).toFixed(0)}  slut ${m.rss.at(-1)?.toFixed(0)}   forløb: ${m.rss
      .filter((_, i) => i % trin === 0)
      .map((x) => x.toFixed(0))
      .join(' ')}`,
  );
}
const uventede = maalinger.some((m) => Object.values(m.blandet).some((t) => t.uventede > 0));
if (uventede) console.log('\nNB: nogle svar var ikke de forventede (se "svar" ovenfor).');
