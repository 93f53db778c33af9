import type { AstroCookieSetOptions } from 'astro';
import { describe, expect, it } from 'vitest';
import { cookieSecure, setSessionCookie } from './cookie.ts';

describe('cookieSecure', () => {
  it.each([
    ['http://localhost:4321/min-side', false],
    ['http://127.0.0.1:4321/', false],
    ['https://mitforloeb.hedensted.dk/min-side', true],
    ['http://mitforloeb.hedensted.dk/', true],
  ])('%s → Secure=%s', (url, secure) => expect(cookieSecure(new URL(url))).toBe(secure));
});

describe('setSessionCookie', () => {
  it('sætter en cookie, der slutter med browseren (ingen Expires eller Max-Age)', () => {
    const sat: AstroCookieSetOptions[] = [];
    setSessionCookie(
      {
        set: (_navn, _vaerdi, options) => {
          if (options) sat.push(options);
        },
      },
      'id.hemmelighed',
      new URL('https://mitforloeb.hedensted.dk/'),
    );
    expect(sat).toEqual([{ httpOnly: true, sameSite: 'lax', secure: true, path: '/' }]);
  });
});
