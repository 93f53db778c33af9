/**
 * How much of each request outlives V8's young generation (is promoted), page by page, and why.
 *
 * A young-generation collection (scavenge) should find only the pages in flight alive. Three
 * patterns made V8 keep a request's objects alive until the next full collection instead, each
 * through an object V8 puts straight in the old generation: a getter in an object literal closing
 * over the request's state (Astro's FetchState; src/server/astro-gettere.ts), a function literal
 * assigned to a property, which V8's parser makes old (Astro's component slots, the page cache's
 * `res.write`; src/server/unge-funktioner.ts), and Object.create of an object made per request,
 * whose hidden class is old (Astro's Astro global; src/server/astro-global.ts). README "Målinger".
 * The second part shows the first two with plain V8, beside the same objects made the safe way.
 *
 * Run: `npm run build && node bench/promovering.ts`. Env: BENCH_SECONDS (4 per page),
 * BENCH_FORBINDELSER (1: no page waits for another, so anything kept is kept by the code).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { defined } from '#/lib/defined.ts';
import { foerste, lukDatabase, openDatabase } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { e2eDatabaseUrl } from '../e2e/database.ts';
import { benchDatabaseUrl, freshDatabase, logIn, ROOT, startPortal } from './portal.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const FORBINDELSER = Number(process.env.BENCH_FORBINDELSER ?? 1);
const LOG = 'data/bench-promovering.log';

interface Scavenge {
  allocated: number;
  promoted: number;
  pause: number;
}

/** The scavenges of V8's --trace-gc-nvp lines in `tekst`; by default without the audit writer's own small heap. */
function scavenges(tekst: string, mindst = 8_000_000): Scavenge[] {
  return tekst
    .split('\n')
    .filter((l) => l.includes('gc=s '))
    .map((l) => Object.fromEntries(l.split(' ').map((kv) => kv.split('='))) as Record<string, string>)
    .map((f) => ({ allocated: Number(f.allocated), promoted: Number(f.promoted), pause: Number(f.pause) }))
    .filter((s) => s.allocated > mindst);
}

const file = await freshDatabase(e2eDatabaseUrl('bench-promovering'));
const db = openDatabase(benchDatabaseUrl(file));
const ali = defined(foerste(await db.select().from(t.personer).where(eq(t.personer.navn, 'Ali Hassan'))), 'Ali Hassan');
await lukDatabase(db);
const portal = await startPortal({ port: 4736, database: file, logFile: LOG, nodeArgs: ['--trace-gc-nvp'] });
console.log(`${SECONDS} s pr. side, ${FORBINDELSER} forbindelse(r); pr. forespørgsel efter de første scavenges:`);
console.log(
  `${'side'.padEnd(30)}${['req', 'allokeret', 'promoveret', 'pause/scav.'].map((h) => h.padStart(12)).join('')}`,
);
try {
  const { cookie } = await logIn(portal.url, 'Ali Hassan', { sub: `borger-${ali.id}` });
  const sider = [
    ['forsiden (forudbygget)', '/', undefined],
    ['/healthz (Astro, ingen side)', '/healthz', undefined],
    ['/was (Astro, en omdirigering)', '/was', undefined],
    ['Min side (Ali)', '/min-side', cookie],
  ] as const;
  for (const [navn, sti, medCookie] of sider) {
    const foer = readFileSync(resolve(ROOT, LOG), 'utf8').length;
    const r = await autocannon({
      url: portal.url + sti,
      connections: FORBINDELSER,
      duration: SECONDS,
      ...(medCookie ? { headers: { cookie: medCookie } } : {}),
    });
    const alle = scavenges(readFileSync(resolve(ROOT, LOG), 'utf8').slice(foer));
    // The first two left out: the page's code is compiled and warmed then.
    const s = alle.slice(2);
    const sum = (l: Scavenge[], k: keyof Scavenge) => l.reduce((a, x) => a + x[k], 0);
    const allokeret = sum(alle, 'allocated') / Math.max(r.requests.total, 1);
    const promoveret = s.length ? (sum(s, 'promoted') / sum(s, 'allocated')) * allokeret : 0;
    const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
    console.log(
      `${navn.padEnd(30)}${[
        r.requests.total,
        kB(allokeret),
        kB(promoveret),
        s.length ? `${(sum(s, 'pause') / s.length).toFixed(1)} ms` : '-',
      ]
        .map((x) => String(x).padStart(12))
        .join('')}`,
    );
  }
} finally {
  await portal.stop();
}

// Plain V8, no portal: 200,000 objects that each reach 4 kB, made and dropped at once.
const V8_PROEVE = `
const mode = process.argv[1];
class K { constructor(s) { this.s = s; } get locals() { return this.s.stor; } }
const ung = (f) => f;
let sink;
for (let n = 0; n < 200000; n++) {
  const self = { stor: Array.from({ length: 40 }, (_, i) => ({ i, s: 'x'.repeat(20) + i })) };
  if (mode === 'literal') sink = { get locals() { return self.stor; } };
  else if (mode === 'klasse') sink = new K(self);
  else if (mode === 'egenskab') { sink = {}; sink.locals = () => self.stor; }
  else { sink = {}; sink.locals = ung(() => self.stor); }
}`;
console.log('\nV8 alene: 200.000 objekter, der hver når 4 kB, laves og slippes straks:');
for (const [navn, mode] of [
  ['getter i et objekt-literal', 'literal'],
  ['samme getter i en klasse', 'klasse'],
  ['o.f = () => …', 'egenskab'],
  ['o.f = ung(() => …)', 'kald'],
] as const) {
  // --no-opt: as code runs before it is hot; optimised code keeps less, but not nothing.
  const ud = spawnSync(process.execPath, ['--no-opt', '--trace-gc-nvp', '-e', V8_PROEVE, mode], {
    encoding: 'utf8',
  }).stdout;
  const s = scavenges(ud, 0);
  const promoveret = s.reduce((a, x) => a + x.promoted, 0);
  console.log(`  ${navn.padEnd(28)} promoveret i alt ${(promoveret / 1e6).toFixed(0)} MB i ${s.length} scavenges`);
}
