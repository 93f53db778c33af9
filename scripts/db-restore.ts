// npm run db:restore -- <file>: checks the backup, then replaces the database. Stop the portal first.
// SQLite: a .db file from db:backup; PostgreSQL: a .dump file from db:backup (pg_dump's custom format).

import { miljoe } from '#/config/miljoe.ts';
import { restoreDatabase } from '../db/backup.ts';
import { restorePostgres } from '../db/backup-pg.ts';
import { databasePath, motorFor } from '../db/client.ts';

const backup = process.argv[2];
if (!backup) {
  console.error('Brug: npm run db:restore -- <backupfil>');
  process.exit(2);
}
const url = miljoe().DATABASE_URL;
try {
  if (motorFor(url) === 'postgres') {
    const gemt = await restorePostgres(backup, url);
    console.log(`Genskabt PostgreSQL-databasen ${new URL(url).pathname.slice(1)} fra ${backup}. Start portalen igen.`);
    console.log(`Det, databasen indeholdt før, ligger i ${gemt}. Slet den, når alt virker.`);
  } else {
    const target = databasePath(url);
    const gemt = await restoreDatabase(backup, target);
    console.log(`Genskabt ${target} fra ${backup}. Start portalen igen.`);
    if (gemt) console.log(`Den database, der var før, ligger i ${gemt}. Slet den, når alt virker.`);
  }
} catch (e) {
  console.error(`Backuppen blev ikke genskabt: ${(e as Error).message}`);
  process.exit(1);
}
