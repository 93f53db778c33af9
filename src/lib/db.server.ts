import { type Db, openDatabase } from '../../db/client.ts';

let db: Db | undefined;

/** The portal's database, opened on first use (never during prerendering). */
export function database(): Db {
  db ??= openDatabase();
  return db;
}
