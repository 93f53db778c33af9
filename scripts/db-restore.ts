// npm run db:restore -- <file>: checks the backup, then replaces the database. Stop the portal first.

import { miljoe } from '#/config/miljoe.ts';
import { restoreDatabase } from '../db/backup.ts';
import { databasePath } from '../db/client.ts';

const backup = process.argv[2];
if (!backup) {
  console.error('Brug: npm run db:restore -- <backupfil>');
  process.exit(2);
}
const target = databasePath(miljoe().DATABASE_URL);
try {
  const gemt = await restoreDatabase(backup, target);
  console.log(`Genskabt ${target} fra ${backup}. Start portalen igen.`);
  if (gemt) console.log(`Den database, der var før, ligger i ${gemt}. Slet den, når alt virker.`);
} catch (e) {
  console.error(`Backuppen blev ikke genskabt: ${(e as Error).message}`);
  process.exit(1);
}
