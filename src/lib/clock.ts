/**
 * The current time for a request. End-to-end tests may set it with the `x-test-now` header,
 * but only when the server was started with TEST_CLOCK=1, which scripts/serve.ts refuses
 * in production. Nothing else in the portal reads the clock.
 */
export const TEST_CLOCK_HEADER = 'x-test-now';

export function nu(headers: Headers): Date {
  if (process.env.TEST_CLOCK === '1') {
    const value = headers.get(TEST_CLOCK_HEADER);
    const t = value ? new Date(value) : undefined;
    if (t && !Number.isNaN(t.getTime())) return t;
  }
  return new Date();
}
