/**
 * Times the move from SQLite to PostgreSQL (npm run db:flyt) on the large generated database: 100,000
 * citizens and 1,000,000 audit rows (bench/stor-data.ts; built first if the file is missing, which
 * takes a few minutes). The move goes into a new, empty database on the server TEST_PG_URL names
 * (npm run pg:start prints it), dropped afterwards. The unit test runs the same move on a scaled-down
 * copy (db/flyt.test.ts).
 *
 * Run: `TEST_PG_URL=… node bench/flyt-stor.ts [file]` (default data/bench-stor.db).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { flytTilPostgres } from '../db/flyt.ts';
import { testPgUrl, tomPgDatabase } from '../db/pg-test.ts';
import { ROOT } from './portal.ts';
import { genererStorData } from './stor-data.ts';

if (!testPgUrl) {
  console.error('Sæt TEST_PG_URL (npm run pg:start viser den).');
  process.exit(2);
}
const fil = resolve(ROOT, process.argv[2] ?? 'data/bench-stor.db');
if (!existsSync(fil)) {
  console.log(`${fil} findes ikke; bygger den store database (bench/stor-data.ts) …`);
  await genererStorData(fil);
}
const tal = new Intl.NumberFormat('da-DK');
const maal = await tomPgDatabase();
try {
  console.log(
    `Flytter ${fil} (${tal.format(Math.round(statSync(fil).size / 1e6))} MB) til en ny PostgreSQL-database …`,
  );
  // A table's time runs from the end of the one before it (the first: from the start, checks included).
  let forrige = performance.now();
  const tider: Record<string, number> = {};
  const r = await flytTilPostgres(fil, maal.url, {
    fremskridt: ({ tabel, kopieret, ialt }) => {
      if (kopieret !== ialt) return;
      const nu = performance.now();
      tider[tabel] = (nu - forrige) / 1000;
      forrige = nu;
    },
  });
  for (const t of r.tabeller.filter((t) => t.raekker >= 10_000)) {
    const s = tider[t.navn] ?? 0;
    console.log(
      `  ${t.navn.padEnd(22)} ${tal.format(t.raekker).padStart(10)} rækker ${s.toFixed(1).padStart(6)} s` +
        ` ${tal.format(Math.round(t.raekker / s)).padStart(8)} rækker/s`,
    );
  }
  console.log(
    `I alt ${tal.format(r.raekker)} rækker i ${r.tabeller.length} tabeller på ${r.sekunder.toFixed(1)} s ` +
      `(${tal.format(Math.round(r.raekker / r.sekunder))} rækker/s), tjek og COMMIT medregnet.`,
  );
} finally {
  await maal.slet();
}
