import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { hemmeligheder } from './schema.ts';
import { toForbindelser } from './to-forbindelser.ts';

const NU = '2026-12-02T10:00:00.000Z';
let a: Db;
let b: Db;
let luk: () => void;
beforeEach(() => {
  ({ a, b, luk } = toForbindelser('client'));
  // The other process gives up at once instead of waiting, so the test needs no second thread.
  b.$client.pragma('busy_timeout = 0');
});
afterEach(() => luk());

describe('transaktioner med flere processer på én fil', () => {
  it('en transaktion, der læser og så skriver, fejler ikke, fordi en anden proces skriver imellem', () => {
    let anden: unknown;
    a.transaction((tx) => {
      tx.select().from(hemmeligheder).all();
      try {
        b.insert(hemmeligheder).values({ navn: 'b', vaerdi: '2', oprettet: NU }).run();
      } catch (e) {
        anden = e;
      }
      tx.insert(hemmeligheder).values({ navn: 'a', vaerdi: '1', oprettet: NU }).run();
    });
    expect(a.select().from(hemmeligheder).where(eq(hemmeligheder.navn, 'a')).get()?.vaerdi).toBe('1');
    // The other waited for the lock (here: gave up at once) and can write now.
    expect(anden).toMatchObject({ code: 'SQLITE_BUSY' });
    b.insert(hemmeligheder).values({ navn: 'b', vaerdi: '2', oprettet: NU }).run();
  });

  it('en transaktion kan stadig bede om en anden adfærd', () => {
    expect(a.transaction(() => 7, { behavior: 'deferred' })).toBe(7);
  });
});
