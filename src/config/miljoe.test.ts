import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, lesMiljoe, manglendeLogin } from './miljoe.ts';

describe('miljøet', () => {
  it('giver standardværdierne, når intet er sat, og læser tal som tal', () => {
    const m = lesMiljoe({});
    expect(m).toMatchObject({
      PORT: 4321,
      HOST: 'localhost',
      DATABASE_URL: DEFAULT_DATABASE_URL,
      RATE_LIMIT_LOGIN: 60,
      RATE_LIMIT_POST: 120,
    });
    expect(m).toMatchObject({
      BILAG_DIR: 'data/bilag',
      OPBEVARING_KLADDE_DAGE: 30,
      OPBEVARING_LOG_DAGE: 1826,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      WORKERS: 1,
    });
    expect(m).toMatchObject({ TRUST_PROXY: false, TEST_CLOCK: false, TEST_MITID: false, DEMO_DATA: false });
    expect(lesMiljoe({ RATE_LIMIT_LOGIN: '10000', TRUST_PROXY: '1', PORT: '' })).toMatchObject({
      RATE_LIMIT_LOGIN: 10000,
      TRUST_PROXY: true,
      PORT: 4321,
    });
  });

  // Before, Number('mange') made the limit NaN, and every login after the first in a minute was refused.
  it.each(['mange', '0', '-5', '1.5', '60/min'])(
    'stopper en RATE_LIMIT_LOGIN på %j med en besked, der nævner variablen',
    (v) => {
      expect(() => lesMiljoe({ RATE_LIMIT_LOGIN: v })).toThrow('RATE_LIMIT_LOGIN skal være et helt tal større end 0.');
    },
  );

  it('læser WORKERS som et tal eller auto (én pr. CPU-kerne)', () => {
    expect(lesMiljoe({ WORKERS: '3' }).WORKERS).toBe(3);
    expect(lesMiljoe({ WORKERS: 'auto' }).WORKERS).toBe(availableParallelism());
  });

  it('tager en PostgreSQL-adresse som DATABASE_URL', () => {
    const url = 'postgres://mitforloeb:hemmelig@127.0.0.1:5432/mitforloeb';
    expect(lesMiljoe({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(['0', '-1', '1.5', 'alle', '65'])('stopper WORKERS=%j med en besked, der nævner variablen', (v) => {
    expect(() => lesMiljoe({ WORKERS: v })).toThrow('WORKERS skal være et helt tal fra 1 til 64 eller auto');
  });

  it('nævner hver forkert variabel', () => {
    const besked = (() => {
      try {
        lesMiljoe({ PORT: '99999', RATE_LIMIT_POST: 'x', TRUST_PROXY: 'ja', DATABASE_URL: 'mysql://x' });
      } catch (e) {
        return e instanceof Error ? e.message : '';
      }
      return '';
    })();
    for (const del of [
      'PORT skal være et helt tal større end 0 og højst 65535.',
      'RATE_LIMIT_POST skal være et helt tal større end 0.',
      'TRUST_PROXY skal være 1 (til) eller 0 (fra).',
      'DATABASE_URL skal være en file:-sti til SQLite',
    ])
      expect(besked).toContain(del);
  });

  it('kræver PUBLIC_URL i drift og afviser testuret og test-login der', () => {
    expect(() => lesMiljoe({ NODE_ENV: 'production' })).toThrow('PUBLIC_URL skal sættes i drift (NODE_ENV=production)');
    expect(() =>
      lesMiljoe({ NODE_ENV: 'production', PUBLIC_URL: 'https://mitforloeb.hedensted.dk', TEST_CLOCK: '1' }),
    ).toThrow('TEST_CLOCK må ikke bruges i drift');
    expect(lesMiljoe({ NODE_ENV: 'production', PUBLIC_URL: 'https://mitforloeb.hedensted.dk' }).PUBLIC_URL).toBe(
      'https://mitforloeb.hedensted.dk',
    );
    expect(() => lesMiljoe({ PUBLIC_URL: 'mitforloeb.dk' })).toThrow('PUBLIC_URL skal være en hel adresse');
  });

  it('tager TEST_NOW kun sammen med TEST_CLOCK=1', () => {
    expect(() => lesMiljoe({ TEST_NOW: '2026-12-02T10:00:00Z' })).toThrow(
      'TEST_NOW virker kun sammen med TEST_CLOCK=1.',
    );
    expect(() => lesMiljoe({ TEST_CLOCK: '1', TEST_NOW: 'i går' })).toThrow('TEST_NOW skal være et tidspunkt');
    expect(lesMiljoe({ TEST_CLOCK: '1', TEST_NOW: '2026-12-02T10:00:00.000Z' }).TEST_NOW).toBe(
      '2026-12-02T10:00:00.000Z',
    );
  });

  it('siger hvilke login-variabler der mangler, undtagen med test-login', () => {
    expect(manglendeLogin(lesMiljoe({ OIDC_ISSUER: 'https://broker.example', OIDC_CLIENT_ID: 'portal' }))).toEqual([
      'OIDC_CLIENT_SECRET',
      'STAFF_OIDC_ISSUER',
      'STAFF_OIDC_CLIENT_ID',
      'STAFF_OIDC_CLIENT_SECRET',
    ]);
    expect(manglendeLogin(lesMiljoe({ TEST_MITID: '1' }))).toEqual([]);
  });
});
