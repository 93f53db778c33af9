/**
 * Writes the PostgreSQL mirror of the SQLite schema as TypeScript source (drizzle pg-core), so the
 * PostgreSQL tables are never written by hand. The portal queries with the SQLite table objects on both
 * engines; drizzle's pg dialect sends what their columns map to (booleans as 1/0, json as text, buffers),
 * so every PostgreSQL column holds exactly what the SQLite column holds:
 * integer -> bigint (integer primary key -> identity), boolean mode -> integer, text -> text, blob -> bytea,
 * real -> double precision, numeric -> numeric. Names, keys, unique constraints, foreign keys, indexes
 * and defaults are copied as they are. Anything else stops the generator with a message.
 */
import { spawnSync } from 'node:child_process';
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  getTableConfig,
  type SQLiteColumn,
  SQLiteTable,
  SQLiteView,
  type UpdateDeleteAction,
  uniqueKeyName,
} from 'drizzle-orm/sqlite-core';

const LINJE = 120;
/** PostgreSQL cuts longer identifiers silently, which would make names differ between the engines. */
const MAKS_NAVN = 63;

/** The pg-core builder for each SQLite column type (drizzle's columnType). */
const TYPER: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'text',
  SQLiteInteger: 'bigint',
  SQLiteTimestamp: 'bigint',
  SQLiteBoolean: 'integer',
  SQLiteReal: 'doublePrecision',
  SQLiteNumeric: 'numeric',
  SQLiteNumericNumber: 'numeric',
  SQLiteNumericBigInt: 'numeric',
  SQLiteBlobBuffer: 'bytea',
  SQLiteBlobJson: 'bytea',
  SQLiteBigInt: 'bytea',
};

const dialekt = new PgDialect();

function fejl(hvor: string, hvad: string): never {
  throw new Error(`db/pg/spejl: ${hvor}: ${hvad}`);
}

/** A string literal with the quote biome picks: single, unless that needs more escapes than double. */
function streng(s: string): string {
  const q = (s.match(/'/g)?.length ?? 0) > (s.match(/"/g)?.length ?? 0) ? '"' : "'";
  const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${q}${escaped.replaceAll(q, `\\${q}`)}${q}`;
}

function navn(hvor: string, n: string): string {
  if (n.length > MAKS_NAVN) fejl(hvor, `the name ${n} is longer than PostgreSQL's ${MAKS_NAVN} characters`);
  return n;
}

/** SQL from the SQLite schema (an index expression, a where, a check, a default) as PostgreSQL text. */
function raaSql(hvor: string, udtryk: SQL): string {
  // Wrapped, so inlining the parameters does not change the schema's own object.
  const { sql: tekst, params } = dialekt.sqlToQuery(new SQL([udtryk]).inlineParams(), 'indexes');
  if (params.length > 0) fejl(hvor, 'SQL with parameters that cannot be written inline');
  return `sql.raw(${streng(tekst)})`;
}

function noegle(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : streng(k);
}

/** A chain such as text('x').notNull().references(...), laid out as biome formats it. */
function kaede(hoved: string, led: string[], indryk: number, foer: string, efter: string): string[] {
  const enLinje = `${foer}${hoved}${led.map((l) => `.${l}`).join('')}${efter}`;
  // biome (like prettier) breaks a chain of more than two calls when one takes a function.
  const harFunktion = led.some((l) => l.includes('=>'));
  if (enLinje.length + indryk <= LINJE && !(harFunktion && led.length >= 2)) return [enLinje];
  const sidst = led.length - 1;
  return [`${foer}${hoved}`, ...led.map((l, i) => `  .${l}${i === sidst ? efter : ''}`)];
}

function handling(a: UpdateDeleteAction | undefined): UpdateDeleteAction | undefined {
  return a === 'no action' ? undefined : a;
}

function handlinger(onDelete: UpdateDeleteAction | undefined, onUpdate: UpdateDeleteAction | undefined): string {
  const dele = [
    handling(onDelete) && `onDelete: '${handling(onDelete)}'`,
    handling(onUpdate) && `onUpdate: '${handling(onUpdate)}'`,
  ].filter(Boolean);
  return dele.length > 0 ? `{ ${dele.join(', ')} }` : '';
}

function standardvaerdi(hvor: string, kolonne: SQLiteColumn): string {
  const v: unknown = kolonne.default;
  if (is(v, SQL)) return raaSql(hvor, v);
  // What the SQLite column would store: true -> 1, json -> its text.
  const lagret: unknown = kolonne.mapToDriverValue(v);
  if (typeof lagret === 'number' || typeof lagret === 'bigint') return String(lagret);
  if (typeof lagret === 'string') return streng(lagret);
  return fejl(hvor, `a default of type ${typeof lagret} has no PostgreSQL literal here`);
}

type Tabel = { eksport: string; tabel: SQLiteTable };

/** The TypeScript source of db/pg/schema.ts for the SQLite tables exported by `skema`. */
export function pgSkemaKilde(skema: Record<string, unknown>): string {
  const tabeller: Tabel[] = [];
  // Sorted: a module namespace lists its exports in a different order under node and under vitest.
  const eksporter = Object.entries(skema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [eksport, v] of eksporter) {
    if (is(v, SQLiteView)) fejl(eksport, 'views are not mirrored; add them to the generator');
    if (is(v, SQLiteTable)) tabeller.push({ eksport, tabel: v });
  }
  const tabelNavn = new Map(tabeller.map((t) => [t.tabel, t.eksport]));
  const kolonneNoegle = new Map<SQLiteColumn, string>();
  for (const { tabel } of tabeller) {
    for (const [k, c] of Object.entries(getTableColumns(tabel))) kolonneNoegle.set(c, k);
  }
  const ref = (hvor: string, c: SQLiteColumn): string => {
    const t =
      tabelNavn.get(c.table) ?? fejl(hvor, `references ${getTableName(c.table)}, which the schema does not export`);
    return `${t}.${noegle(kolonneNoegle.get(c) ?? fejl(hvor, `unknown column ${c.name}`))}`;
  };
  /** A column of the table being written, as the extra-config callback names it. */
  const egen = (c: SQLiteColumn): string => `t.${noegle(kolonneNoegle.get(c) ?? c.name)}`;
  const brugt = new Set<string>(['pgTable']);
  const bruger = (n: string) => brugt.add(n);
  let medSql = false;
  const raa = (hvor: string, udtryk: SQL) => {
    medSql = true;
    return raaSql(hvor, udtryk);
  };

  const blokke = tabeller.map(({ eksport, tabel }) => {
    const cfg = getTableConfig(tabel);
    navn(eksport, cfg.name);
    const kolonner = Object.entries(getTableColumns(tabel));
    const ekstra: string[] = [];

    // A single-column foreign key with drizzle's own name stays on its column, as in db/schema.ts.
    const paaKolonne = new Map<SQLiteColumn, string>();
    for (const fk of cfg.foreignKeys) {
      const r = fk.reference();
      const fkNavn = navn(eksport, fk.getName());
      const akt = handlinger(fk.onDelete, fk.onUpdate);
      const [kol] = r.columns;
      const [fremmed] = r.foreignColumns;
      const standardNavn = [cfg.name, kol?.name, getTableName(r.foreignTable), fremmed?.name].join('_').concat('_fk');
      if (r.columns.length === 1 && kol && fremmed && fkNavn === standardNavn && !paaKolonne.has(kol)) {
        bruger('AnyPgColumn');
        paaKolonne.set(kol, `references((): AnyPgColumn => ${ref(eksport, fremmed)}${akt ? `, ${akt}` : ''})`);
        continue;
      }
      bruger('foreignKey');
      const kols = r.columns.map((c) => egen(c)).join(', ');
      const fremmede = r.foreignColumns.map((c) => ref(eksport, c)).join(', ');
      const akter = [fk.onDelete && `.onDelete('${fk.onDelete}')`, fk.onUpdate && `.onUpdate('${fk.onUpdate}')`];
      const fkKilde = `foreignKey({ name: ${streng(fkNavn)}, columns: [${kols}], foreignColumns: [${fremmede}] })`;
      ekstra.push(fkKilde + akter.filter(Boolean).join(''));
    }

    const linjer = kolonner.flatMap(([k, c]) => {
      const hvor = `${eksport}.${k}`;
      navn(hvor, c.name);
      if (c.generated) fejl(hvor, 'generated columns are not mirrored; add them to the generator');
      const type = TYPER[c.columnType] ?? fejl(hvor, `the column type ${c.columnType} has no PostgreSQL mirror`);
      bruger(type);
      const hoved = type === 'bigint' ? `bigint(${streng(c.name)}, { mode: 'number' })` : `${type}(${streng(c.name)})`;
      const led: string[] = [];
      if (c.primary) led.push('primaryKey()');
      else if (c.notNull) led.push('notNull()');
      // SQLite numbers an integer primary key itself (it is the rowid), with or without AUTOINCREMENT.
      if (c.primary && c.columnType === 'SQLiteInteger') led.push('generatedByDefaultAsIdentity()');
      else if (c.default !== undefined) led.push(`default(${standardvaerdi(hvor, c)})`);
      if (c.isUnique) {
        const un = navn(hvor, c.uniqueName ?? uniqueKeyName(tabel, [c.name]));
        led.push(un === uniqueKeyName(tabel, [c.name]) ? 'unique()' : `unique(${streng(un)})`);
      }
      const r = paaKolonne.get(c);
      if (r) led.push(r);
      return kaede(hoved, led, 4, `${noegle(k)}: `, ',');
    });
    if (kolonner.some(([, c]) => is(c.default, SQL))) medSql = true;

    for (const pk of cfg.primaryKeys) {
      bruger('primaryKey');
      const kols = pk.columns.map((c) => egen(c)).join(', ');
      const pkNavn = navn(eksport, pk.getName());
      const standard = `${cfg.name}_${pk.columns.map((c) => c.name).join('_')}_pk`;
      ekstra.push(`primaryKey({ ${pkNavn === standard ? '' : `name: ${streng(pkNavn)}, `}columns: [${kols}] })`);
    }
    for (const u of cfg.uniqueConstraints) {
      bruger('unique');
      const kols = u.columns.map((c) => egen(c)).join(', ');
      const unNavn =
        u.getName() ??
        uniqueKeyName(
          tabel,
          u.columns.map((c) => c.name),
        );
      ekstra.push(`unique(${streng(navn(eksport, unNavn))}).on(${kols})`);
    }
    for (const ix of cfg.indexes) {
      const { name: ixNavn, columns, unique, where } = ix.config;
      const hvor = `${eksport}.${ixNavn}`;
      bruger(unique ? 'uniqueIndex' : 'index');
      const kols = columns.map((c) => (is(c, SQL) ? raa(hvor, c) : egen(c))).join(', ');
      const betingelse = where ? `.where(${raa(hvor, where)})` : '';
      ekstra.push(`${unique ? 'uniqueIndex' : 'index'}(${streng(navn(hvor, ixNavn))}).on(${kols})${betingelse}`);
    }
    for (const ck of cfg.checks) {
      bruger('check');
      ekstra.push(`check(${streng(navn(eksport, ck.name))}, ${raa(`${eksport}.${ck.name}`, ck.value)})`);
    }

    if (ekstra.length === 0) {
      return [`export const ${eksport} = pgTable(${streng(cfg.name)}, {`, ...linjer.map((l) => `  ${l}`), '});'].join(
        '\n',
      );
    }
    const array = `(t) => [${ekstra.join(', ')}],`;
    const ekstraLinjer =
      array.length + 2 <= LINJE ? [`  ${array}`] : ['  (t) => [', ...ekstra.map((e) => `    ${e},`), '  ],'];
    return [
      `export const ${eksport} = pgTable(`,
      `  ${streng(cfg.name)},`,
      '  {',
      ...linjer.map((l) => `    ${l}`),
      '  },',
      ...ekstraLinjer,
      ');',
    ].join('\n');
  });

  const bytea = brugt.delete('bytea');
  if (bytea) bruger('customType');
  const navne = [...brugt].sort((a, b) => a.localeCompare(b, 'en')).map((n) => (n === 'AnyPgColumn' ? `type ${n}` : n));
  const enImport = `import { ${navne.join(', ')} } from 'drizzle-orm/pg-core';`;
  const importer = [
    ...(medSql ? ["import { sql } from 'drizzle-orm';"] : []),
    enImport.length <= LINJE
      ? enImport
      : ['import {', ...navne.map((n) => `  ${n},`), "} from 'drizzle-orm/pg-core';"].join('\n'),
  ];
  return [
    '// GENERATED from db/schema.ts by scripts/pg-skema.ts: do not edit by hand.',
    '// Regenerate with `npm run db:pg-skema` (`npm run db:generate` also does it and makes the migrations).',
    '// The PostgreSQL mirror of the SQLite tables, only for drizzle-kit (db/drizzle.pg.config.ts): the portal',
    '// queries with the tables in db/schema.ts on both engines.',
    importer.join('\n'),
    ...(bytea
      ? [
          "\n/** SQLite's blob; drizzle-orm's pg-core has no bytea builder. */",
          "const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });",
        ]
      : []),
    '',
    blokke.join('\n\n'),
    '',
  ].join('\n');
}

const ROD = new URL('../../', import.meta.url).pathname;

/**
 * db/pg/schema.ts as written to disk: pgSkemaKilde laid out by the project's biome (the source is already
 * close; biome settles long lines), so the file passes the gate and the staleness test compares exactly.
 */
export function pgSkemaFil(skema: Record<string, unknown>): string {
  const biome = spawnSync(`${ROD}node_modules/.bin/biome`, ['check', '--write', '--stdin-file-path=db/pg/schema.ts'], {
    cwd: ROD,
    input: pgSkemaKilde(skema),
    encoding: 'utf8',
  });
  if (biome.status !== 0 || !biome.stdout) throw new Error(`db/pg/spejl: biome: ${biome.stderr || biome.error}`);
  return biome.stdout;
}
