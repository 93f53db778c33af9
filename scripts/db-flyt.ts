// npm run db:flyt -- <sqlite-file>: moves the portal's data from a SQLite file to the PostgreSQL
// database DATABASE_URL names (the service's own setting, so the password stays off the command line).
import { resolve } from 'node:path';
import { miljoe } from '#/config/miljoe.ts';
import { databasePath, motorFor } from '../db/client.ts';
import { flytTilPostgres } from '../db/flyt.ts';

const tal = new Intl.NumberFormat('da-DK');
const kilde = process.argv[2];
if (!kilde || process.argv.length > 3) {
  console.error('Brug: DATABASE_URL=postgres://… npm run db:flyt -- <sqlite-fil>');
  process.exit(2);
}
const m = miljoe();
if (motorFor(m.DATABASE_URL) !== 'postgres') {
  console.error(
    'DATABASE_URL skal pege på den PostgreSQL-database, data flyttes til (postgres://…); SQLite-filen nævnes efter --.',
  );
  process.exit(2);
}
const sti = kilde.startsWith('file:') ? databasePath(kilde) : resolve(kilde);
const maal = new URL(m.DATABASE_URL);
console.log(`Flytter ${sti} til PostgreSQL ${maal.host}${maal.pathname} i én transaktion.`);
console.log(
  `Bilag flyttes ikke: de bliver i BILAG_DIR (${resolve(m.BILAG_DIR)}), som portalen læser på begge motorer.`,
);

let sidst = 0;
try {
  const r = await flytTilPostgres(sti, m.DATABASE_URL, {
    // At most one line every 2 s: the table being copied and how far it has come.
    fremskridt: ({ tabel, kopieret, ialt }) => {
      const nu = performance.now();
      if (ialt === 0 || nu - sidst < 2000) return;
      sidst = nu;
      console.log(`  ${tabel}: ${tal.format(kopieret)} af ${tal.format(ialt)} rækker …`);
    },
  });
  const bredde = Math.max(...r.tabeller.map((t) => t.navn.length));
  console.log('\nRækker pr. tabel (talt i både SQLite og PostgreSQL, ens):');
  for (const t of r.tabeller) console.log(`  ${t.navn.padEnd(bredde)}  ${tal.format(t.raekker).padStart(12)}`);
  console.log(
    `I alt ${tal.format(r.raekker)} rækker på ${r.sekunder.toFixed(1)} s (${tal.format(Math.round(r.raekker / r.sekunder))} rækker/s).`,
  );
  console.log('Flytningen er gemt. Start portalen med DATABASE_URL sat til PostgreSQL, og den samme BILAG_DIR.');
} catch (e) {
  console.error(`Flytningen blev ikke gennemført; ingen data er lagt i PostgreSQL: ${(e as Error).message}`);
  process.exit(1);
}
