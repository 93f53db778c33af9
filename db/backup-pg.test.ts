import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { backupPostgres, checkPgDump, portalensForbindelser, restorePostgres } from './backup-pg.ts';
import { type Db, foerste, kendteMigreringer, lukDatabase, openDatabase } from './client.ts';
import { nyPgDatabase, type PgTestDatabase, pgTitel, testPgUrl, tomPgDatabase } from './pg-test.ts';
import { findPgProgram } from './pg-vaerktoej.ts';
import { audit, personer } from './schema.ts';
import { seedDemo } from './seed.ts';
import { alleRaekker } from './test-raekker.ts';

let dir: string;
const databaser: PgTestDatabase[] = [];
const aabnePortaler: Db[] = [];
afterEach(async () => {
  await lukPortaler();
  for (const d of databaser.splice(0)) await d.slet();
  rmSync(dir, { recursive: true, force: true });
});

async function database(tom = false): Promise<PgTestDatabase> {
  const d = tom ? await tomPgDatabase() : await nyPgDatabase();
  databaser.push(d);
  return d;
}

/** A portal connection (application_name mit-forloeb), closed by lukPortaler or after the test. */
function portal(url: string): Db {
  const db = openDatabase(url);
  aabnePortaler.push(db);
  return db;
}

/** Closes the portal's connections: a restore refuses while any is open. */
async function lukPortaler(): Promise<void> {
  await Promise.all(aabnePortaler.splice(0).map((db) => lukDatabase(db)));
}

async function medDemo(): Promise<PgTestDatabase> {
  const d = await database();
  const db = portal(d.url);
  await seedDemo(db, '2026-11-24');
  await lukDatabase(db);
  return d;
}

/** Plain SQL on a database, outside the portal (no application_name). */
async function sqlPaa(url: string, ...saetninger: string[]): Promise<void> {
  const klient = new pg.Client({ connectionString: url });
  await klient.connect();
  try {
    for (const s of saetninger) await klient.query(s);
  } finally {
    await klient.end();
  }
}

const EFTER_BACKUP = { id: 'efter', cpr: '0101801234', navn: 'Efter Backup', foedselsdato: '1980-01-01' };

/** A person written after the backup; gives every row as it then is, with the portal's connections closed. */
async function personEfterBackup(url: string): Promise<Record<string, string[]>> {
  const db = portal(url);
  await db.insert(personer).values(EFTER_BACKUP);
  const raekker = await alleRaekker(db);
  await lukPortaler();
  return raekker;
}

const nyMappe = () => {
  dir = mkdtempSync(join(tmpdir(), 'backup-pg-'));
  return dir;
};

describe.skipIf(!testPgUrl)('backup og genskabelse på PostgreSQL', () => {
  it(pgTitel('tager en konsistent backup, mens portalen skriver'), async () => {
    const d = await medDemo();
    const mappe = nyMappe();
    const db = portal(d.url);
    const person = foerste(await db.select().from(personer))?.id ?? '';
    let skrevet = 0;
    let underBackup = 0;
    let backupKoerer = true;
    let koerer = true;
    const skriver = (async () => {
      while (koerer) {
        await db.insert(audit).values({
          tidspunkt: new Date().toISOString(),
          aktoerType: 'borger',
          aktoerId: 'x',
          aktoerNavn: 'x',
          personId: person,
          handling: 'se',
          hvad: 'Min side',
        });
        skrevet++;
        if (backupKoerer) underBackup++;
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    await backupPostgres(d.url, join(mappe, 'backup.dump'));
    backupKoerer = false;
    koerer = false;
    await skriver;
    await lukDatabase(db);
    expect(underBackup).toBeGreaterThan(0);
    expect(existsSync(join(mappe, 'backup.dump.skrives'))).toBe(false);
    expect(await checkPgDump(join(mappe, 'backup.dump'))).toBeNull();

    // One moment's rows: the audit ids restored run without a gap from the first, and the later ones are missing.
    const maal = await database(true);
    await restorePostgres(join(mappe, 'backup.dump'), maal.url);
    const genskabt = portal(maal.url);
    const ider = (await genskabt.select({ id: audit.id }).from(audit)).map((r) => r.id).sort((a, b) => a - b);
    expect(ider.length).toBeGreaterThan(0);
    expect(ider.at(-1)).toBe((ider[0] ?? 0) + ider.length - 1);
    const efter = portal(d.url);
    const alle = await efter.select({ n: sql<number>`count(*)` }).from(audit);
    expect(ider.length).toBeLessThanOrEqual(Number(alle[0]?.n));
    expect(skrevet).toBeGreaterThan(0);
  }, 120_000);

  it(pgTitel('genskaber præcis de rækker, backuppen har, og gemmer det, der var før'), async () => {
    const d = await medDemo();
    const mappe = nyMappe();
    const db = portal(d.url);
    const foer = await alleRaekker(db);
    const hoejesteAudit = foerste(await db.select({ id: audit.id }).from(audit).orderBy(desc(audit.id)))?.id ?? 0;
    await backupPostgres(d.url, join(mappe, 'backup.dump'));
    // Written after the backup: a new person, a changed name, one audit row less.
    await db.insert(personer).values(EFTER_BACKUP);
    await db.update(personer).set({ navn: 'Omdøbt' }).where(eq(personer.navn, 'Jens Madsen'));
    await db.delete(audit).where(eq(audit.id, hoejesteAudit));
    expect(await alleRaekker(db)).not.toEqual(foer);

    // Not while the portal is connected.
    expect(await portalensForbindelser(d.url)).toBeGreaterThan(0);
    await expect(restorePostgres(join(mappe, 'backup.dump'), d.url)).rejects.toThrow(/Stop tjenesten/);
    await lukDatabase(db);
    expect(await portalensForbindelser(d.url)).toBe(0);

    const gemt = await restorePostgres(join(mappe, 'backup.dump'), d.url);
    const genskabt = portal(d.url);
    expect(await alleRaekker(genskabt)).toEqual(foer);
    // The identity sequence came back too: the next audit row gets a fresh id.
    const person = foerste(await genskabt.select().from(personer))?.id ?? '';
    const [frisk] = await genskabt
      .insert(audit)
      .values({
        tidspunkt: '2026-11-25T10:00:00.000Z',
        aktoerType: 'system',
        aktoerId: 'test',
        aktoerNavn: 'test',
        personId: person,
        handling: 'se',
        hvad: 'x',
      })
      .returning({ id: audit.id });
    expect(frisk?.id).toBeGreaterThan(hoejesteAudit);

    // What the database held before the restore is kept in a dump of its own.
    expect(gemt).toMatch(/mit-forloeb-.*-foer-genskabelse\.dump$/);
    const tidligere = await database(true);
    await restorePostgres(gemt, tidligere.url);
    const t = portal(tidligere.url);
    expect(foerste(await t.select().from(personer).where(eq(personer.id, 'efter')))).toBeDefined();
  }, 120_000);

  it(pgTitel('genskaber en ældre backup over en database, som senere migreringer har lagt tabeller til'), async () => {
    const d = await medDemo();
    const mappe = nyMappe();
    const foer = await alleRaekker(portal(d.url));
    await backupPostgres(d.url, join(mappe, 'backup.dump'));
    await lukPortaler();
    // A later version's table, which references the portal's: pg_restore --clean alone cannot drop personer then.
    await sqlPaa(d.url, 'CREATE TABLE senere (id text PRIMARY KEY, person_id text NOT NULL REFERENCES personer(id))');
    await restorePostgres(join(mappe, 'backup.dump'), d.url);
    const genskabt = portal(d.url);
    expect(await alleRaekker(genskabt)).toEqual(foer);
    const klient = new pg.Client({ connectionString: d.url });
    await klient.connect();
    const r = await klient.query("SELECT to_regclass('public.senere') AS t");
    await klient.end();
    expect(r.rows[0]?.t).toBeNull();
  }, 120_000);

  it(pgTitel('en backup, der knækker midt i, ændrer intet'), async () => {
    const d = await medDemo();
    const mappe = nyMappe();
    const fil = join(mappe, 'backup.dump');
    // Enough audit rows that the table data, not the table of contents, makes up most of the file.
    await sqlPaa(
      d.url,
      `INSERT INTO audit (tidspunkt, aktoer_type, aktoer_id, aktoer_navn, person_id, handling, hvad)
       SELECT md5(i::text), 'system', 'x', 'x', (SELECT min(id) FROM personer), 'se', md5(i::text)
       FROM generate_series(1, 5000) i`,
    );
    await backupPostgres(d.url, fil);
    const foer = await personEfterBackup(d.url);
    // Damaged in the table data near its end: the checks pass, and the restore breaks off after it has
    // dropped the tables and filled most of them again.
    const bytes = readFileSync(fil);
    const i = Math.floor(bytes.length * 0.9);
    bytes.fill(0x55, i, i + 64);
    writeFileSync(fil, bytes);
    expect(await checkPgDump(fil)).toBeNull();
    await expect(restorePostgres(fil, d.url)).rejects.toThrow(/intet er ændret/);
    expect(await alleRaekker(portal(d.url))).toEqual(foer);
  }, 120_000);

  it(pgTitel('en pg_restore, der stopper mellem to sætninger, ændrer intet'), async () => {
    const d = await medDemo();
    const mappe = nyMappe();
    const fil = join(mappe, 'backup.dump');
    await backupPostgres(d.url, fil);
    const foer = await personEfterBackup(d.url);
    // A pg_restore that dies after the tables are made and some filled, just before personer's rows: the
    // script psql has read so far is whole, so only the missing COMMIT keeps it from counting.
    const aegte = findPgProgram('pg_restore');
    const falsk = join(mappe, 'bin');
    mkdirSync(falsk);
    writeFileSync(
      join(falsk, 'pg_restore'),
      `#!/bin/sh\ncase "$*" in\n  *--no-owner*) ${aegte} "$@" | sed '/^COPY public.personer /,$d'; exit 1 ;;\n` +
        `  *) exec ${aegte} "$@" ;;\nesac\n`,
      { mode: 0o755 },
    );
    const sti = process.env.PATH;
    process.env.PATH = `${falsk}${delimiter}${sti}`;
    try {
      await expect(restorePostgres(fil, d.url)).rejects.toThrow(/pg_restore mislykkedes, intet er ændret/);
    } finally {
      process.env.PATH = sti;
    }
    expect(await alleRaekker(portal(d.url))).toEqual(foer);
  }, 120_000);

  it(pgTitel('nægter en backup af en anden database'), async () => {
    const mappe = nyMappe();
    const fremmed = await database(true);
    await sqlPaa(fremmed.url, 'CREATE TABLE kunder (id int PRIMARY KEY)', 'INSERT INTO kunder VALUES (1)');
    await backupPostgres(fremmed.url, join(mappe, 'fremmed.dump'));
    expect(await checkPgDump(join(mappe, 'fremmed.dump'))).toMatch(/ikke en backup af Mit Forløbs database/);
    // Another drizzle application: a migrations table, but none of the portal's tables.
    const andenApp = await database(true);
    await sqlPaa(
      andenApp.url,
      'CREATE SCHEMA drizzle',
      'CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)',
      "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('x', 1)",
      'CREATE TABLE kunder (id int PRIMARY KEY)',
    );
    await backupPostgres(andenApp.url, join(mappe, 'anden.dump'));
    expect(await checkPgDump(join(mappe, 'anden.dump'))).toMatch(/mangler personer, sager, audit/);

    const d = await medDemo();
    const foer = await alleRaekker(portal(d.url));
    await lukPortaler();
    await expect(restorePostgres(join(mappe, 'anden.dump'), d.url)).rejects.toThrow(/ikke en backup/);
    expect(await alleRaekker(portal(d.url))).toEqual(foer);
    expect(await checkPgDump(join(mappe, 'mangler.dump'))).toMatch(/findes ikke/);
  }, 120_000);

  it(pgTitel('nægter en backup fra en nyere version af portalen'), async () => {
    const mappe = nyMappe();
    const nyere = await database();
    await sqlPaa(
      nyere.url,
      "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('fremtiden', 99999999999999)",
    );
    await backupPostgres(nyere.url, join(mappe, 'nyere.dump'));
    const kendte = kendteMigreringer('postgres');
    expect(await checkPgDump(join(mappe, 'nyere.dump'))).toMatch(
      new RegExp(`nyere version af portalen \\(${kendte + 1} migreringer, denne version kender ${kendte}\\)`),
    );
    const d = await medDemo();
    const foer = await alleRaekker(portal(d.url));
    await lukPortaler();
    await expect(restorePostgres(join(mappe, 'nyere.dump'), d.url)).rejects.toThrow(/nyere version/);
    expect(await alleRaekker(portal(d.url))).toEqual(foer);
    // The same dump without the extra migration is this version's, and is accepted.
    expect(await checkPgDump(join(mappe, 'nyere.dump'), kendte + 1)).toBeNull();
  }, 120_000);
});

describe('PostgreSQL-programmerne', () => {
  it('siger, hvilken pakke der mangler, når pg_dump ikke findes', () => {
    const sti = process.env.PATH;
    process.env.PATH = nyMappe();
    try {
      expect(() => findPgProgram('pg_dump')).toThrow(/pg_dump mangler.*apt-get install postgresql-client/);
    } finally {
      process.env.PATH = sti;
    }
  });
});
