import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Baggrundsskriver } from './baggrundsskriver.ts';
import { baggrundsskriver, type Db, lukDatabase, openDatabase } from './client.ts';
import { audit, personer } from './schema.ts';
import { seedDemo } from './seed.ts';
import { testMotor, toForbindelser } from './test-database.ts';

const INDSAET =
  "insert into audit (tidspunkt, aktoer_type, aktoer_id, aktoer_navn, person_id, handling, hvad) values (?, 'borger', ?, 'Test', ?, 'se', ?)";

/** A demo database in a file, and a second connection to it (as another process has). */
async function filMedDemo(): Promise<{ db: Db; anden: Db; ali: string; skriver: Baggrundsskriver }> {
  const { a: db, b: anden } = await toForbindelser('baggrund');
  const { ali } = await seedDemo(db, '2026-12-05');
  const skriver = baggrundsskriver(db);
  if (!skriver) throw new Error('en SQLite-fil skal have en skrivetråd');
  return { db, anden, ali: ali.id, skriver };
}

const raekke = (personId: string, hvad: string) => ['2026-12-05T09:00:00.000Z', personId, personId, hvad];
const antal = async (db: Db, hvad: string) =>
  (await db.select({ n: count() }).from(audit).where(eq(audit.hvad, hvad)))[0]?.n ?? -1;

describe.skipIf(testMotor !== 'sqlite')('skrivetråden (SQLite i en fil)', () => {
  it('i hukommelsen er der ingen: en anden forbindelse ville åbne sin egen database', () => {
    const db = openDatabase(':memory:');
    expect(baggrundsskriver(db)).toBeUndefined();
  });

  it('rækkerne er gemt og kan læses på anmodningstrådens forbindelse, når løftet indfries', async () => {
    const { db, ali, skriver } = await filMedDemo();
    await skriver.skriv(INDSAET, [raekke(ali, 'Test 1'), raekke(ali, 'Test 2')]);
    expect((await antal(db, 'Test 1')) + (await antal(db, 'Test 2'))).toBe(2);
  });

  it('én række fejler: hele gruppen afvises, og intet af den er gemt', async () => {
    const { db, ali, skriver } = await filMedDemo();
    // A person who does not exist breaks the foreign key.
    await expect(skriver.skriv(INDSAET, [raekke(ali, 'Test A'), raekke('findes-ikke', 'Test B')])).rejects.toThrow(
      /FOREIGN KEY/,
    );
    expect(await antal(db, 'Test A')).toBe(0);
    // The worker goes on.
    await skriver.skriv(INDSAET, [raekke(ali, 'Test C')]);
    expect(await antal(db, 'Test C')).toBe(1);
  });

  it('en læsning, der var åben før commit, ser alligevel rækkerne bagefter', async () => {
    const { db, ali, skriver } = await filMedDemo();
    const skrevet = skriver.skriv(INDSAET, [raekke(ali, 'Test læst')]);
    // In a timer, before the poll phase that delivers the worker's answer: a read opens this turn's
    // shared read transaction (db/client.ts), then the thread waits until the worker has committed.
    await new Promise<void>((faerdig) =>
      setTimeout(async () => {
        await db.select().from(personer).limit(1);
        const slut = Date.now() + 300;
        while (Date.now() < slut);
        faerdig();
      }, 0),
    );
    await skrevet;
    // Still in the turn that read above: without ending its read transaction at the commit this is 0.
    expect(await antal(db, 'Test læst')).toBe(1);
  });

  it('en tråd, der ikke kan åbne filen, afviser; lukning venter på det sendte', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'baggrund-'));
    const forkert = new Baggrundsskriver(mappe, [], () => {});
    await expect(forkert.skriv('select 1', [[]])).rejects.toThrow();
    await forkert.luk();
    await expect(forkert.skriv('select 1', [[]])).rejects.toThrow('Databasen er lukket');

    const { db, anden, ali, skriver } = await filMedDemo();
    const sendt = skriver.skriv(INDSAET, [raekke(ali, 'Test sidst')]);
    await lukDatabase(db);
    await sendt;
    expect(await antal(anden, 'Test sidst')).toBe(1);
  });
});
