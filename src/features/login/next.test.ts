import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

describe('safeNext', () => {
  it.each([
    ['/sager/abc?x=1', '/sager/abc?x=1'],
    ['/medarbejder?status=alle&side=2', '/medarbejder?status=alle&side=2'],
    ['//ondt.example/x', '/min-side'],
    ['https://ondt.example/', '/min-side'],
    ['/\\ondt.example', '/min-side'],
    ['/x"><script>', '/min-side'],
    ['', '/min-side'],
    [null, '/min-side'],
  ])('%s → %s', (next, forventet) => expect(safeNext(next, '/min-side')).toBe(forventet));
});
