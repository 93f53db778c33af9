import { describe, expect, it } from 'vitest';
import { klientadresse } from './proxy.ts';

describe('klientadresse', () => {
  it.each([
    ['uden proxy tæller forbindelsens adresse, og headeren ignoreres', '203.0.113.9', '10.0.0.1', false, '203.0.113.9'],
    ['bag en proxy tæller det hop, proxyen selv tilføjede', '127.0.0.1', '198.51.100.7', true, '198.51.100.7'],
    [
      'en klient kan ikke vælge sin egen adresse foran proxyens',
      '127.0.0.1',
      '1.2.3.4, 198.51.100.7',
      true,
      '198.51.100.7',
    ],
    ['flere headere læses som én kæde', '127.0.0.1', ['1.2.3.4', '198.51.100.7'], true, '198.51.100.7'],
    ['uden header bag proxy tæller forbindelsen', '127.0.0.1', undefined, true, '127.0.0.1'],
    ['en tom header tæller som ingen', '127.0.0.1', ' , ', true, '127.0.0.1'],
  ] as const)('%s', (_navn, socket, xff, trust, forventet) => {
    expect(klientadresse(socket, xff as string | string[] | undefined, trust)).toBe(forventet);
  });
});
