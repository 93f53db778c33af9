/**
 * For tests: every row of every portal table, as the portal reads it (db/schema.ts's columns) on
 * either engine, so two databases can be compared table by table.
 */
import { getTableName } from 'drizzle-orm';
import type { Db } from './client.ts';
import { portalTabeller } from './portal-tabeller.ts';

/** Each table's rows as JSON, sorted, so the order rows happen to be stored in does not count. */
export async function alleRaekker(db: Db): Promise<Record<string, string[]>> {
  const alle: Record<string, string[]> = {};
  for (const tabel of portalTabeller()) {
    const raekker = await db.select().from(tabel);
    alle[getTableName(tabel)] = raekker.map((r) => JSON.stringify(r)).sort();
  }
  return alle;
}
