import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, lukDatabase } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { seedDemo } from '../db/seed.ts';
import { nyTestDatabase, testMotor, toForbindelser } from '../db/test-database.ts';
import { raaSql } from '../db/test-fixtures.ts';
import { tjekDatabase, tjekMotor } from './crash-check.ts';
import { Journal } from './crash-storm.ts';

// A demo seed on PostgreSQL on a busy machine takes seconds.
const LANG = 60_000;

async function demo(): Promise<{ db: Db; sager: Set<string>; ali: string }> {
  const db = await nyTestDatabase();
  const { ali } = await seedDemo(db, '2026-11-30');
  const sager = new Set((await db.select({ id: t.sager.id }).from(t.sager)).map((s) => s.id));
  return { db, sager, ali: ali.id };
}

const tomMappe = () => mkdtempSync(join(tmpdir(), 'crash-bilag-'));

describe('crashtestens tjek af databasen (samme SQL på begge motorer)', () => {
  it(
    'demoens data består: intet tabt, intet halvt gemt',
    async () => {
      const { db, sager } = await demo();
      const tjek = await tjekDatabase(db, tomMappe(), new Journal(), { sager });
      expect(tjek.fejl).toEqual([]);
    },
    LANG,
  );

  it(
    'finder det halvt gemte: klage-hændelse uden klage, kladde uden sin ansøgning, bilagsrække uden fil',
    async () => {
      const { db, sager, ali } = await demo();
      const [sagId] = sager;
      if (!sagId) throw new Error('demoen har ingen sager');
      await db.insert(t.sagshaendelser).values({
        id: 'haendelse-uden-klage',
        sagId,
        type: 'klage',
        tekst: 'Klage modtaget',
        tidspunkt: '2026-11-30T10:00:00.000Z',
      });
      await db.insert(t.hjaelpemiddelKladder).values({
        id: 'kladde-uden-ansoegning',
        personId: ali,
        oprettetAf: ali,
        data: {},
        opdateret: '2026-11-30T10:00:00.000Z',
        ansoegningId: 'findes-ikke',
      });
      await db.insert(t.bilag).values({
        id: 'bilag-uden-fil',
        kladdeId: 'kladde-uden-ansoegning',
        filnavn: 'erklaering.pdf',
        type: 'application/pdf',
        stoerrelse: 1234,
        oprettet: '2026-11-30T10:00:00.000Z',
      });
      const tjek = await tjekDatabase(db, tomMappe(), new Journal(), { sager });
      expect(tjek.fejl).toEqual([
        'halvt gemt: klage-hændelse haendelse-uden-klage uden klage',
        'halvt gemt: kladde kladde-uden-ansoegning peger på en ansøgning, der ikke findes',
        'halvt gemt: bilag bilag-uden-fil har ingen fil, rækken siger 1234',
      ]);
    },
    LANG,
  );
});

describe.skipIf(testMotor !== 'sqlite')('crashtestens tjek af SQLite-filen', () => {
  it('integrity_check og foreign_key_check: en række, der peger på noget, der ikke findes, fejler', async () => {
    const db = await nyTestDatabase();
    expect((await tjekMotor(db)).fejl).toEqual([]);
    await raaSql(db, 'pragma foreign_keys = off');
    await raaSql(
      db,
      "insert into bilag (id, kladde_id, filnavn, type, stoerrelse, oprettet) values ('b', 'ingen', 'x.pdf', 'application/pdf', 1, 'nu')",
    );
    const tjek = await tjekMotor(db);
    expect(tjek.tekst).toBe('integrity_check: ok; foreign_key_check: 1 fejl');
    expect(tjek.fejl).toEqual(['foreign_key_check: 1 rækker peger på noget, der ikke findes']);
  });
});

describe.skipIf(testMotor !== 'postgres')('crashtestens tjek af PostgreSQL efter kill -9', () => {
  it(
    'en forbindelse, der stadig holder en transaktion åben, fejler; når den er lukket, består den',
    async () => {
      const { a, b } = await toForbindelser('crash-tjek');
      let slip = () => {};
      const holdt = new Promise<void>((r) => {
        slip = r;
      });
      let aaben = () => {};
      const erAaben = new Promise<void>((r) => {
        aaben = r;
      });
      const transaktion = b.transaction(async (tx) => {
        await tx.select().from(t.personer);
        aaben();
        await holdt;
      });
      await erAaben;
      const mens = await tjekMotor(a, 300);
      expect(mens.fejl).toHaveLength(1);
      expect(mens.fejl[0]).toMatch(
        /^1 forbindelser fra den dræbte server er stadig åbne efter [\d.]+ s \(idle in transaction\)$/,
      );
      slip();
      await transaktion;
      await lukDatabase(b);
      const efter = await tjekMotor(a);
      expect(efter.fejl).toEqual([]);
      expect(efter.tekst).toMatch(/^PostgreSQL: ingen forbindelser fra den dræbte server efter [\d.]+ s$/);
    },
    LANG,
  );
});
