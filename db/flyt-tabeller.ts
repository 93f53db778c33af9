/**
 * What the move from SQLite to PostgreSQL copies: every table of db/schema.ts in foreign-key order,
 * its columns, and each column's PostgreSQL type from the generated mirror (db/pg/schema.ts). The
 * mirror stores what the SQLite column stores (booleans as integers, times as text, blobs as bytea),
 * so a value read raw from SQLite goes into its PostgreSQL column unchanged.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as pgSkema from './pg/schema.ts';
import { portalTabeller } from './portal-tabeller.ts';

export interface FlytKolonne {
  navn: string;
  /** The PostgreSQL type, as an array of it is cast in the insert (text, bigint, integer, bytea, ...). */
  pgType: string;
}

export interface FlytTabel {
  navn: string;
  kolonner: FlytKolonne[];
}

/** The tables to copy, each after the tables it references. */
export function flytTabeller(): FlytTabel[] {
  const pgTyper = new Map<string, Map<string, string>>();
  for (const v of Object.values(pgSkema)) {
    if (!is(v, PgTable)) continue;
    const cfg = getTableConfig(v);
    pgTyper.set(cfg.name, new Map(cfg.columns.map((c) => [c.name, c.getSQLType()])));
  }
  return portalTabeller().map((tabel) => {
    const navn = getTableName(tabel);
    const typer = pgTyper.get(navn);
    const kolonner = Object.values(getTableColumns(tabel)).map((c) => {
      const pgType = typer?.get(c.name);
      // The mirror is generated; a difference means it was not regenerated after a schema change.
      if (!pgType) throw new Error(`${navn}.${c.name} mangler i db/pg/schema.ts: kør npm run db:pg-skema`);
      return { navn: c.name, pgType };
    });
    return { navn, kolonner };
  });
}
