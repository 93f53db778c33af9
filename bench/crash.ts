/**
 * Crash test: start the portal, let logged-in personas send many hjælpemiddel applications,
 * complaints and partshøring answers at once through the real pages, `kill -9` the server in
 * the middle, restart it on the same database, and check that every request that got a
 * receipt is there exactly once, nothing is half-saved, and sending a form again gives the
 * same receipt. Exits non-zero on any loss, duplicate or half-saved record.
 *
 * Run: `npm run build && node bench/crash.ts` (from the project root, Node 24 as `npm run` gives).
 * Env: CRASH_PORT (4510), CRASH_RUNS (1), CRASH_KLAGER (120), CRASH_ANSOEGNINGER (3 per pair),
 * CRASH_SAMTIDIGE (8). Loopback only; its own database and attachment folder under data/. The
 * engine is chosen as for e2e (e2e/database.ts): SQLite's data/bench-crash-<port>.db by default,
 * TEST_MOTOR=postgres with TEST_PG_URL for the database mf_bench_crash_<port> on that server.
 */

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Db, lukDatabase, motorFor, openDatabase } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { e2eDatabaseUrl } from '../e2e/database.ts';
import { type Tjek, tjekDatabase, tjekMotor } from './crash-check.ts';
import { addCrashFixtures, type CrashFixtures } from './crash-fixtures.ts';
import { gensend } from './crash-retry.ts';
import { type Aktoerer, Journal, planlagtePosts, type StormPlan, storm } from './crash-storm.ts';
import { benchDatabaseUrl, freshDatabase, logIn, type Portal, ROOT, startPortal } from './portal.ts';

const env = process.env;
const PORT = Number(env.CRASH_PORT ?? 4510);
const plan: StormPlan = {
  klager: Number(env.CRASH_KLAGER ?? 120),
  ansoegningerPrPar: Number(env.CRASH_ANSOEGNINGER ?? 3),
  samtidige: Number(env.CRASH_SAMTIDIGE ?? 8),
};
const database = benchDatabaseUrl(e2eDatabaseUrl(`bench-crash-${PORT}`));
const motor = motorFor(database);
const bilagDir = resolve(ROOT, `data/bench-crash-${PORT}-bilag`);
const logFile = `data/bench-crash-${PORT}.log`;

/** Logs in every persona the storm uses; a relative's session is switched to the person they act for. */
async function logInd(url: string, personId: Record<string, string>): Promise<Aktoerer> {
  const forAnden = async (navn: string, forNavn: string) => {
    const id = personId[forNavn];
    if (!id) throw new Error(`${forNavn} findes ikke i databasen`);
    const s = await logIn(url, navn);
    const r = await s.post('/min-side/vaelg', { personId: id });
    if (r.headers.get('location') !== '/min-side') throw new Error(`${navn} kunne ikke vælge ${forNavn}: ${r.status}`);
    return s;
  };
  const [ali, birgit, jens, freja, karin, mette, lars, karinJens, metteFreja, larsFreja] = await Promise.all([
    logIn(url, 'Ali Hassan'),
    logIn(url, 'Birgit Sørensen'),
    logIn(url, 'Jens Madsen'),
    logIn(url, 'Freja Holm'),
    logIn(url, 'Karin Madsen'),
    logIn(url, 'Mette Holm'),
    logIn(url, 'Lars Holm'),
    forAnden('Karin Madsen', 'Jens Madsen'),
    forAnden('Mette Holm', 'Freja Holm'),
    forAnden('Lars Holm', 'Freja Holm'),
  ]);
  return {
    forPerson: {
      'Ali Hassan': [ali],
      'Birgit Sørensen': [birgit],
      'Jens Madsen': [jens],
      'Freja Holm': [freja, metteFreja, larsFreja],
    },
    ansoegere: [ali, birgit, jens, freja, karin, mette, lars, karinJens, metteFreja, larsFreja],
  };
}

export async function crashRun(nr: number): Promise<boolean> {
  rmSync(bilagDir, { recursive: true, force: true });
  let fixtures!: CrashFixtures;
  let personId: Record<string, string> = {};
  const foerStormen = { sager: new Set<string>() };
  await freshDatabase(database, async (db) => {
    // One decided case per complaint form, with some to spare for the random choice of person.
    fixtures = await addCrashFixtures(db, Math.ceil(plan.klager / 2));
    const personer = await db.select({ navn: t.personer.navn, id: t.personer.id }).from(t.personer);
    personId = Object.fromEntries(personer.map((p) => [p.navn, p.id]));
    for (const s of await db.select({ id: t.sager.id }).from(t.sager)) foerStormen.sager.add(s.id);
  });

  const serverEnv = { BILAG_DIR: bilagDir };
  let portal: Portal = await startPortal({ port: PORT, database, env: serverEnv, logFile });
  let db: Db | undefined;
  try {
    const aktoerer = await logInd(portal.url, personId);
    const partshoeringer = Object.values(fixtures.partshoeringssager).flat().length;
    const planlagt = planlagtePosts(plan, aktoerer, partshoeringer);
    // Somewhere in the middle, counted in receipts so a slow machine does not move the moment.
    const draebVed = Math.round(planlagt * (0.25 + Math.random() * 0.5));
    const j = new Journal();
    let draebt: { kvitteringer: number; undervejs: number; ms: number } | undefined;
    const t0 = performance.now();
    j.onKvittering = (antal) => {
      if (antal < draebVed || j.doed) return;
      j.doed = true;
      draebt = { kvitteringer: antal, undervejs: j.undervejs, ms: performance.now() - t0 };
      void portal.stop('SIGKILL');
    };
    await storm(j, aktoerer, fixtures, plan);
    if (!j.doed) {
      j.doed = true;
      await portal.stop('SIGKILL');
    }
    await portal.exited;
    // Read as the portal reads it; the engine's own check before the restart touches anything.
    db = openDatabase(database);
    const motorTjek = await tjekMotor(db);

    const t1 = performance.now();
    portal = await startPortal({ port: PORT, database, env: serverEnv, logFile, genstart: true });
    const genstart = performance.now() - t1;
    const efterCrash = await tjekDatabase(db, bilagDir, j, foerStormen);
    const gensendt = await gensend(j);
    const efterGensend = await tjekDatabase(db, bilagDir, j, foerStormen, gensendt);
    const fejl = [
      ...j.uventede.map((u) => `uventet svar under stormen: ${u}`),
      ...motorTjek.fejl,
      ...efterCrash.fejl,
      ...gensendt.uventede.map((u) => `uventet svar efter genstart: ${u}`),
      ...efterGensend.fejl.filter((f) => !efterCrash.fejl.includes(f)),
    ];
    for (const [sagId, foer] of efterCrash.partshoeringKvitteringer) {
      const efter = efterGensend.partshoeringKvitteringer.get(sagId);
      if (foer && efter !== foer)
        fejl.push(`partshøring på sag ${sagId}: kvitteringsnr ændret fra ${foer} til ${efter} ved ny indsendelse`);
    }
    if (!draebt) fejl.push('serveren blev ikke dræbt midt i stormen');

    console.log(
      `\nKørsel ${nr} (${motor}): ${draebt ? `kill -9 efter ${draebt.kvitteringer} af ca. ${planlagt} kvitteringer (${(draebt.ms / 1000).toFixed(1)} s inde), ${draebt.undervejs} formularer undervejs` : `stormen sluttede før kill -9 (mål ${draebVed} kvitteringer)`}; genstart ${(genstart / 1000).toFixed(1)} s`,
    );
    udskriv(efterCrash);
    console.log(
      `Sendt igen efter genstart: ${gensendt.klager.size} klager, ${gensendt.indsendelser.size} ansøgninger, ${gensendt.svar.size} partshøringssvar; ${efterGensend.fejl.length ? 'se fejl' : 'samme kvittering, ingen nye dubletter'}.`,
    );
    console.log(`${motorTjek.tekst}; bilagsfiler uden række: ${efterCrash.filerUdenRaekke}`);
    for (const f of fejl) console.log(`FEJL: ${f}`);
    return fejl.length === 0;
  } finally {
    await portal.stop();
    if (db) await lukDatabase(db);
  }
}

function udskriv(t: Tjek) {
  console.log('                     forsøgt  kvitteret  fundet  tabt  dubletter  gemt uden kvittering');
  for (const [navn, x] of Object.entries(t.tal)) {
    console.log(
      `${navn.padEnd(20)} ${(
        [
          [x.forsoegt, 8],
          [x.kvitteret, 10],
          [x.fundet, 7],
          [x.tabt, 5],
          [x.dubletter, 10],
        ] as const
      )
        .map(([n, b]) => String(n).padStart(b))
        .join(' ')} ${String(x.gemtUdenKvittering).padStart(21)}`,
    );
  }
}

if (import.meta.main) {
  const runs = Number(env.CRASH_RUNS ?? 1);
  let ok = true;
  for (let nr = 1; nr <= runs; nr++) ok = (await crashRun(nr)) && ok;
  console.log(ok ? `\nOK: ${runs} kørsel(er), intet tabt, ingen dubletter, intet halvt gemt.` : '\nFEJL: se ovenfor.');
  process.exitCode = ok ? 0 : 1;
}
