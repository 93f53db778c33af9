import { describe, expect, it } from 'vitest';
import { foerstePrSag } from './pr-sag.ts';

describe('foerstePrSag', () => {
  it('keeps the first row of each case, in the order given', () => {
    const m = foerstePrSag([
      { sagId: 'a', n: 1 },
      { sagId: 'b', n: 2 },
      { sagId: 'a', n: 3 },
    ]);
    expect([...m]).toEqual([
      ['a', { sagId: 'a', n: 1 }],
      ['b', { sagId: 'b', n: 2 }],
    ]);
  });

  it('has no entry for a case without rows', () => {
    expect(foerstePrSag([{ sagId: 'a' }]).get('b')).toBeUndefined();
    expect(foerstePrSag([]).size).toBe(0);
  });
});
