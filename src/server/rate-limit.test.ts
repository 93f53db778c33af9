import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { hastighedsvinduer } from '../../db/schema.ts';
import { toForbindelser } from '../../db/to-forbindelser.ts';
import { RateLimit, rydHastighedsvinduer } from './rate-limit.ts';

let db: Db;
let anden: Db;
let luk: () => void;
beforeEach(() => {
  // A second connection to the same file stands for a second process.
  ({ a: db, b: anden, luk } = toForbindelser('rate'));
});
afterEach(() => luk());

const vinduer = () => db.select({ n: count() }).from(hastighedsvinduer).get()?.n;

describe('RateLimit', () => {
  it('tillader højst max anmodninger pr. vindue og pr. nøgle og begynder så forfra', () => {
    const rl = new RateLimit('login', 3, 60_000);
    expect([1, 2, 3, 4].map(() => rl.tillad(db, 'a', 1000))).toEqual([true, true, true, false]);
    expect(rl.tillad(db, 'b', 1000)).toBe(true);
    expect(rl.tillad(db, 'a', 61_000)).toBe(true);
  });

  it('et vindue, der starter i fremtiden, begynder forfra nu (uret er stillet tilbage)', () => {
    const rl = new RateLimit('login', 2, 60_000);
    expect([1, 2, 3].map(() => rl.tillad(db, 'a', 10_000_000))).toEqual([true, true, false]);
    expect(rl.tillad(db, 'a', 1000)).toBe(true);
    expect(rl.tillad(db, 'a', 1000)).toBe(true);
    expect(rl.tillad(db, 'a', 1000)).toBe(false);
  });

  it('to processer på samme database tæller sammen', () => {
    const hos1 = new RateLimit('post', 3, 60_000);
    const hos2 = new RateLimit('post', 3, 60_000);
    expect(hos1.tillad(db, 'a', 1000)).toBe(true);
    expect(hos2.tillad(anden, 'a', 2000)).toBe(true);
    expect(hos1.tillad(db, 'a', 3000)).toBe(true);
    expect(hos2.tillad(anden, 'a', 4000)).toBe(false);
  });

  it('grupperne tæller hver for sig', () => {
    const login = new RateLimit('login', 1, 60_000);
    const post = new RateLimit('post', 1, 60_000);
    expect(login.tillad(db, 'a', 1000)).toBe(true);
    expect(post.tillad(db, 'a', 1000)).toBe(true);
    expect(login.tillad(db, 'a', 1000)).toBe(false);
  });

  it('oprydningen sletter afsluttede og fremtidige vinduer, ikke det løbende', () => {
    const rl = new RateLimit('login', 5, 60_000);
    rl.tillad(db, 'gammel', 0);
    rl.tillad(db, 'loebende', 100_000);
    rl.tillad(db, 'fremtid', 500_000);
    expect(rydHastighedsvinduer(db, new Date(120_000))).toBe(2);
    expect(vinduer()).toBe(1);
    // The running window kept its count.
    expect([1, 2, 3, 4, 5].map(() => rl.tillad(db, 'loebende', 120_000)).at(-1)).toBe(false);
  });
});
