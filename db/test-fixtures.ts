/**
 * For tests: what needs raw SQL, on either engine. A test database is thrown away, so a fixture
 * may leave tables and triggers behind.
 */
import { and, eq, max } from 'drizzle-orm';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste, motor, pgPool, sqliteForbindelse } from './client.ts';
import { journalhaendelser, sager } from './schema.ts';

/** Runs one statement and gives its rows (none for a statement that returns none). */
export async function raaSql(db: Db, tekst: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (motor(db) === 'postgres') return (await pgPool(db).query(tekst, params)).rows;
  const s = sqliteForbindelse(db).prepare(tekst);
  if (s.reader) return s.all(...params) as Record<string, unknown>[];
  s.run(...params);
  return [];
}

/** The portal's own tables (not the migrator's, not SQLite's, not a fixture's). */
export async function tabeller(db: Db): Promise<string[]> {
  const raekker =
    motor(db) === 'postgres'
      ? await raaSql(
          db,
          "select table_name as navn from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
        )
      : await raaSql(
          db,
          "select name as navn from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%'",
        );
  return raekker
    .map((r) => String(r.navn))
    .filter((t) => !t.startsWith('__drizzle') && !t.startsWith('fuzz_'))
    .sort();
}

/**
 * Makes every insert into `tabel` (where `naar` holds, an SQL condition on NEW valid in both dialects)
 * fail with the message 'testfejl': a write that must roll back everything before it.
 */
export async function fejlVedIndsaettelse(db: Db, tabel: string, naar?: string): Promise<void> {
  const navn = `fejl_ved_${tabel}`;
  if (motor(db) === 'postgres') {
    await raaSql(
      db,
      `create or replace function testfejl() returns trigger language plpgsql as $$ begin raise exception 'testfejl'; end $$`,
    );
    await raaSql(
      db,
      `create trigger "${navn}" before insert on "${tabel}" for each row ${naar ? `when (${naar})` : ''} execute function testfejl()`,
    );
    return;
  }
  await raaSql(
    db,
    `create trigger "${navn}" before insert on "${tabel}" ${naar ? `when ${naar}` : ''} begin select raise(abort, 'testfejl'); end`,
  );
}

/**
 * Counts the rows written to any table, with a trigger on every table. A rolled-back transaction
 * takes its counted rows with it, so an unchanged count means nothing was committed: not an insert,
 * not an update, not a delete. The count is per table, to say where.
 */
export async function aendringstaeller(db: Db): Promise<() => Promise<Record<string, number>>> {
  const alle = await tabeller(db);
  const pg = motor(db) === 'postgres';
  await raaSql(db, 'create table if not exists fuzz_aendringer (tabel text not null)');
  if (pg) {
    await raaSql(
      db,
      `create or replace function fuzz_tael() returns trigger language plpgsql as $$
       begin insert into fuzz_aendringer values (TG_TABLE_NAME); return null; end $$`,
    );
  }
  for (const tabel of alle) {
    for (const op of ['insert', 'update', 'delete']) {
      const navn = `fuzz_${op}_${tabel}`;
      await raaSql(
        db,
        pg
          ? `create or replace trigger "${navn}" after ${op} on "${tabel}" for each row execute function fuzz_tael()`
          : `create trigger if not exists "${navn}" after ${op} on "${tabel}" begin insert into fuzz_aendringer values ('${tabel}'); end`,
      );
    }
  }
  return async () =>
    Object.fromEntries(
      (await raaSql(db, 'select tabel, count(*) as n from fuzz_aendringer group by tabel')).map((r) => [
        String(r.tabel),
        Number(r.n),
      ]),
    );
}

/** A demo person's case under `lovgrundlag` (e.g. Ali's "Serviceloven § 97"); throws when the seed lacks it. */
export const demoSag = async (db: Db, personId: string, lovgrundlag: string) =>
  defined(
    foerste(
      await db
        .select()
        .from(sager)
        .where(and(eq(sager.personId, personId), eq(sager.lovgrundlag, lovgrundlag))),
    ),
    'Sagen',
  );

/**
 * The feed's last event after the demo was seeded: what its citizens sent (Jens's application)
 * is in the feed, so a test of its own events reads after it.
 */
export async function demoensSidsteHaendelse(db: Db): Promise<number> {
  const [r] = await db.select({ n: max(journalhaendelser.loebenr) }).from(journalhaendelser);
  return Number(r?.n ?? 0);
}
