import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { createStandInMitid, LOA_LOW, LOA_SUBSTANTIAL, type StandInPersona } from './provider.ts';
import { formPost as form, TestBrowser } from './test-browser.ts';

const PREFIX = '/test-mitid';
const CLIENT_ID = 'mit-forloeb';
const CLIENT_SECRET = 'test-hemmelighed-der-er-lang-nok';
// What the portal asks for (src/features/login/oidc.server.ts).
const SCOPE = 'openid profile';

const personas: [StandInPersona, StandInPersona, StandInPersona] = [
  {
    sub: 'borger-jens',
    name: 'Jens Madsen',
    cpr: '0101701234',
    kind: 'borger',
    description: 'Borger med <forløb> & aftaler',
  },
  {
    sub: 'paaroerende-anne',
    name: 'Anne Østergaard',
    cpr: '0202801234',
    kind: 'borger',
    description: 'Pårørende til Jens',
  },
  { sub: 'medarbejder-lise', name: 'Lise Holm', kind: 'medarbejder', description: 'Sagsbehandler i Social Omsorg' },
];

interface Site {
  origin: string;
  issuer: string;
  redirectUri: string;
  postLogoutUri: string;
  close: () => Promise<void>;
}

/**
 * Starts a node:http server on an ephemeral port with the stand-in mounted under `prefix`
 * the way the portal mounts it, or as the whole server when `prefix` is ''.
 */
async function startSite(prefix: string): Promise<Site> {
  let mitid: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (mitid && (prefix === '' || req.url?.startsWith(prefix))) return mitid(req, res);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: Site = {
    origin,
    issuer: `${origin}${prefix}`,
    redirectUri: `${origin}/login/callback`,
    postLogoutUri: `${origin}/login/logged-out`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  const standIn = await createStandInMitid({
    issuer: site.issuer,
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [site.redirectUri],
        post_logout_redirect_uris: [site.postLogoutUri],
      },
    ],
    personas: async () => personas,
  });
  expect(standIn.pathPrefix).toBe(prefix);
  mitid = standIn.handler;
  return site;
}

let site: Site;
beforeAll(async () => {
  site = await startSite(PREFIX);
});
afterAll(async () => await site.close());

async function discover(site: Site, auth?: client.ClientAuth) {
  return client.discovery(new URL(site.issuer), CLIENT_ID, CLIENT_SECRET, auth, {
    execute: [client.allowInsecureRequests],
  });
}

async function startLogin(site: Site, browser: TestBrowser, config: client.Configuration) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: site.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const result = await browser.follow(url.href);
  return { ...result, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
}

function loginAction(html: string, sub: string): string {
  for (const [, action, inner] of html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)) {
    if (action && inner?.includes(`name="sub" value="${sub}"`)) return action.replaceAll('&amp;', '&');
  }
  throw new Error(`no login form for ${sub}`);
}

/** The first group of a pattern the page must contain. */
function foerste(re: RegExp, s: string): string {
  const group = re.exec(s)?.[1];
  if (group === undefined) throw new Error(`${re} not found`);
  return group;
}

/** Runs a whole login as `persona` and returns the token response and the checks used. */
async function logIn(
  site: Site,
  browser: TestBrowser,
  config: client.Configuration,
  persona: StandInPersona,
  loa: 'substantial' | 'low',
) {
  const { response, checks } = await startLogin(site, browser, config);
  expect(response?.status).toBe(200);
  const html = await defined(response, 'Svaret').text();
  const done = await browser.follow(
    new URL(loginAction(html, persona.sub), site.origin).href,
    form({ sub: persona.sub, loa }),
  );
  expect(done.url.startsWith(`${site.redirectUri}?`)).toBe(true);
  expect(new URL(done.url).searchParams.has('code')).toBe(true);
  return client.authorizationCodeGrant(config, new URL(done.url), checks);
}

describe('stand-in MitID', () => {
  it('serverer discovery under præfikset med PKCE, userinfo og logout', async () => {
    const config = await discover(site);
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(site.issuer);
    expect(metadata.authorization_endpoint).toBe(`${site.issuer}/auth`);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.userinfo_endpoint).toBe(`${site.issuer}/me`);
    expect(metadata.end_session_endpoint).toBe(`${site.issuer}/session/end`);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile']));
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });

  it('afviser en autorisationsanmodning uden PKCE', async () => {
    const config = await discover(site);
    const url = client.buildAuthorizationUrl(config, { redirect_uri: site.redirectUri, scope: SCOPE, state: 'x' });
    const { url: landed } = await new TestBrowser(`${site.origin}/login/`).follow(url.href);
    const error = new URL(landed).searchParams;
    expect(error.get('error')).toBe('invalid_request');
    expect(error.get('error_description')).toMatch(/PKCE/);
  });

  it('viser test-login-siden og logger en borger ind på niveau Betydelig', async () => {
    const browser = new TestBrowser(`${site.origin}/login/`);
    const config = await discover(site);
    const { response, checks } = await startLogin(site, browser, config);
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await defined(response, 'Svaret').text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Test-login (ikke MitID)</h1>');
    expect(html).toContain('Dette er et test-login til demo og automatiske test. Det er ikke MitID');
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
    for (const persona of personas) {
      expect(html).toContain(`>Log ind som ${persona.name.replace('&', '&amp;')}</button>`);
    }
    expect(html.indexOf('<h2 id="borgere">Borgere og pårørende</h2>')).toBeLessThan(
      html.indexOf('Log ind som Jens Madsen'),
    );
    expect(html.indexOf('<h2 id="medarbejdere">Medarbejdere</h2>')).toBeLessThan(html.indexOf('Log ind som Lise Holm'));
    expect(html).toContain('Borger med &lt;forløb&gt; &amp; aftaler');
    expect(html).not.toContain('<forløb>');
    const loaIds = [
      ...html.matchAll(/<label for="([^"]+)">Sikringsniveau<\/label>\n<select id="([^"]+)" name="loa">/g),
    ];
    expect(loaIds).toHaveLength(personas.length);
    expect(loaIds.every(([, label, select]) => label === select)).toBe(true);
    expect(new Set(loaIds.map(([, id]) => id)).size).toBe(personas.length);
    expect(html).toContain('<option value="substantial" selected>Betydelig</option>\n<option value="low">Lav</option>');

    const jens = personas[0];
    const done = await browser.follow(
      new URL(loginAction(html, jens.sub), site.origin).href,
      form({ sub: jens.sub, loa: 'substantial' }),
    );
    expect(done.url.startsWith(`${site.redirectUri}?`)).toBe(true);
    // Client authentication with client_secret_basic here; the other cases use openid-client's default (post).
    const basicConfig = await discover(site, client.ClientSecretBasic(CLIENT_SECRET));
    const tokens = await client.authorizationCodeGrant(basicConfig, new URL(done.url), checks);
    const claims = defined(tokens.claims(), 'Claims');
    expect(claims).toMatchObject({
      iss: site.issuer,
      aud: CLIENT_ID,
      sub: jens.sub,
      name: jens.name,
      cpr: jens.cpr,
      loa: LOA_SUBSTANTIAL,
      acr: LOA_SUBSTANTIAL,
      nonce: checks.expectedNonce,
    });
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, jens.sub);
    expect(userinfo).toMatchObject({ sub: jens.sub, name: jens.name, cpr: jens.cpr, loa: LOA_SUBSTANTIAL });
  });

  it('udsteder niveau Lav, når "Lav" vælges', async () => {
    const config = await discover(site);
    const anne = personas[1];
    const tokens = await logIn(site, new TestBrowser(`${site.origin}/login/`), config, anne, 'low');
    expect(tokens.claims()).toMatchObject({ sub: anne.sub, cpr: anne.cpr, loa: LOA_LOW, acr: LOA_LOW });
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, anne.sub);
    expect(userinfo.loa).toBe(LOA_LOW);
  });

  it('giver en medarbejderpersona intet CPR-nummer', async () => {
    const config = await discover(site);
    const lise = personas[2];
    const tokens = await logIn(site, new TestBrowser(`${site.origin}/login/`), config, lise, 'substantial');
    const claims = defined(tokens.claims(), 'Claims');
    expect(claims).toMatchObject({ sub: lise.sub, name: lise.name, loa: LOA_SUBSTANTIAL, acr: LOA_SUBSTANTIAL });
    expect(claims).not.toHaveProperty('cpr');
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, lise.sub);
    expect(userinfo).not.toHaveProperty('cpr');
    expect(userinfo.name).toBe(lise.name);
  });

  it('afslutter udbyderens session med RP-initieret logout, uden id_token_hint (portalen sender intet)', async () => {
    const browser = new TestBrowser(`${site.origin}/login/`);
    const config = await discover(site);
    const jens = personas[0];
    await logIn(site, browser, config, jens, 'substantial');

    // While the session lives, a new request logs straight in without the login page.
    const again = await startLogin(site, browser, config);
    expect(again.response).toBeUndefined();
    expect(again.url).toMatch(/\/login\/callback\?.*code=/);

    const endSession = client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: site.postLogoutUri,
      state: 'farvel',
    });
    expect(endSession.searchParams.has('id_token_hint')).toBe(false);
    const confirm = await browser.follow(endSession.href);
    expect(confirm.response?.status).toBe(200);
    const html = await defined(confirm.response, 'Svaret').text();
    expect(html).toContain('<html lang="da">');
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
    expect(html).toContain('<button type="submit" name="logout" value="yes">Log ud</button>');
    const action = foerste(/<form[^>]*method="post" action="([^"]+)"/, html);
    const xsrf = foerste(/name="xsrf" value="([^"]+)"/, html);
    const done = await browser.follow(new URL(action, site.origin).href, form({ xsrf, logout: 'yes' }));
    expect(done.url).toBe(`${site.postLogoutUri}?state=farvel`);

    const after = await startLogin(site, browser, config);
    expect(after.response?.status).toBe(200);
    expect(await defined(after.response, 'Svaret').text()).toContain('Test-login (ikke MitID)');
  });

  it('afviser en ukendt persona og et ukendt niveau', async () => {
    const browser = new TestBrowser(`${site.origin}/login/`);
    const { response } = await startLogin(site, browser, await discover(site));
    const action = new URL(loginAction(await defined(response, 'Svaret').text(), personas[0].sub), site.origin).href;
    expect((await browser.request(action, form({ sub: 'findes-ikke', loa: 'substantial' }))).status).toBe(400);
    expect((await browser.request(action, form({ sub: personas[0].sub, loa: 'high' }))).status).toBe(400);
  });

  it('sender access_denied tilbage til portalen, når login afbrydes', async () => {
    const browser = new TestBrowser(`${site.origin}/login/`);
    const { response, checks } = await startLogin(site, browser, await discover(site));
    const abort = foerste(/<form method="post" action="([^"]+\/abort)">/, await defined(response, 'Svaret').text());
    const done = await browser.follow(new URL(abort, site.origin).href, form({}));
    const params = new URL(done.url).searchParams;
    expect(done.url.startsWith(`${site.redirectUri}?`)).toBe(true);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(checks.expectedState);
  });

  it('svarer 404 uden for sit præfiks', async () => {
    expect((await fetch(`${site.origin}${PREFIX}x/.well-known/openid-configuration`)).status).toBe(404);
  });
});

describe('stand-in MitID i serverens rod', () => {
  let root: Site;
  beforeAll(async () => {
    root = await startSite('');
  });
  afterAll(async () => await root.close());

  it('kører discovery og et helt login uden præfiks i stien', async () => {
    const config = await discover(root);
    expect(config.serverMetadata().authorization_endpoint).toBe(`${root.origin}/auth`);
    const jens = personas[0];
    const tokens = await logIn(root, new TestBrowser(`${root.origin}/login/`), config, jens, 'substantial');
    expect(tokens.claims()).toMatchObject({ iss: root.origin, sub: jens.sub, cpr: jens.cpr, acr: LOA_SUBSTANTIAL });
  });
});
