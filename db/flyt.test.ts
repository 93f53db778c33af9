import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { genererStorData } from '../bench/stor-data.ts';
import { type Db, foerste, lukDatabase, migrateDatabase, openDatabase } from './client.ts';
import { flytTilPostgres } from './flyt.ts';
import { nyPgDatabase, type PgTestDatabase, pgTitel, testPgUrl, tomPgDatabase } from './pg-test.ts';
import { apiNoegler, audit, medarbejdere, personer } from './schema.ts';
import { demoMedarbejdere, seedDemo } from './seed.ts';
import { alleRaekker } from './test-raekker.ts';

let dir: string;
const databaser: PgTestDatabase[] = [];
const aabne: Db[] = [];
afterEach(async () => {
  await Promise.all(aabne.splice(0).map((db) => lukDatabase(db)));
  for (const d of databaser.splice(0)) await d.slet();
  rmSync(dir, { recursive: true, force: true });
});

function aabn(url: string): Db {
  const db = openDatabase(url);
  aabne.push(db);
  return db;
}

async function pgDatabase(migreret = false): Promise<PgTestDatabase> {
  const d = migreret ? await nyPgDatabase() : await tomPgDatabase();
  databaser.push(d);
  return d;
}

async function sqlPaa<T extends pg.QueryResultRow>(url: string, tekst: string): Promise<T[]> {
  const klient = new pg.Client({ connectionString: url });
  await klient.connect();
  try {
    return (await klient.query<T>(tekst)).rows;
  } finally {
    await klient.end();
  }
}

/** A member of staff the move must carry over as not active (a false boolean). */
const peter = demoMedarbejdere[3].id;

const auditRaekke = (personId: string) => ({
  tidspunkt: '2026-11-24T10:00:00.000Z',
  aktoerType: 'borger' as const,
  aktoerId: 'x',
  aktoerNavn: 'x',
  personId,
  handling: 'se' as const,
  hvad: 'Min side',
});

/** A closed SQLite file with the demo, plus what the demo lacks: a blob, a false boolean, a deleted audit id. */
async function demoFil(): Promise<{ fil: string; slettetAudit: number }> {
  dir = mkdtempSync(join(tmpdir(), 'flyt-'));
  const fil = join(dir, 'mit-forloeb.db');
  const db = openDatabase(`file:${fil}`);
  await migrateDatabase(db);
  await seedDemo(db, '2026-11-24');
  await db.insert(apiNoegler).values({
    id: 'noegle',
    system: 'fagsystem',
    secretHash: Buffer.from([0, 1, 2, 0xff, 0x5c, 0x22, 0]),
    scopes: ['skriv:sager'],
    oprettet: '2026-11-24T10:00:00.000Z',
  });
  await db.update(medarbejdere).set({ aktiv: false }).where(eq(medarbejdere.id, peter));
  const person = foerste(await db.select().from(personer))?.id ?? '';
  for (let i = 0; i < 3; i++) await db.insert(audit).values(auditRaekke(person));
  // AUTOINCREMENT remembers the highest id given, also once its row is gone (sqlite_sequence).
  const hoejeste = foerste(await db.select({ id: audit.id }).from(audit).orderBy(desc(audit.id)))?.id ?? 0;
  await db.delete(audit).where(eq(audit.id, hoejeste));
  await lukDatabase(db);
  return { fil, slettetAudit: hoejeste };
}

describe.skipIf(!testPgUrl)('flytning fra SQLite til PostgreSQL', () => {
  it(pgTitel(
    'flytter demoens data, så hver tabel har de samme rækker, og audit fortsætter med nye id’er',
  ), async () => {
    const { fil, slettetAudit } = await demoFil();
    const maal = await pgDatabase();
    const set: { tabel: string; kopieret: number; ialt: number }[] = [];
    // Small batches, so a table takes several inserts.
    const r = await flytTilPostgres(fil, maal.url, { batch: 7, fremskridt: (f) => set.push(f) });

    const kilde = aabn(`file:${fil}`);
    const pgDb = aabn(maal.url);
    const iSqlite = await alleRaekker(kilde);
    expect(await alleRaekker(pgDb)).toEqual(iSqlite);
    expect(Object.values(iSqlite).flat().length).toBeGreaterThan(100);
    expect(r.tabeller.map((t) => [t.navn, t.raekker])).toEqual(
      Object.entries(iSqlite).map(([navn, raekker]) => [navn, raekker.length]),
    );
    expect(set.some((f) => f.kopieret > 0 && f.kopieret < f.ialt)).toBe(true);
    const noegle = foerste(await pgDb.select().from(apiNoegler));
    expect(noegle?.secretHash).toEqual(Buffer.from([0, 1, 2, 0xff, 0x5c, 0x22, 0]));
    expect(foerste(await pgDb.select().from(medarbejdere).where(eq(medarbejdere.id, peter)))?.aktiv).toBe(false);

    // The next audit row gets an id SQLite never gave, not the deleted one's.
    const person = foerste(await pgDb.select().from(personer))?.id ?? '';
    const [ny] = await pgDb.insert(audit).values(auditRaekke(person)).returning({ id: audit.id });
    expect(ny?.id).toBe(slettetAudit + 1);
  }, 120_000);

  it(pgTitel('nægter en PostgreSQL-database, der allerede har portalens data'), async () => {
    const { fil } = await demoFil();
    const maal = await pgDatabase();
    await flytTilPostgres(fil, maal.url);
    const foer = await sqlPaa<{ n: string }>(maal.url, 'SELECT count(*) AS n FROM personer');
    await expect(flytTilPostgres(fil, maal.url)).rejects.toThrow(/har allerede data fra portalen \(.*personer/);
    expect(await sqlPaa<{ n: string }>(maal.url, 'SELECT count(*) AS n FROM personer')).toEqual(foer);
  }, 120_000);

  it(pgTitel('nægter, mens portalen har SQLite-filen åben, og holder portalen ude under flytningen'), async () => {
    const { fil } = await demoFil();
    const maal = await pgDatabase();
    const portal = aabn(`file:${fil}`);
    foerste(await portal.select().from(personer));
    await expect(flytTilPostgres(fil, maal.url)).rejects.toThrow(/Stop tjenesten/);
    await lukDatabase(portal);

    let udelukket: unknown;
    await flytTilPostgres(fil, maal.url, {
      fremskridt: () => {
        if (udelukket !== undefined) return;
        const anden = new Database(fil, { timeout: 0 });
        try {
          udelukket = anden.prepare('select count(*) from personer').get();
        } catch (e) {
          udelukket = (e as { code?: string }).code;
        } finally {
          anden.close();
        }
      },
    });
    expect(udelukket).toBe('SQLITE_BUSY');
  }, 120_000);

  it(pgTitel('gemmer intet, når antallet af rækker i en tabel ikke passer'), async () => {
    const { fil } = await demoFil();
    const maal = await pgDatabase(true);
    // A trigger in the target that swallows every other row of one table.
    await sqlPaa(
      maal.url,
      `CREATE FUNCTION hver_anden() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.score % 2 = 0 THEN RETURN NULL; END IF; RETURN NEW; END $$;
       CREATE TRIGGER hver_anden BEFORE INSERT ON kompasscorer FOR EACH ROW EXECUTE FUNCTION hver_anden();`,
    );
    await expect(flytTilPostgres(fil, maal.url)).rejects.toThrow(/kompasscorer har \d+ rækker i SQLite, men \d+/);
    expect(await sqlPaa(maal.url, 'SELECT 1 FROM personer UNION ALL SELECT 1 FROM audit')).toEqual([]);
  }, 120_000);

  it(pgTitel('nægter en SQLite-fil fra en ældre version og en med tabeller, portalen ikke kender'), async () => {
    const { fil } = await demoFil();
    const maal = await pgDatabase();
    const sqlite = new Database(fil);
    sqlite.exec('create table noget_eget (id integer primary key); insert into noget_eget values (1)');
    sqlite.close();
    await expect(flytTilPostgres(fil, maal.url)).rejects.toThrow(/tabeller, portalen ikke kender \(noget_eget\)/);
    const aeldre = new Database(fil);
    aeldre.exec(
      'drop table noget_eget; delete from __drizzle_migrations where rowid = (select max(rowid) from __drizzle_migrations)',
    );
    aeldre.close();
    await expect(flytTilPostgres(fil, maal.url)).rejects.toThrow(/ældre version af portalen/);
    await expect(flytTilPostgres(join(dir, 'findes-ikke.db'), maal.url)).rejects.toThrow(/findes ikke/);
  }, 120_000);

  it(pgTitel('flytter en nedskaleret udgave af den store database med de samme rækker'), async () => {
    dir = mkdtempSync(join(tmpdir(), 'flyt-stor-'));
    const { path } = await genererStorData(join(dir, 'stor.db'), { borgere: 1_000, audit: 20_000 });
    const maal = await pgDatabase();
    const r = await flytTilPostgres(path, maal.url);
    expect(r.raekker).toBeGreaterThan(25_000);
    expect(await alleRaekker(aabn(maal.url))).toEqual(await alleRaekker(aabn(`file:${path}`)));
  }, 120_000);
});
