// npm run db:backup [-- <file>]: a consistent online backup while the portal runs.
import { openDatabase } from '../db/client.ts';
import { backupDatabase } from '../db/backup.ts';

const dest = process.argv[2] ?? `data/backup/mit-forloeb-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
const db = openDatabase();
await backupDatabase(db, dest);
db.$client.close();
console.log(`Backup gemt: ${dest}`);
