/**
 * For tests: a table described as sorted lines (columns with their SQL type, keys, unique constraints,
 * foreign keys, indexes, checks), once from a SQLite table as its PostgreSQL mirror must be, once from
 * a pg-core table as it is. Equal descriptions mean a faithful mirror.
 */
import { is, SQL } from 'drizzle-orm';
import { PgDialect, type PgTable, getTableConfig as pgKonfiguration } from 'drizzle-orm/pg-core';
import {
  type SQLiteTable,
  getTableConfig as sqliteKonfiguration,
  type UpdateDeleteAction,
} from 'drizzle-orm/sqlite-core';

/** The PostgreSQL type each SQLite column type must become (drizzle's columnType). */
export const SPEJLTYPE: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'text',
  SQLiteInteger: 'bigint',
  SQLiteTimestamp: 'bigint',
  SQLiteBoolean: 'integer',
  SQLiteReal: 'double precision',
  SQLiteNumeric: 'numeric',
  SQLiteNumericNumber: 'numeric',
  SQLiteNumericBigInt: 'numeric',
  SQLiteBlobBuffer: 'bytea',
  SQLiteBlobJson: 'bytea',
  SQLiteBigInt: 'bytea',
};

const dialekt = new PgDialect();

function tekst(udtryk: SQL): string {
  return dialekt.sqlToQuery(new SQL([udtryk]).inlineParams(), 'indexes').sql;
}

function vaerdi(v: unknown): string {
  if (v === undefined) return '';
  return ` default ${is(v, SQL) ? tekst(v) : JSON.stringify(v)}`;
}

const handling = (hvad: string, a: UpdateDeleteAction | undefined) =>
  a && a !== 'no action' ? ` on ${hvad} ${a}` : '';
const handlinger = (d: UpdateDeleteAction | undefined, u: UpdateDeleteAction | undefined) =>
  handling('delete', d) + handling('update', u);

type Del = { name: string } | SQL;
const navne = (kolonner: readonly Del[]) => kolonner.map((k) => (is(k, SQL) ? tekst(k) : k.name)).join(', ');

/** What the PostgreSQL mirror of a SQLite table must look like. */
export function forventetSpejl(tabel: SQLiteTable): string[] {
  const k = sqliteKonfiguration(tabel);
  return [
    ...k.columns.map((c) => {
      const identitet = c.primary && c.columnType === 'SQLiteInteger';
      const standard =
        identitet || c.default === undefined || is(c.default, SQL) ? c.default : c.mapToDriverValue(c.default);
      return (
        `kolonne ${c.name} ${SPEJLTYPE[c.columnType] ?? `?${c.columnType}`}${c.notNull ? ' not null' : ''}` +
        `${c.primary ? ' pk' : ''}${identitet ? ' identity' : vaerdi(standard)}${c.isUnique ? ` unique ${c.uniqueName}` : ''}`
      );
    }),
    ...k.primaryKeys.map((pk) => `pk ${pk.getName()} (${navne(pk.columns)})`),
    ...k.uniqueConstraints.map((u) => `unique ${u.getName()} (${navne(u.columns)})`),
    ...k.foreignKeys.map((fk) => {
      const r = fk.reference();
      const til = `${sqliteKonfiguration(r.foreignTable).name}(${navne(r.foreignColumns)})`;
      return `fk ${fk.getName()} (${navne(r.columns)}) -> ${til}${handlinger(fk.onDelete, fk.onUpdate)}`;
    }),
    ...k.indexes.map(({ config: i }) => {
      return `${i.unique ? 'unique index' : 'index'} ${i.name} (${navne(i.columns)})${i.where ? ` where ${tekst(i.where)}` : ''}`;
    }),
    ...k.checks.map((c) => `check ${c.name} ${tekst(c.value)}`),
  ].sort();
}

/** What a pg-core table is, in the same words. */
export function beskrivPg(tabel: PgTable): string[] {
  const k = pgKonfiguration(tabel);
  return [
    ...k.columns.map((c) => {
      const identitet = c.generatedIdentity?.type === 'byDefault';
      return (
        `kolonne ${c.name} ${c.getSQLType()}${c.notNull ? ' not null' : ''}${c.primary ? ' pk' : ''}` +
        `${identitet ? ' identity' : vaerdi(c.default)}${c.isUnique ? ` unique ${c.uniqueName}` : ''}`
      );
    }),
    ...k.primaryKeys.map((pk) => `pk ${pk.getName()} (${navne(pk.columns)})`),
    ...k.uniqueConstraints.map((u) => `unique ${u.getName()} (${navne(u.columns)})`),
    ...k.foreignKeys.map((fk) => {
      const r = fk.reference();
      const til = `${pgKonfiguration(r.foreignTable).name}(${navne(r.foreignColumns)})`;
      return `fk ${fk.getName()} (${navne(r.columns)}) -> ${til}${handlinger(fk.onDelete, fk.onUpdate)}`;
    }),
    ...k.indexes.map(({ config: i }) => {
      const kolonner = i.columns.map((c) => (is(c, SQL) ? c : { name: ('name' in c && c.name) || '?' }));
      return `${i.unique ? 'unique index' : 'index'} ${i.name} (${navne(kolonner)})${i.where ? ` where ${tekst(i.where)}` : ''}`;
    }),
    ...k.checks.map((c) => `check ${c.name} ${tekst(c.value)}`),
  ].sort();
}
