import { describe, expect, it } from 'vitest';
import { cookieSecure } from './cookie.ts';

describe('cookieSecure', () => {
  it.each([
    ['http://localhost:4321/min-side', false],
    ['http://127.0.0.1:4321/', false],
    ['https://mitforloeb.hedensted.dk/min-side', true],
    ['http://mitforloeb.hedensted.dk/', true],
  ])('%s → Secure=%s', (url, secure) => expect(cookieSecure(new URL(url))).toBe(secure));
});
