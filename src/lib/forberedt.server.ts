import type { Db } from '../../db/client.ts';

const forberedte = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared statement, made once per connection and kept: a hot query then skips building
 * its SQL and SQLite's parsing on every request. `navn` must be unique to the statement.
 */
export function forberedt<T>(db: Db, navn: string, lav: () => T): T {
  let paaDb = forberedte.get(db);
  if (!paaDb) {
    paaDb = new Map();
    forberedte.set(db, paaDb);
  }
  if (paaDb.has(navn)) return paaDb.get(navn) as T;
  const stmt = lav();
  paaDb.set(navn, stmt);
  return stmt;
}
