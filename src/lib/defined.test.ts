import { describe, expect, it } from 'vitest';
import { defined } from './defined.ts';

describe('defined', () => {
  it('giver værdien tilbage, også 0 og tom tekst', () => {
    expect(defined(0, 'tal')).toBe(0);
    expect(defined('', 'tekst')).toBe('');
  });

  it('fejler med navnet på det, der mangler', () => {
    expect(() => defined(undefined, 'sagen')).toThrow('sagen mangler');
    expect(() => defined(null, 'rækken')).toThrow('rækken mangler');
  });
});
