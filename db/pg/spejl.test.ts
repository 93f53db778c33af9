import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import {
  type AnySQLiteColumn,
  blob,
  check,
  customType,
  foreignKey,
  getTableConfig,
  index,
  integer,
  numeric,
  primaryKey,
  real,
  SQLiteTable,
  sqliteTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as skema from '../schema.ts';
import * as pgSkema from './schema.ts';
import { pgSkemaFil, pgSkemaKilde } from './spejl.ts';
import { beskrivPg, forventetSpejl, SPEJLTYPE } from './spejl-beskrivelse.ts';

function sqliteTabeller(s: Record<string, unknown>): Map<string, SQLiteTable> {
  return new Map(Object.entries(s).flatMap(([k, v]) => (is(v, SQLiteTable) ? [[k, v] as const] : [])));
}

function pgTabeller(s: Record<string, unknown>): Map<string, PgTable> {
  return new Map(Object.entries(s).flatMap(([k, v]) => (is(v, PgTable) ? [[k, v] as const] : [])));
}

function sammenlign(sqlite: Map<string, SQLiteTable>, pg: Map<string, PgTable>): void {
  expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
  for (const [navn, tabel] of sqlite) {
    const spejl = pg.get(navn);
    expect(spejl, navn).toBeDefined();
    if (spejl) expect(beskrivPg(spejl), navn).toEqual(forventetSpejl(tabel));
  }
}

type Snapshot = {
  tables: Record<
    string,
    {
      name: string;
      columns: Record<string, { name: string; type: string; notNull: boolean }>;
      indexes: Record<string, unknown>;
      foreignKeys: Record<string, unknown>;
      compositePrimaryKeys: Record<string, unknown>;
      uniqueConstraints: Record<string, unknown>;
    }
  >;
};

/** The newest drizzle-kit snapshot of db/migrations-pg: the schema its migrations lead to. */
function nyesteSnapshot(): Snapshot {
  const meta = new URL('../migrations-pg/meta/', import.meta.url);
  const sidste = readdirSync(meta)
    .filter((f) => f.endsWith('_snapshot.json'))
    .sort()
    .at(-1);
  return JSON.parse(readFileSync(new URL(sidste ?? 'mangler', meta), 'utf8'));
}

// Edge cases db/schema.ts does not have (yet): the mirror must still be faithful.
const kunder = sqliteTable('kunder', {
  id: integer('id').primaryKey(),
  aktiv: integer('aktiv', { mode: 'boolean' }).notNull().default(false),
  data: text('data', { mode: 'json' }).$type<string[]>().notNull().default(['a']),
  vaegt: real('vaegt'),
  beloeb: numeric('beloeb'),
  foto: blob('foto', { mode: 'buffer' }),
  oprettet: integer('oprettet', { mode: 'timestamp_ms' }).notNull().default(sql`0`),
  email: text('email').unique('kunder_eget_navn'),
  chefId: integer('chef_id').references((): AnySQLiteColumn => kunder.id, { onDelete: 'set null' }),
});
const ordrer = sqliteTable(
  'ordrer',
  {
    kundeId: integer('kunde_id').notNull(),
    nr: integer('nr').notNull(),
    status: text('status', { enum: ['aaben', 'lukket'] })
      .notNull()
      .default('aaben'),
    note: text('note').default("kundens 'note'\n"),
  },
  (t) => [
    primaryKey({ columns: [t.kundeId, t.nr] }),
    foreignKey({ name: 'ordre_kunde', columns: [t.kundeId], foreignColumns: [kunder.id] }).onDelete('cascade'),
    unique().on(t.kundeId, t.status),
    uniqueIndex('ordrer_aaben').on(t.kundeId).where(sql`${t.status} = 'aaben'`),
    index('ordrer_lukket').on(t.kundeId, sql`lower(${t.note})`).where(eq(t.status, 'lukket')),
    check('nr_positivt', sql`${t.nr} > 0`),
  ],
);
const linjer = sqliteTable(
  'linjer',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kundeId: integer('kunde_id').notNull(),
    nr: integer('nr').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.kundeId, t.nr], foreignColumns: [ordrer.kundeId, ordrer.nr] })
      .onDelete('cascade')
      .onUpdate('restrict'),
  ],
);

describe('PostgreSQL-spejlet af skemaet', () => {
  it('db/pg/schema.ts er genereret af den nuværende db/schema.ts (ellers: npm run db:generate)', () => {
    const fil = readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
    expect(fil, 'db/pg/schema.ts er forældet: kør npm run db:generate').toBe(pgSkemaFil(skema));
  });

  it('har samme tabeller, kolonner, nøgler, fremmednøgler og indekser som SQLite, med spejlede typer', () => {
    sammenlign(sqliteTabeller(skema), pgTabeller(pgSkema));
  });

  it('PostgreSQL-migreringerne når frem til spejlet (ellers: npm run db:generate)', () => {
    const fraSnapshot = Object.values(nyesteSnapshot().tables).flatMap((t) => [
      ...Object.values(t.columns).map((c) => `${t.name}.${c.name} ${c.type}${c.notNull ? ' not null' : ''}`),
      ...[t.indexes, t.foreignKeys, t.compositePrimaryKeys, t.uniqueConstraints].flatMap((r) =>
        Object.keys(r).map((n) => `${t.name}: ${n}`),
      ),
    ]);
    const fraSqlite = [...sqliteTabeller(skema).values()].flatMap((tabel) => {
      const k = getTableConfig(tabel);
      const navne = [
        ...k.indexes.map((i) => i.config.name),
        ...k.foreignKeys.map((f) => f.getName()),
        ...k.primaryKeys.map((p) => p.getName()),
        ...k.uniqueConstraints.map((u) => u.getName()),
        ...k.columns.filter((c) => c.isUnique).map((c) => c.uniqueName),
      ];
      return [
        ...k.columns.map((c) => `${k.name}.${c.name} ${SPEJLTYPE[c.columnType]}${c.notNull ? ' not null' : ''}`),
        ...navne.map((n) => `${k.name}: ${n}`),
      ];
    });
    expect(fraSnapshot.sort()).toEqual(fraSqlite.sort());
  });

  it('spejler også sammensatte nøgler, delvise indekser, checks, standardværdier og egne navne tro', async () => {
    const syntetisk = { kunder, ordrer, linjer };
    const kilde = pgSkemaKilde(syntetisk);
    // Inside the project, so the generated file finds drizzle-orm in node_modules.
    const mappe = new URL('../../data/', import.meta.url).pathname;
    mkdirSync(mappe, { recursive: true });
    const tmp = mkdtempSync(join(mappe, 'spejl-'));
    try {
      writeFileSync(join(tmp, 'schema.ts'), kilde);
      const genereret: Record<string, unknown> = await import(join(tmp, 'schema.ts'));
      sammenlign(sqliteTabeller(syntetisk), pgTabeller(genereret));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    // What the SQLite column stores, not the JavaScript value: false -> 0, json -> its text.
    expect(kilde).toContain("aktiv: integer('aktiv').notNull().default(0),");
    expect(kilde).toContain(`data: text('data').notNull().default('["a"]'),`);
    expect(kilde).toContain("id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),");
    expect(kilde).toContain(`.where(sql.raw('"status" = \\'lukket\\''))`);
  });

  it('stopper med en besked ved en kolonnetype uden spejl eller et navn, PostgreSQL ville afkorte', () => {
    const punkt = customType<{ data: string }>({ dataType: () => 'point' });
    expect(() => pgSkemaKilde({ t: sqliteTable('t', { p: punkt('p') }) })).toThrow(/t\.p: .*no PostgreSQL mirror/);
    const langt = 'et_meget_langt_navn_paa_en_tabel_som_postgresql_ville_skaere_af_her';
    expect(() => pgSkemaKilde({ t: sqliteTable(langt, { id: text('id') }) })).toThrow(/longer than PostgreSQL's 63/);
  });
});
