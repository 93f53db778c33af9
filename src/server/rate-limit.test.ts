import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit.ts';

describe('RateLimit', () => {
  it('tillader højst max anmodninger pr. vindue og pr. nøgle og begynder så forfra', () => {
    const rl = new RateLimit(3, 60_000);
    expect([1, 2, 3, 4].map(() => rl.tillad('a', 1000))).toEqual([true, true, true, false]);
    expect(rl.tillad('b', 1000)).toBe(true);
    expect(rl.tillad('a', 61_000)).toBe(true);
  });

  it('et vindue, der starter i fremtiden, begynder forfra nu (uret er stillet tilbage)', () => {
    const rl = new RateLimit(2, 60_000);
    expect([1, 2, 3].map(() => rl.tillad('a', 10_000_000))).toEqual([true, true, false]);
    expect(rl.tillad('a', 1000)).toBe(true);
    expect(rl.tillad('a', 1000)).toBe(true);
    expect(rl.tillad('a', 1000)).toBe(false);
  });
});
