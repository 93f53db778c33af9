import { describe, expect, it } from 'vitest';
import { flytTabeller } from './flyt-tabeller.ts';

describe('hvad flytningen kopierer', () => {
  it('tager hver kolonne med PostgreSQL-spejlets type: blob som bytea, sandt/falsk som heltal, tid som tekst', () => {
    const tabeller = new Map(flytTabeller().map((t) => [t.navn, new Map(t.kolonner.map((k) => [k.navn, k.pgType]))]));
    expect(tabeller.get('api_noegler')?.get('secret_hash')).toBe('bytea');
    expect(tabeller.get('medarbejdere')?.get('aktiv')).toBe('integer');
    expect(tabeller.get('audit')?.get('id')).toBe('bigint');
    expect(tabeller.get('audit')?.get('tidspunkt')).toBe('text');
    expect(tabeller.get('audit')?.size).toBe(8);
    expect([...tabeller.keys()].indexOf('personer')).toBeLessThan([...tabeller.keys()].indexOf('audit'));
  });
});
