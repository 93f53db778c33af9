/**
 * For tests: a fresh, migrated database file with two connections to it, as two processes
 * (WORKERS, or two instances) have. `luk` closes both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrateDatabase, openDatabase, sqliteForbindelse } from './client.ts';

export async function toForbindelser(navn: string): Promise<{ a: Db; b: Db; luk: () => void }> {
  const fil = join(mkdtempSync(join(tmpdir(), `${navn}-`)), 'db.sqlite');
  const a = openDatabase(`file:${fil}`);
  await migrateDatabase(a);
  const b = openDatabase(`file:${fil}`);
  return {
    a,
    b,
    luk: () => {
      sqliteForbindelse(a).close();
      sqliteForbindelse(b).close();
    },
  };
}
