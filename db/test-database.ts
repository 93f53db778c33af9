/**
 * For tests: a fresh, migrated database on the engine TEST_MOTOR names: `sqlite` (the default,
 * in memory) or `postgres` (a new database on the server TEST_PG_URL names, see db/pg-test.ts).
 * The same tests run on both; the databases a test file made are dropped after it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, lukDatabase, type Motor, migrateDatabase, openDatabase } from './client.ts';
import { nyPgDatabase, testPgUrl } from './pg-test.ts';

export const testMotor: Motor = process.env.TEST_MOTOR === 'postgres' ? 'postgres' : 'sqlite';
if (testMotor === 'postgres' && !testPgUrl)
  throw new Error('TEST_MOTOR=postgres kræver TEST_PG_URL (npm run pg:start viser den).');

const oprydning: (() => Promise<void>)[] = [];

/** Closes and drops every database this test file made (scripts/vitest.setup.ts calls it). */
export async function rydTestDatabaser(): Promise<void> {
  for (const ryd of oprydning.splice(0).reverse()) await ryd();
}

/** A URL of a fresh, migrated database that nothing has opened yet. */
async function nyUrl(navn: string): Promise<string> {
  if (testMotor === 'postgres') {
    const pg = await nyPgDatabase();
    oprydning.push(() => pg.slet());
    return pg.url;
  }
  const url = `file:${join(mkdtempSync(join(tmpdir(), `${navn}-`)), 'db.sqlite')}`;
  const db = openDatabase(url);
  await migrateDatabase(db);
  await lukDatabase(db);
  return url;
}

function aabn(url: string): Db {
  const db = openDatabase(url);
  oprydning.push(() => lukDatabase(db));
  return db;
}

/** One fresh database: SQLite in memory, or its own PostgreSQL database. */
export async function nyTestDatabase(): Promise<Db> {
  if (testMotor === 'postgres') return aabn(await nyUrl('test'));
  const db = aabn(':memory:');
  await migrateDatabase(db);
  return db;
}

/**
 * One fresh database with two connections to it, as two processes (WORKERS, or two instances)
 * have: on SQLite a file, on PostgreSQL two pools.
 */
export async function toForbindelser(navn: string): Promise<{ a: Db; b: Db }> {
  const url = await nyUrl(navn);
  return { a: aabn(url), b: aabn(url) };
}
