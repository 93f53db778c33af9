/**
 * The portal's tables, read from db/schema.ts, in foreign-key order: every table after the tables it
 * references, so they can be filled one after another with the keys checked at once.
 */
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as skema from './schema.ts';

export interface Afhaengighed {
  navn: string;
  /** The tables this one's foreign keys reference. */
  refererer: readonly string[];
}

/**
 * Kahn's order, ties by name so two runs agree. A table that references itself, or a cycle, cannot be
 * filled in one pass with the keys checked at once: that stops here, naming the tables.
 */
export function iFremmednoegleOrden(tabeller: readonly Afhaengighed[]): string[] {
  const tilbage = new Map(tabeller.map((t) => [t.navn, new Set(t.refererer)]));
  const orden: string[] = [];
  while (tilbage.size > 0) {
    const klar = [...tilbage]
      .filter(([, refs]) => [...refs].every((r) => !tilbage.has(r)))
      .map(([navn]) => navn)
      .sort();
    if (klar.length === 0) {
      throw new Error(`Fremmednøglerne går i ring mellem ${[...tilbage.keys()].sort().join(', ')}`);
    }
    for (const navn of klar) {
      orden.push(navn);
      tilbage.delete(navn);
    }
  }
  return orden;
}

/** Every table of db/schema.ts, each after the tables it references. */
export function portalTabeller(): SQLiteTable[] {
  const tabeller = new Map<string, SQLiteTable>();
  for (const v of Object.values(skema)) if (is(v, SQLiteTable)) tabeller.set(getTableName(v), v);
  const orden = iFremmednoegleOrden(
    [...tabeller].map(([navn, t]) => ({
      navn,
      refererer: getTableConfig(t).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)),
    })),
  );
  return orden.map((navn) => tabeller.get(navn)).filter((t): t is SQLiteTable => t !== undefined);
}
