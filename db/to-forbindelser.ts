/**
 * For tests: a fresh, migrated database file with two connections to it, as two processes
 * (WORKERS, or two instances) have. `luk` closes both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrateDatabase, openDatabase } from './client.ts';

export function toForbindelser(navn: string): { a: Db; b: Db; luk: () => void } {
  const fil = join(mkdtempSync(join(tmpdir(), `${navn}-`)), 'db.sqlite');
  const a = openDatabase(`file:${fil}`);
  migrateDatabase(a);
  const b = openDatabase(`file:${fil}`);
  return {
    a,
    b,
    luk: () => {
      a.$client.close();
      b.$client.close();
    },
  };
}
