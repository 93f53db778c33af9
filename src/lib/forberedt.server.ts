import { type Placeholder, sql } from 'drizzle-orm';
import { type Db, iAabenTransaktion, motor } from '../../db/client.ts';
import { somGemte } from '../../db/gemte.ts';

const forberedte = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared statement, made once per database and kept: a hot query then skips building its
 * SQL on every request; on PostgreSQL each connection parses and plans it once (db/navngivne.ts), and
 * on SQLite it runs at once when the connection is free (db/synkrone.ts).
 * `navn` must be unique to the statement. A kept statement is bound to
 * the database itself, which on PostgreSQL is the pool: inside a transaction (and for a
 * transaction's own handle) it is made anew on the handle given, so it runs on the transaction's
 * connection. SQLite has one connection, where the open transaction is always the one used.
 */
export function forberedt<T>(db: Pick<Db, 'select'>, navn: string, lav: () => T): T {
  const m = motor(db);
  if (m === undefined || (m === 'postgres' && iAabenTransaktion(db))) return lav();
  let paaDb = forberedte.get(db);
  if (!paaDb) {
    paaDb = new Map();
    forberedte.set(db, paaDb);
  }
  if (paaDb.has(navn)) return paaDb.get(navn) as T;
  const stmt = somGemte(lav);
  paaDb.set(navn, stmt);
  return stmt;
}

/** The longest IN list prepared (one statement per length); a longer one is built each time. */
export const LAENGSTE_FORBEREDTE_LISTE = 16;

/**
 * `forberedt` for a statement with an IN list of `antal` values: `lav` gets the list's placeholders,
 * and the statement runs with `listeVaerdier(...)`. One statement per list length, so reading the
 * rows of a person's few cases in one query does not cost building the query on every request.
 */
export function forberedtMedListe<T>(
  db: Pick<Db, 'select'>,
  navn: string,
  antal: number,
  lav: (liste: Placeholder[]) => T,
): T {
  const medPladser = () => lav(Array.from({ length: antal }, (_, i) => sql.placeholder(`liste${i}`)));
  return antal <= LAENGSTE_FORBEREDTE_LISTE ? forberedt(db, `${navn}:${antal}`, medPladser) : medPladser();
}

/** The values of the IN list of `forberedtMedListe`, in order. */
export function listeVaerdier(vaerdier: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(vaerdier.map((v, i) => [`liste${i}`, v]));
}
