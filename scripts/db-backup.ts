// npm run db:backup [-- <file or folder/>]: a consistent online backup while the portal runs.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tidIFilnavn } from '#/lib/dato.ts';
import { backupDatabase } from '../db/backup.ts';
import { openDatabase, sqliteForbindelse } from '../db/client.ts';

const navn = `mit-forloeb-${tidIFilnavn(new Date())}.db`;
const arg = process.argv[2];
// A folder (existing, or written with a trailing slash) gets a file named by the time, so a nightly job keeps every night.
const dest = !arg
  ? join('data/backup', navn)
  : arg.endsWith('/') || (existsSync(arg) && statSync(arg).isDirectory())
    ? join(arg, navn)
    : arg;
const db = openDatabase();
await backupDatabase(db, dest);
sqliteForbindelse(db).close();
console.log(`Backup gemt: ${dest}`);
