/**
 * RESET_DATABASE (tests, the demo): the database named in DATABASE_URL starts empty. SQLite: the
 * file and its WAL go. PostgreSQL: the database is dropped and created again (it need not exist),
 * with the C collation the test databases have, through the server's maintenance database.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { databasePath, motorFor } from './client.ts';

/** CREATE DATABASE's clause for the portal's databases: C collation, so ORDER BY on text sorts bytewise, as SQLite does. */
export const C_SORTERING = "TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C' ENCODING 'UTF8'";

export async function nulstilDatabase(url: string): Promise<void> {
  if (motorFor(url) === 'sqlite') {
    const fil = databasePath(url);
    for (const endelse of ['', '-wal', '-shm']) rmSync(fil + endelse, { force: true });
    return;
  }
  const vedligehold = new URL(url);
  const navn = decodeURIComponent(vedligehold.pathname.slice(1));
  if (!navn || navn === 'postgres') throw new Error('RESET_DATABASE: DATABASE_URL skal nævne en database');
  vedligehold.pathname = '/postgres';
  const klient = new pg.Client({ connectionString: vedligehold.toString() });
  await klient.connect();
  try {
    const db = klient.escapeIdentifier(navn);
    await klient.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await klient.query(`CREATE DATABASE ${db} ${C_SORTERING}`);
  } finally {
    await klient.end();
  }
}
