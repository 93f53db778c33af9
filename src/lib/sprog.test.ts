import { describe, expect, it } from 'vitest';
import { fornavn, genitiv } from './sprog.ts';

describe('sprog', () => {
  it.each([
    ['Jens', "Jens'"],
    ['Karin', 'Karins'],
    ['Max', "Max'"],
    ['Freja', 'Frejas'],
  ])('genitiv af %s er %s', (navn, form) => expect(genitiv(navn)).toBe(form));
  it('fornavnet', () => expect([fornavn('Jens Madsen'), fornavn(' Ali ')]).toEqual(['Jens', 'Ali']));
});
