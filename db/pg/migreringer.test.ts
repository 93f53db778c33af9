// Against a real PostgreSQL (TEST_PG_URL): the migrations in db/migrations-pg, applied to an empty database
// with drizzle's migrator, give every SQLite table and column with its mirrored type, keys and indexes.
import { fileURLToPath } from 'node:url';
import { is, SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, type SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgTestDatabase, pgTitel, testPgUrl, tomPgDatabase } from '../pg-test.ts';
import * as skema from '../schema.ts';
import { SPEJLTYPE } from './spejl-beskrivelse.ts';

const tabeller = Object.values(skema).flatMap((v) => (is(v, SQLiteTable) ? [getTableConfig(v)] : []));
const navne = (kolonner: SQLiteColumn[]) => kolonner.map((c) => c.name).join(', ');

/** How information_schema shows the default PostgreSQL must have: what the SQLite column stores. */
function standard(c: SQLiteColumn): string | null {
  if (c.default === undefined) return null;
  const v: unknown = c.mapToDriverValue(c.default);
  return typeof v === 'string' ? `'${v.replaceAll("'", "''")}'::text` : String(v);
}

describe.skipIf(!testPgUrl)(pgTitel('PostgreSQL-migreringerne på en tom database'), () => {
  let db: PgTestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await tomPgDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
    // pool.end() resolves before its connection has closed, and slet's DROP DATABASE ... WITH (FORCE) then
    // ends it: without a listener the pool's report of that would be an unhandled error in the run.
    pool.on('error', () => {});
    const migrationsFolder = fileURLToPath(new URL('../migrations-pg/', import.meta.url));
    await migrate(drizzle({ client: pool }), { migrationsFolder });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.slet();
  });

  it('giver hver SQLite-tabel og -kolonne med spejlet type, NOT NULL, standardværdi og identitet', async () => {
    const { rows } = await pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
      identity_generation: string | null;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, identity_generation
       FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const iPg = rows.map(
      (r) =>
        `${r.table_name}.${r.column_name} ${r.data_type}${r.is_nullable === 'NO' ? ' not null' : ''}` +
        `${r.is_identity === 'YES' ? ` identity ${r.identity_generation}` : ''} default ${r.column_default}`,
    );
    const forventet = tabeller.flatMap((t) =>
      t.columns.map((c) => {
        // SQLite numbers an integer primary key itself; PostgreSQL does it with an identity.
        const identitet = c.primary && c.columnType === 'SQLiteInteger';
        return (
          `${t.name}.${c.name} ${SPEJLTYPE[c.columnType]}${c.notNull ? ' not null' : ''}` +
          `${identitet ? ' identity BY DEFAULT' : ''} default ${identitet ? null : standard(c)}`
        );
      }),
    );
    expect(iPg.sort()).toEqual(forventet.sort());
  });

  it('har de samme primærnøgler, unikke begrænsninger, fremmednøgler og indekser', async () => {
    const begraensninger = await pool.query<{ tabel: string; conname: string; def: string }>(
      `SELECT conrelid::regclass::text AS tabel, conname, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    );
    const indekser = await pool.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const udtryk = new Set(
      tabeller.flatMap((t) =>
        t.indexes.filter(({ config: i }) => i.where || i.columns.some((c) => is(c, SQL))).map((i) => i.config.name),
      ),
    );
    const iPg = [
      ...begraensninger.rows.map((r) => `${r.tabel}: ${r.conname} ${r.def.replaceAll('"', '')}`),
      // Indexes behind a constraint are the constraint's; the rest are the schema's own.
      ...indekser.rows
        .filter((r) => !begraensninger.rows.some((b) => b.conname === r.indexname))
        .map((r) => {
          const def = `${r.tablename}: ${r.indexdef.replaceAll('"', '')}`;
          return udtryk.has(r.indexname) ? def.replace(/ USING .*$/, ' …') : def;
        }),
    ];
    const forventet = tabeller.flatMap((t) => [
      ...t.columns.filter((c) => c.primary).map((c) => `${t.name}: ${t.name}_pkey PRIMARY KEY (${c.name})`),
      ...t.primaryKeys.map((pk) => `${t.name}: ${pk.getName()} PRIMARY KEY (${navne(pk.columns)})`),
      ...t.columns.filter((c) => c.isUnique).map((c) => `${t.name}: ${c.uniqueName} UNIQUE (${c.name})`),
      ...t.uniqueConstraints.map((u) => `${t.name}: ${u.getName()} UNIQUE (${navne(u.columns)})`),
      ...t.foreignKeys.map((fk) => {
        const r = fk.reference();
        const handling = [
          fk.onUpdate && fk.onUpdate !== 'no action' ? ` ON UPDATE ${fk.onUpdate.toUpperCase()}` : '',
          fk.onDelete && fk.onDelete !== 'no action' ? ` ON DELETE ${fk.onDelete.toUpperCase()}` : '',
        ].join('');
        const til = `${getTableConfig(r.foreignTable).name}(${navne(r.foreignColumns)})`;
        return `${t.name}: ${fk.getName()} FOREIGN KEY (${navne(r.columns)}) REFERENCES ${til}${handling}`;
      }),
      ...t.indexes.map(({ config: i }) => {
        const start = `${t.name}: CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${i.name} ON public.${t.name}`;
        const kolonner = i.columns.map((c) => (is(c, SQL) ? '' : c.name));
        // PostgreSQL rewrites expressions and conditions in its own words: those indexes by name and kind only.
        return kolonner.includes('') || i.where ? `${start} …` : `${start} USING btree (${kolonner.join(', ')})`;
      }),
    ]);
    expect(iPg.sort()).toEqual(forventet.sort());
  });
});
