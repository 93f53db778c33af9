import { type Db, motor } from '../../db/client.ts';

const forberedte = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared statement, made once per SQLite connection and kept: a hot query then skips
 * building its SQL on every request. `navn` must be unique to the statement. On PostgreSQL
 * (and for a transaction's handle) it is made anew each time, on the handle given, so that
 * inside a transaction it runs on the transaction's own connection.
 */
export function forberedt<T>(db: Db, navn: string, lav: () => T): T {
  if (motor(db) !== 'sqlite') return lav();
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
