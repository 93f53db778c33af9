/**
 * Moves a municipality's data from the embedded SQLite file to an empty PostgreSQL database, in ONE
 * PostgreSQL transaction: either every row of every table is there, counted, or nothing is. Attachments
 * (BILAG_DIR) stay where they are on disk; both engines read them from there.
 */
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { checkSqlite } from './backup.ts';
import { stopPortalenFoerst } from './backup-regler.ts';
import {
  anvendteMigreringer,
  anvendteSqliteMigreringer,
  kendteMigreringer,
  lukDatabase,
  migrateDatabase,
  openDatabase,
  SKRIVELAAS,
} from './client.ts';
import { type FlytTabel, flytTabeller } from './flyt-tabeller.ts';
import { aabnEneret } from './sqlite-eneret.ts';

export interface Fremskridt {
  tabel: string;
  kopieret: number;
  ialt: number;
}

export interface FlytValg {
  /** Rows per insert statement. */
  batch?: number;
  /** Called after each batch and when a table is done. */
  fremskridt?: (f: Fremskridt) => void;
}

export interface FlytResultat {
  /** Every table in the order it was copied, with its rows (counted on both engines, equal). */
  tabeller: { navn: string; raekker: number }[];
  raekker: number;
  sekunder: number;
}

const STANDARD_BATCH = 5_000;

/** A table or column name quoted the way both engines read it. */
const navnISql = (navn: string) => `"${navn.replaceAll('"', '""')}"`;

/** SQLite's own tables and the migrations' bookkeeping, which each engine keeps for itself. */
const IKKE_DATA = /^(sqlite_|__drizzle_migrations$)/;

/** Why the SQLite file cannot be moved as it is, or null. The caller holds it open alone. */
function kildeFejl(sqlite: Database.Database, tabeller: FlytTabel[]): string | null {
  const fejl = checkSqlite(sqlite, kendteMigreringer('sqlite'), 'quick_check');
  if (fejl) return fejl;
  const anvendt = anvendteSqliteMigreringer(sqlite);
  const kendte = kendteMigreringer('sqlite');
  if (anvendt < kendte) {
    return `Filen er fra en ældre version af portalen (${anvendt} af ${kendte} migreringer). Start portalen på denne version én gang med filen (den migrerer ved start), stop den, og flyt så.`;
  }
  const kendteTabeller = new Set(tabeller.map((t) => t.navn));
  const ukendte = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !IKKE_DATA.test(n) && !kendteTabeller.has(n));
  if (ukendte.length > 0) {
    return `Filen har tabeller, portalen ikke kender (${ukendte.join(', ')}): de ville ikke komme med, så intet er flyttet.`;
  }
  return null;
}

/** Migrates the target as the portal would at start; refuses one a newer version has migrated. */
async function migrerMaal(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    await migrateDatabase(db);
    const anvendt = await anvendteMigreringer(db);
    const kendte = kendteMigreringer('postgres');
    if (anvendt > kendte) {
      throw new Error(
        `PostgreSQL-databasen er migreret af en nyere version af portalen (${anvendt} migreringer, denne version kender ${kendte}).`,
      );
    }
  } finally {
    await lukDatabase(db);
  }
}

async function tjekTom(klient: pg.Client, tabeller: FlytTabel[]): Promise<void> {
  const med: string[] = [];
  for (const t of tabeller) {
    const r = await klient.query<{ findes: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${navnISql(t.navn)}) AS findes`);
    if (r.rows[0]?.findes) med.push(t.navn);
  }
  if (med.length > 0) {
    throw new Error(
      `PostgreSQL-databasen har allerede data fra portalen (${med.slice(0, 5).join(', ')}${med.length > 5 ? ` og ${med.length - 5} tabeller mere` : ''}). Flytningen fylder kun en tom database: brug en ny, tom database.`,
    );
  }
}

/**
 * One table, in batches: each batch is one INSERT of one array per column, unnested on the server, so
 * a statement's size does not depend on the number of columns and one prepared plan serves them all.
 */
async function kopierTabel(
  sqlite: Database.Database,
  klient: pg.Client,
  t: FlytTabel,
  batch: number,
  fremskridt: FlytValg['fremskridt'],
): Promise<number> {
  const kolonner = t.kolonner.map((k) => navnISql(k.navn)).join(', ');
  const ialt = sqlite
    .prepare(`select count(*) from ${navnISql(t.navn)}`)
    .pluck()
    .get() as number;
  const indsaet = {
    name: `flyt_${t.navn}`,
    text: `INSERT INTO ${navnISql(t.navn)} (${kolonner}) SELECT * FROM unnest(${t.kolonner
      .map((k, i) => `$${i + 1}::${k.pgType}[]`)
      .join(', ')})`,
  };
  let kopieret = 0;
  let kolonneVaerdier: unknown[][] = t.kolonner.map(() => []);
  let undervejs: Promise<unknown> = Promise.resolve();
  const send = async () => {
    const vaerdier = kolonneVaerdier;
    const antal = vaerdier[0]?.length ?? 0;
    kolonneVaerdier = t.kolonner.map(() => []);
    // The previous batch runs on the server while this one was read from SQLite.
    await undervejs;
    undervejs = klient.query({ ...indsaet, values: vaerdier }).then(() => {
      kopieret += antal;
      fremskridt?.({ tabel: t.navn, kopieret, ialt });
    });
    // Awaited by the next batch or at the end; until then a failure is not an unhandled rejection.
    undervejs.catch(() => {});
  };
  // Raw rows, integers as BigInt: what SQLite holds, without rounding a large integer.
  const laes = sqlite
    .prepare(`select ${kolonner} from ${navnISql(t.navn)}`)
    .raw(true)
    .safeIntegers(true);
  for (const raekke of laes.iterate() as IterableIterator<unknown[]>) {
    for (let i = 0; i < raekke.length; i++) kolonneVaerdier[i]?.push(raekke[i]);
    if ((kolonneVaerdier[0]?.length ?? 0) >= batch) await send();
  }
  if ((kolonneVaerdier[0]?.length ?? 0) > 0) await send();
  await undervejs;
  if (ialt === 0) fremskridt?.({ tabel: t.navn, kopieret, ialt });
  return ialt;
}

/**
 * Every identity or serial column continues after the highest id copied, or after the highest id
 * SQLite ever gave (AUTOINCREMENT remembers deleted ones in sqlite_sequence): an id is never reused.
 */
async function nulstilSekvenser(sqlite: Database.Database, klient: pg.Client): Promise<void> {
  const harSekvenser = sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_sequence'").get();
  const givet = new Map(
    harSekvenser ? (sqlite.prepare('select name, seq from sqlite_sequence').raw(true).all() as [string, number][]) : [],
  );
  const kolonner = await klient.query<{ tabel: string; kolonne: string; sekvens: string }>(
    `SELECT c.relname AS tabel, a.attname AS kolonne,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sekvens
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL`,
  );
  for (const { tabel, kolonne, sekvens } of kolonner.rows) {
    await klient.query(
      `SELECT setval($1, greatest(v, 1), v >= 1)
       FROM (SELECT greatest(coalesce(max(${navnISql(kolonne)}), 0), $2::bigint) AS v
             FROM ${navnISql(tabel)}) x`,
      [sekvens, givet.get(tabel) ?? 0],
    );
  }
}

async function tjekAntal(klient: pg.Client, optalt: FlytResultat['tabeller']): Promise<void> {
  for (const { navn, raekker } of optalt) {
    const r = await klient.query<{ n: number }>(`SELECT count(*) AS n FROM ${navnISql(navn)}`);
    const i = Number(r.rows[0]?.n);
    if (i !== raekker) {
      throw new Error(`${navn} har ${raekker} rækker i SQLite, men ${i} i PostgreSQL. Intet er flyttet.`);
    }
  }
}

/**
 * Copies every table of the SQLite file at `kilde` into the PostgreSQL database at `pgUrl`. The file
 * is held with an exclusive lock from start to end: a running portal makes the move refuse, and a
 * portal started meanwhile cannot write a row the move would leave behind. The target is migrated,
 * must hold no portal data, and is written in one transaction that holds the portal's writer lock.
 */
export async function flytTilPostgres(kilde: string, pgUrl: string, valg: FlytValg = {}): Promise<FlytResultat> {
  const start = performance.now();
  if (!existsSync(kilde)) throw new Error(`SQLite-filen findes ikke: ${kilde}`);
  const sqlite = aabnEneret(kilde);
  if (!sqlite) throw new Error(stopPortalenFoerst(kilde));
  try {
    const tabeller = flytTabeller();
    const fejl = kildeFejl(sqlite, tabeller);
    if (fejl) throw new Error(fejl);
    await migrerMaal(pgUrl);
    const klient = new pg.Client({ connectionString: pgUrl, application_name: 'mit-forloeb-flyt' });
    await klient.connect();
    try {
      await klient.query('BEGIN');
      await klient.query('SELECT pg_advisory_xact_lock($1)', [SKRIVELAAS]);
      await tjekTom(klient, tabeller);
      const optalt: FlytResultat['tabeller'] = [];
      for (const t of tabeller) {
        optalt.push({
          navn: t.navn,
          raekker: await kopierTabel(sqlite, klient, t, valg.batch ?? STANDARD_BATCH, valg.fremskridt),
        });
      }
      await nulstilSekvenser(sqlite, klient);
      await tjekAntal(klient, optalt);
      await klient.query('COMMIT');
      return {
        tabeller: optalt,
        raekker: optalt.reduce((s, t) => s + t.raekker, 0),
        sekunder: (performance.now() - start) / 1000,
      };
    } catch (e) {
      await klient.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      await klient.end();
    }
  } finally {
    sqlite.close();
  }
}
