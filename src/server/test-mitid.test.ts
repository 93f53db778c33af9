import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formPost, TestBrowser } from '#/features/login/stand-in-mitid/test-browser.ts';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../db/client.ts';
import { seedDemo } from '../../db/seed.ts';
import { toForbindelser } from '../../db/test-database.ts';
import { mountTestMitid, TEST_MITID_PATH } from './test-mitid.ts';

type Haandtering = (req: IncomingMessage, res: ServerResponse) => void;

// Two "processes" (each its own connection and provider) behind one address, taking turns per
// request as a cluster's round robin does: every step of a login lands on the other one.
let a: Db;
let b: Db;
let origin: string;
let luk: () => void;
const envA: NodeJS.ProcessEnv = {};
const envB: NodeJS.ProcessEnv = {};
let jensSub: string;

beforeAll(async () => {
  const forbindelser = await toForbindelser('test-mitid');
  ({ a, b } = forbindelser);
  jensSub = `borger-${(await seedDemo(a, '2026-12-02')).jens.id}`;
  const haandteringer: Haandtering[] = [];
  let tur = 0;
  const server = createServer((req, res) => defined(haandteringer[tur++ % 2], 'Processen')(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  haandteringer.push((await mountTestMitid(a, origin, envA)).handler);
  haandteringer.push((await mountTestMitid(b, origin, envB)).handler);
  luk = () => {
    server.closeAllConnections();
    server.close();
  };
});
afterAll(() => luk());

describe('test-login med flere processer', () => {
  it('giver begge processer de samme klienthemmeligheder', () => {
    expect(envA.OIDC_CLIENT_SECRET).toBeTruthy();
    expect(envB.OIDC_CLIENT_SECRET).toBe(envA.OIDC_CLIENT_SECRET);
    expect(envB.STAFF_OIDC_CLIENT_SECRET).toBe(envA.STAFF_OIDC_CLIENT_SECRET);
  });

  it('et login, der skifter proces ved hvert skridt, gennemføres og giver et gyldigt ID-token', async () => {
    const issuer = `${origin}${TEST_MITID_PATH}`;
    const redirectUri = `${origin}/log-ind/callback`;
    const config = await client.discovery(
      new URL(issuer),
      defined(envA.OIDC_CLIENT_ID, 'Klient'),
      defined(envA.OIDC_CLIENT_SECRET, 'Hemmelighed'),
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
    const verifier = client.randomPKCECodeVerifier();
    const checks = { pkceCodeVerifier: verifier, expectedState: client.randomState(), expectedNonce: 'n-1' };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: checks.expectedState,
      nonce: checks.expectedNonce,
    });
    const browser = new TestBrowser(`${origin}/log-ind/`);
    const side = await defined((await browser.follow(url.href)).response, 'Login-siden').text();
    const action = defined(
      [...side.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].find(([, , indhold]) =>
        indhold?.includes(`value="${jensSub}"`),
      )?.[1],
      'Jens’ formular',
    ).replaceAll('&amp;', '&');
    const faerdig = await browser.follow(new URL(action, origin).href, formPost({ sub: jensSub, loa: 'substantial' }));
    expect(faerdig.url.startsWith(`${redirectUri}?`)).toBe(true);
    const tokens = await client.authorizationCodeGrant(config, new URL(faerdig.url), checks);
    expect(tokens.claims()?.sub).toBe(jensSub);
  });
});
