/**
 * The e2e run's databases, on the engine TEST_MOTOR names (sqlite, the default, or postgres on the
 * server TEST_PG_URL names: `npm run pg:start` prints it). Each server of the run has its own:
 * `e2e` for the shared demo server, others for the operations tests' own servers. On PostgreSQL the
 * database is mf_<navn>_<E2E_PORT>.
 */
import type { Motor } from '../db/client.ts';
import { lukDatabase, openDatabase } from '../db/client.ts';
import { urlTil } from '../db/pg-test.ts';
import { raaSql } from '../db/test-fixtures.ts';

export const E2E_MOTOR: Motor = process.env.TEST_MOTOR === 'postgres' ? 'postgres' : 'sqlite';

/** The DATABASE_URL of the database called `navn` (relative to the repository, as the servers run there). */
export function e2eDatabaseUrl(navn: string): string {
  if (E2E_MOTOR === 'sqlite') return `file:data/${navn}.db`;
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error('TEST_MOTOR=postgres kræver TEST_PG_URL (npm run pg:start viser den)');
  // The run's port in the name: two runs on one PostgreSQL server (two checkouts) never reset each other's.
  return urlTil(admin, `mf_${navn.replaceAll('-', '_')}_${process.env.E2E_PORT ?? 4399}`);
}

/** Rows of one query against a server's database, while it runs (SQL both engines read alike). */
export async function spoerg(sql: string, params: unknown[] = [], navn = 'e2e'): Promise<Record<string, unknown>[]> {
  const db = openDatabase(e2eDatabaseUrl(navn));
  try {
    return await raaSql(db, sql, params);
  } finally {
    await lukDatabase(db);
  }
}

/** The first column of every row. */
export async function spoergKolonne(sql: string, params: unknown[] = [], navn = 'e2e'): Promise<unknown[]> {
  return (await spoerg(sql, params, navn)).map((r) => Object.values(r)[0]);
}
