import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { toForbindelser } from '../../db/to-forbindelser.ts';
import { hemmelighed } from './hemmeligheder.ts';

const NU = new Date('2026-12-02T10:00:00Z');
let a: Db;
let b: Db;
let luk: () => void;
beforeEach(() => {
  ({ a, b, luk } = toForbindelser('hemmelig'));
});
afterEach(() => luk());

describe('fælles hemmeligheder', () => {
  it('den første proces laver hemmeligheden; den næste får den samme og laver ingen', () => {
    let lavet = 0;
    const lav = (v: string) => () => {
      lavet++;
      return v;
    };
    expect(hemmelighed(a, 'login-flow', lav('fra-a'), NU)).toBe('fra-a');
    expect(hemmelighed(b, 'login-flow', lav('fra-b'), NU)).toBe('fra-a');
    expect(lavet).toBe(1);
  });

  it('to processer, der laver den samtidig, ender med den samme (den første gemte)', () => {
    // b generates while a has not stored yet: a's insert wins, b's changes nothing.
    const vaerdi = hemmelighed(b, 'login-flow', () => hemmelighed(a, 'login-flow', () => 'fra-a', NU) && 'fra-b', NU);
    expect(vaerdi).toBe('fra-a');
    expect(hemmelighed(a, 'login-flow', () => 'igen', NU)).toBe('fra-a');
  });

  it('hver hemmelighed har sit eget navn', () => {
    expect(hemmelighed(a, 'en', () => '1', NU)).toBe('1');
    expect(hemmelighed(a, 'to', () => '2', NU)).toBe('2');
  });
});
