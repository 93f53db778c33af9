// npm run db:backup [-- <file or folder/>]: a consistent online backup while the portal runs.
// SQLite: a copy of the file (.db); PostgreSQL: pg_dump's custom format (.dump).
import { miljoe } from '#/config/miljoe.ts';
import { backupDatabase } from '../db/backup.ts';
import { backupPostgres } from '../db/backup-pg.ts';
import { backupSti } from '../db/backup-regler.ts';
import { lukDatabase, motorFor, openDatabase } from '../db/client.ts';

const url = miljoe().DATABASE_URL;
const motor = motorFor(url);
const dest = backupSti(process.argv[2], motor, new Date());
try {
  if (motor === 'postgres') await backupPostgres(url, dest);
  else {
    const db = openDatabase(url);
    await backupDatabase(db, dest);
    await lukDatabase(db);
  }
  console.log(`Backup gemt: ${dest}`);
} catch (e) {
  console.error(`Backuppen blev ikke taget: ${(e as Error).message}`);
  process.exit(1);
}
