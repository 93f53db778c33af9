/**
 * A kept statement's rows as objects, the way drizzle's `mapResultRow` makes them, with what is the
 * same for every row (each column's place, its decoder, its table) worked out once per statement.
 * drizzle works it out again for every column of every row, through an iterator per column: on
 * Min side that was 15 of the 250 kB a view allocated, and about 3 % of the request thread's time.
 * The same objects, nulls and left-join rules as drizzle's (db/raekker.test.ts).
 */
import { Column, getTableName, is, SQL, Subquery } from 'drizzle-orm';

/** A selected field as drizzle's prepared query holds it (`fields`): where it goes, and what it is. */
export interface Felt {
  path: string[];
  field: unknown;
}

interface Dekoder {
  mapFromDriverValue(vaerdi: unknown): unknown;
}

interface Kolonne {
  foran: readonly string[];
  navn: string;
  dekoder: Dekoder;
  /** For a column of a joined table (path [table, column]): the table, whose object becomes null if all its columns are. */
  tabel: string | undefined;
}

type Objekt = Record<string, unknown>;

// drizzle keeps an SQL's decoder internal; these are the places it reads it from.
type MedDekoder = { decoder: Dekoder };

function dekoder(field: unknown): Dekoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as MedDekoder).decoder;
  if (is(field, Subquery)) return (field._ as unknown as { sql: MedDekoder }).sql.decoder;
  return (field as { sql: MedDekoder }).sql.decoder;
}

/** Maps one row (its values in `felter`' order) to drizzle's object; `ikkeNull` is drizzle's `joinsNotNullableMap`. */
export function raekkeMapper(
  felter: readonly Felt[],
  ikkeNull: Record<string, boolean> | undefined,
): (raekke: readonly unknown[]) => Objekt {
  const kolonner: Kolonne[] = felter.map(({ path, field }) => ({
    foran: path.slice(0, -1),
    navn: path[path.length - 1] as string,
    dekoder: dekoder(field),
    tabel: ikkeNull && is(field, Column) && path.length === 2 ? getTableName(field.table) : undefined,
  }));
  const medJoin = kolonner.some((k) => k.tabel !== undefined);
  return (raekke) => {
    const resultat: Objekt = {};
    // Per object of a joined table: the table while all its columns so far were null, else false.
    const nulstil: Record<string, string | false> | undefined = medJoin ? {} : undefined;
    for (let i = 0; i < kolonner.length; i++) {
      const k = kolonner[i] as Kolonne;
      let node = resultat;
      for (const del of k.foran) {
        if (!(del in node)) node[del] = {};
        node = node[del] as Objekt;
      }
      const raa = raekke[i];
      const vaerdi = raa === null ? null : k.dekoder.mapFromDriverValue(raa);
      node[k.navn] = vaerdi;
      if (nulstil && k.tabel !== undefined) {
        const objekt = k.foran[0] as string;
        const foer = nulstil[objekt];
        if (foer === undefined) nulstil[objekt] = vaerdi === null ? k.tabel : false;
        else if (foer !== false && foer !== k.tabel) nulstil[objekt] = false;
      }
    }
    if (nulstil)
      for (const objekt in nulstil) {
        const tabel = nulstil[objekt];
        if (tabel !== undefined && tabel !== false && !ikkeNull?.[tabel]) resultat[objekt] = null;
      }
    return resultat;
  };
}
