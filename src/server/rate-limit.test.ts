import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, foerste } from '../../db/client.ts';
import { hastighedsvinduer } from '../../db/schema.ts';
import { toForbindelser } from '../../db/test-database.ts';
import { RateLimit, rydHastighedsvinduer } from './rate-limit.ts';

let db: Db;
let anden: Db;
beforeEach(async () => {
  // A second connection to the same file stands for a second process.
  ({ a: db, b: anden } = await toForbindelser('rate'));
});

/** `n` requests one after another; what each was told. */
const iTraek = async (n: number, anmod: () => Promise<boolean>) => {
  const svar: boolean[] = [];
  for (let i = 0; i < n; i++) svar.push(await anmod());
  return svar;
};

const vinduer = async () => foerste(await db.select({ n: count() }).from(hastighedsvinduer))?.n;

describe('RateLimit', () => {
  it('tillader højst max anmodninger pr. vindue og pr. nøgle og begynder så forfra', async () => {
    const rl = new RateLimit('login', 3, 60_000);
    expect(await iTraek(4, () => rl.tillad(db, 'a', 1000))).toEqual([true, true, true, false]);
    expect(await rl.tillad(db, 'b', 1000)).toBe(true);
    expect(await rl.tillad(db, 'a', 61_000)).toBe(true);
  });

  it('et vindue, der starter i fremtiden, begynder forfra nu (uret er stillet tilbage)', async () => {
    const rl = new RateLimit('login', 2, 60_000);
    expect(await iTraek(3, () => rl.tillad(db, 'a', 10_000_000))).toEqual([true, true, false]);
    expect(await rl.tillad(db, 'a', 1000)).toBe(true);
    expect(await rl.tillad(db, 'a', 1000)).toBe(true);
    expect(await rl.tillad(db, 'a', 1000)).toBe(false);
  });

  it('to processer på samme database tæller sammen', async () => {
    const hos1 = new RateLimit('post', 3, 60_000);
    const hos2 = new RateLimit('post', 3, 60_000);
    expect(await hos1.tillad(db, 'a', 1000)).toBe(true);
    expect(await hos2.tillad(anden, 'a', 2000)).toBe(true);
    expect(await hos1.tillad(db, 'a', 3000)).toBe(true);
    expect(await hos2.tillad(anden, 'a', 4000)).toBe(false);
  });

  it('samtidige anmodninger tæller hver for sig: højst max får ja', async () => {
    const rl = new RateLimit('login', 3, 60_000);
    const svar = await Promise.all([1, 2, 3, 4, 5].map(() => rl.tillad(db, 'a', 1000)));
    expect(svar.filter(Boolean)).toHaveLength(3);
  });

  it('grupperne tæller hver for sig', async () => {
    const login = new RateLimit('login', 1, 60_000);
    const post = new RateLimit('post', 1, 60_000);
    expect(await login.tillad(db, 'a', 1000)).toBe(true);
    expect(await post.tillad(db, 'a', 1000)).toBe(true);
    expect(await login.tillad(db, 'a', 1000)).toBe(false);
  });

  it('oprydningen sletter afsluttede og fremtidige vinduer, ikke det løbende', async () => {
    const rl = new RateLimit('login', 5, 60_000);
    await rl.tillad(db, 'gammel', 0);
    await rl.tillad(db, 'loebende', 100_000);
    await rl.tillad(db, 'fremtid', 500_000);
    expect(await rydHastighedsvinduer(db, new Date(120_000))).toBe(2);
    expect(await vinduer()).toBe(1);
    // The running window kept its count.
    expect((await iTraek(5, () => rl.tillad(db, 'loebende', 120_000))).at(-1)).toBe(false);
  });
});
