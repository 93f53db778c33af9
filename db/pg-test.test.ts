import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { nyPgDatabase, pgTitel, testPgUrl } from './pg-test.ts';

async function medKlient<T>(url: string, fn: (k: pg.Client) => Promise<T>): Promise<T> {
  const k = new pg.Client({ connectionString: url });
  await k.connect();
  try {
    return await fn(k);
  } finally {
    await k.end();
  }
}

describe.skipIf(!testPgUrl)(pgTitel('nyPgDatabase'), () => {
  it('giver hver gang sin egen migrerede database med C-sortering, og slet fjerner den', async () => {
    const [a, b] = await Promise.all([nyPgDatabase(), nyPgDatabase()]);
    try {
      expect(a.url).not.toBe(b.url);
      const journal: { entries: unknown[] } = JSON.parse(
        readFileSync(new URL('./migrations-pg/meta/_journal.json', import.meta.url), 'utf8'),
      );
      await medKlient(a.url, async (k) => {
        const migreret = await k.query('SELECT hash FROM drizzle.__drizzle_migrations');
        expect(migreret.rowCount).toBe(journal.entries.length);
        expect((await k.query('SELECT * FROM personer')).rowCount).toBe(0);
        const sortering = await k.query('SELECT datcollate FROM pg_database WHERE datname = current_database()');
        expect(sortering.rows[0]).toEqual({ datcollate: 'C' });
        // Bytewise, as SQLite orders text: capitals before small letters, æøå last.
        const orden = await k.query<{ x: string }>("SELECT x FROM (VALUES ('a'), ('å'), ('B'), ('z')) v(x) ORDER BY x");
        expect(orden.rows.map((r) => r.x)).toEqual(['B', 'a', 'z', 'å']);
        await k.query("INSERT INTO hemmeligheder VALUES ('n', 'v', '2026-01-01')");
      });
      await medKlient(b.url, async (k) => {
        expect((await k.query('SELECT * FROM hemmeligheder')).rowCount).toBe(0);
      });
      // Dropped even while a connection is still open to it.
      const aaben = new pg.Client({ connectionString: a.url });
      aaben.on('error', () => {});
      await aaben.connect();
      await a.slet();
      const navn = new URL(a.url).pathname.slice(1);
      const findes = await medKlient(b.url, (k) => k.query('SELECT 1 FROM pg_database WHERE datname = $1', [navn]));
      expect(findes.rowCount).toBe(0);
      await aaben.end().catch(() => {});
    } finally {
      await Promise.all([a.slet(), b.slet()]);
    }
    // The first database of a run migrates from nothing: every migration, on a busy machine.
  }, 30_000);
});
