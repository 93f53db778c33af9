import { describe, expect, it } from 'vitest';
import { tilKanoniskAdresse } from './kanonisk.ts';

const callback = 'https://mitforloeb.hedensted.dk/log-ind/callback';

describe('tilKanoniskAdresse', () => {
  it('sender et login fra en anden værtsadresse til portalens egen, med næste side', () => {
    expect(
      tilKanoniskAdresse(new URL('https://www.hedensted.dk/log-ind/mitid?next=%2Fmin-side%2Fbeskeder'), callback)?.href,
    ).toBe('https://mitforloeb.hedensted.dk/log-ind/mitid?next=%2Fmin-side%2Fbeskeder&kanonisk=1');
  });
  it('lader et login på den egne adresse være, og flytter kun én gang', () => {
    expect(tilKanoniskAdresse(new URL('https://mitforloeb.hedensted.dk/log-ind/mitid'), callback)).toBeNull();
    expect(tilKanoniskAdresse(new URL('http://127.0.0.1:4321/log-ind/mitid?kanonisk=1'), callback)).toBeNull();
  });
});
