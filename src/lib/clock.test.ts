import { afterEach, describe, expect, it, vi } from 'vitest';
import { glemMiljoe } from '#/config/miljoe.ts';
import { nu, serverNu, TEST_CLOCK_HEADER } from './clock.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  glemMiljoe();
});

const med = (iso?: string) => new Headers(iso ? { [TEST_CLOCK_HEADER]: iso } : {});

describe('uret', () => {
  it('et fastlåst testur (TEST_NOW) gælder også en forespørgsel uden x-test-now, som en download', () => {
    vi.stubEnv('TEST_CLOCK', '1');
    vi.stubEnv('TEST_NOW', '2026-12-02T10:00:00.000Z');
    glemMiljoe();
    expect(nu(med()).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(serverNu().toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(nu(med('2027-02-15T10:00:00.000Z')).toISOString()).toBe('2027-02-15T10:00:00.000Z');
    expect(nu(med('ikke en dato')).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it('uden TEST_CLOCK=1 tæller hverken headeren eller TEST_NOW', () => {
    vi.stubEnv('TEST_CLOCK', '');
    vi.stubEnv('TEST_NOW', '');
    glemMiljoe();
    const foer = Date.now();
    expect(nu(med('2020-01-01T00:00:00.000Z')).getTime()).toBeGreaterThanOrEqual(foer);
    expect(serverNu().getTime()).toBeGreaterThanOrEqual(foer);
  });
});
