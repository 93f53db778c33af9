/**
 * The current time for a request. End-to-end tests may set it with the `x-test-now` header,
 * but only when the server was started with TEST_CLOCK=1, which scripts/serve.ts refuses
 * in production. Nothing else in the portal reads the clock.
 */
import { miljoe } from '#/config/miljoe.ts';

export const TEST_CLOCK_HEADER = 'x-test-now';

const gyldig = (value: string | null | undefined) => {
  const t = value ? new Date(value) : undefined;
  return t && !Number.isNaN(t.getTime()) ? t : undefined;
};

/**
 * The current time for the server's own work (the demo data's day, the cleanup) and for a
 * request that does not set it: TEST_NOW when a test run pins the clock (with TEST_CLOCK=1).
 * A browser sends no extra headers when it downloads a file, so the pin cannot live in a header alone.
 */
export function serverNu(): Date {
  const m = miljoe();
  return (m.TEST_CLOCK && gyldig(m.TEST_NOW)) || new Date();
}

export function nu(headers: Headers): Date {
  return (miljoe().TEST_CLOCK && gyldig(headers.get(TEST_CLOCK_HEADER))) || serverNu();
}
