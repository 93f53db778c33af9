/**
 * Several instances on one PostgreSQL: one that is lost, or whose connection PostgreSQL ends, in the middle
 * of a transaction. An 'error' event nobody listens for would end the test process; vitest then fails the
 * run with an unhandled error, so these tests also fail if the instance would have crashed.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, lukDatabase, openDatabase, type Valg } from './client.ts';
import { nyPgDatabase } from './pg-test.ts';
import { hemmeligheder } from './schema.ts';
import { testMotor } from './test-database.ts';

const NU = '2026-12-02T10:00:00.000Z';
const raekke = (navn: string) => ({ navn, vaerdi: navn, oprettet: NU });

const oprydning: (() => unknown)[] = [];
afterEach(async () => {
  for (const ryd of oprydning.splice(0).reverse()) await ryd();
});

/** Two instances on a fresh database; the first opened with `valg`. */
async function toInstanser(valg: Valg = {}): Promise<{ url: string; en: Db; anden: Db }> {
  const database = await nyPgDatabase();
  oprydning.push(() => database.slet());
  const en = openDatabase(database.url, valg);
  const anden = openDatabase(database.url);
  oprydning.push(
    () => lukDatabase(anden),
    () => lukDatabase(en),
  );
  return { url: database.url, en, anden };
}

/** A transaction on `db` that writes, then waits until `vaagn` is called before writing again. */
function haengendeTransaktion(db: Db) {
  let vaagn = () => {};
  let laast = () => {};
  const harLaasen = new Promise<void>((r) => (laast = r));
  const udfald = db
    .transaction(async (tx) => {
      await tx.insert(hemmeligheder).values(raekke('foer'));
      laast();
      await new Promise<void>((r) => (vaagn = r));
      await tx.insert(hemmeligheder).values(raekke('efter'));
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  oprydning.push(() => vaagn());
  return { harLaasen, vaagn: () => vaagn(), udfald };
}

const navne = async (db: Db) => (await db.select({ navn: hemmeligheder.navn }).from(hemmeligheder)).map((r) => r.navn);

describe.skipIf(testMotor !== 'postgres')('instanser på én PostgreSQL, når en forbindelse forsvinder', () => {
  it('en tabt instans holder ikke skrivelåsen: PostgreSQL afbryder dens transaktion, og de andre skriver videre', async () => {
    // The lost instance: its machine or network is gone, so its connection stays open but silent.
    const { en: tabt, anden } = await toInstanser({ tavsTransaktionMs: 300 });
    const t = haengendeTransaktion(tabt);
    await t.harLaasen;

    // The other instance's next submission waits for the writers' lock only until PostgreSQL gives up on it.
    const start = performance.now();
    await anden.transaction(async (tx) => await tx.insert(hemmeligheder).values(raekke('anden')));
    expect(performance.now() - start).toBeLessThan(3_000);

    // Should the lost one come back, its transaction has failed (nothing of it saved), and it carries on.
    t.vaagn();
    expect(await t.udfald).toBeInstanceOf(Error);
    expect(await navne(anden)).toEqual(['anden']);
    await tabt.insert(hemmeligheder).values(raekke('tilbage'));
    expect(await navne(tabt)).toEqual(['anden', 'tilbage']);
  });

  it('en forbindelse, PostgreSQL lukker midt i en transaktion (genstart, failover), fejler kun den forespørgsel', async () => {
    const { url, en, anden } = await toInstanser();
    const t = haengendeTransaktion(en);
    await t.harLaasen;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const r = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()`,
      );
      expect(r.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    // The ended connection's error reaches the process while no statement runs on it: it must not end the process.
    await new Promise((r) => setTimeout(r, 200));
    t.vaagn();
    expect(await t.udfald).toBeInstanceOf(Error);
    await en.transaction(async (tx) => await tx.insert(hemmeligheder).values(raekke('igen')));
    expect(await anden.select().from(hemmeligheder).where(eq(hemmeligheder.navn, 'foer'))).toEqual([]);
    expect(await navne(anden)).toEqual(['igen']);
  });
});
