import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { toForbindelser } from '../../db/test-database.ts';
import { hemmelighed } from './hemmeligheder.ts';

const NU = new Date('2026-12-02T10:00:00Z');
let a: Db;
let b: Db;
beforeEach(async () => {
  ({ a, b } = await toForbindelser('hemmelig'));
});

describe('fælles hemmeligheder', () => {
  it('den første proces laver hemmeligheden; den næste får den samme og laver ingen', async () => {
    let lavet = 0;
    const lav = (v: string) => () => {
      lavet++;
      return v;
    };
    expect(await hemmelighed(a, 'login-flow', lav('fra-a'), NU)).toBe('fra-a');
    expect(await hemmelighed(b, 'login-flow', lav('fra-b'), NU)).toBe('fra-a');
    expect(lavet).toBe(1);
  });

  it('to processer, der laver den samtidig, ender med den samme (den første gemte)', async () => {
    // Both may read "none" before either stores: both generate, the first insert wins, the other changes nothing.
    const lavet: string[] = [];
    const lav = (v: string) => () => {
      lavet.push(v);
      return v;
    };
    const svar = await Promise.all([
      hemmelighed(a, 'login-flow', lav('fra-a'), NU),
      hemmelighed(b, 'login-flow', lav('fra-b'), NU),
    ]);
    // Which one reads first is up to the engine's scheduling (on PostgreSQL, two pools): both end
    // with the one value that was stored, whoever made it.
    const [vinder] = svar;
    expect(svar).toEqual([vinder, vinder]);
    expect(lavet).toContain(vinder);
    expect(await hemmelighed(b, 'login-flow', () => 'igen', NU)).toBe(vinder);
  });

  it('hver hemmelighed har sit eget navn', async () => {
    expect(await hemmelighed(a, 'en', () => '1', NU)).toBe('1');
    expect(await hemmelighed(a, 'to', () => '2', NU)).toBe('2');
  });
});
