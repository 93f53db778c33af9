import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRUGERFELT_START, brugerfeltIndhold } from '#/features/login/brugerfelt.ts';
import { sessionToken, statiskeFiler, statiskeStier } from './statiske-filer.ts';

let mappe: string;
let server: http.Server;
let url: string;

beforeAll(async () => {
  mappe = mkdtempSync(join(tmpdir(), 'statiske-'));
  const fil = (sti: string, indhold: string) => {
    mkdirSync(join(mappe, sti, '..'), { recursive: true });
    writeFileSync(join(mappe, sti), indhold);
  };
  fil('index.html', '<p>forside</p>');
  fil('pjecer/klage/index.html', '<p>klage</p>');
  fil(
    'pjecer/hjaelp/index.html',
    `<header>${BRUGERFELT_START}${brugerfeltIndhold(undefined)}</div></header><p>hjælp</p>`,
  );
  fil('_astro/portal.abc123.css', 'body{}');
  fil('favicon.svg', '<svg/>');
  fil('.env', 'HEMMELIG=1');
  fil('.well-known/security.txt', 'Contact: mailto:it@kommune.dk');
  // The session store of the test: one good token; one whose lookup fails.
  const statiske = statiskeFiler(mappe, async (token) => {
    if (token === 'fejl') throw new Error('databasen svarer ikke');
    return token === 'god' ? 'Ali <Hassan>' : undefined;
  });
  // What the server does: a file if there is one, otherwise Astro (here a page that says so).
  server = http.createServer((req, res) => {
    if (!statiske(req, res)) res.end('astro');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(mappe, { recursive: true, force: true });
});

const hent = async (sti: string, init?: RequestInit) => {
  const svar = await fetch(url + sti, { redirect: 'manual', ...init });
  return { svar, tekst: await svar.text() };
};

describe('byggets filer serveres før Astro', () => {
  it('kender filerne, en mappes index.html under mappens sti, og ikke skjulte filer', () => {
    expect([...statiskeStier(mappe)].toSorted()).toEqual([
      ['/', '/index.html'],
      ['/.well-known/security.txt', '/.well-known/security.txt'],
      ['/_astro/portal.abc123.css', '/_astro/portal.abc123.css'],
      ['/favicon.svg', '/favicon.svg'],
      ['/index.html', '/index.html'],
      ['/pjecer/hjaelp', '/pjecer/hjaelp/index.html'],
      ['/pjecer/hjaelp/index.html', '/pjecer/hjaelp/index.html'],
      ['/pjecer/klage', '/pjecer/klage/index.html'],
      ['/pjecer/klage/index.html', '/pjecer/klage/index.html'],
    ]);
  });

  it('en forudbygget side og forsiden, med type og ETag', async () => {
    const { svar, tekst } = await hent('/pjecer/klage');
    expect(svar.status).toBe(200);
    expect(tekst).toBe('<p>klage</p>');
    expect(svar.headers.get('content-type')).toMatch(/^text\/html/);
    expect(svar.headers.get('etag')).toBeTruthy();
    expect((await hent('/')).tekst).toBe('<p>forside</p>');
    expect((await hent('/pjecer/klage?fra=soeg')).tekst).toBe('<p>klage</p>');
  });

  it('svarer 304 på en betinget forespørgsel, og HEAD uden indhold', async () => {
    const etag = (await hent('/favicon.svg')).svar.headers.get('etag') ?? '';
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to a conditional request, which forbids a 304.
    const status = await new Promise((svar) =>
      http.get(`${url}/favicon.svg`, { headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        svar(res.statusCode);
      }),
    );
    expect(status).toBe(304);
    const head = await hent('/favicon.svg', { method: 'HEAD' });
    expect(head.svar.status).toBe(200);
    expect(head.tekst).toBe('');
  });

  it('byggets aktiver må gemmes for altid, sider ikke', async () => {
    expect((await hent('/_astro/portal.abc123.css')).svar.headers.get('cache-control')).toContain('immutable');
    expect((await hent('/pjecer/klage')).svar.headers.get('cache-control')).not.toContain('immutable');
  });

  it('en mappes sti med skråstreg til sidst sendes videre til stien uden, med sin forespørgsel', async () => {
    const { svar } = await hent('/pjecer/klage/?fra=soeg');
    expect(svar.status).toBe(301);
    expect(svar.headers.get('location')).toBe('/pjecer/klage?fra=soeg');
  });

  it('alt andet går til Astro: andre sider, skjulte filer, andre metoder end GET og HEAD', async () => {
    expect((await hent('/min-side')).tekst).toBe('astro');
    expect((await hent('/min-side/')).tekst).toBe('astro');
    expect((await hent('/.env')).tekst).toBe('astro');
    expect((await hent('/pjecer/klage', { method: 'POST', body: 'x' })).tekst).toBe('astro');
    expect((await hent('/.well-known/security.txt')).tekst).toContain('Contact');
  });

  it('en logget ind person ser sit navn og "Log af" på en forudbygget side, aldrig gemt og aldrig 304', async () => {
    const { svar, tekst } = await hent('/pjecer/hjaelp', {
      headers: { cookie: 'andet=1; session=god' },
    });
    expect(svar.status).toBe(200);
    expect(tekst).toContain('<p class="user">Ali &lt;Hassan&gt;</p>');
    expect(tekst).toContain('Log af');
    expect(tekst).not.toContain('Log ind');
    expect(tekst).toContain('<p>hjælp</p>');
    expect(svar.headers.get('cache-control')).toBe('no-store');
    expect(svar.headers.get('etag')).toBeNull();
    expect(svar.headers.get('vary')).toBe('Cookie');
    // The visitor's copy in the browser's cache must not stand in for the logged-in page.
    const etag = (await hent('/pjecer/hjaelp')).svar.headers.get('etag') ?? '';
    const status = await new Promise((svar) =>
      http.get(`${url}/pjecer/hjaelp`, { headers: { 'if-none-match': etag, cookie: 'session=god' } }, (res) => {
        res.resume();
        svar(res.statusCode);
      }),
    );
    expect(status).toBe(200);
  });

  it('uden gyldig session, eller når opslaget fejler, er siden den samme som for alle', async () => {
    for (const cookie of [undefined, 'session=forkert', 'session=fejl', 'minsession=god']) {
      const { svar, tekst } = await hent('/pjecer/hjaelp', cookie ? { headers: { cookie } } : undefined);
      expect(svar.status).toBe(200);
      expect(tekst).toContain('Log ind');
      expect(svar.headers.get('vary')).toBe('Cookie');
      expect(svar.headers.get('etag')).toBeTruthy();
    }
  });

  it('finder sessionens cookie blandt andre', () => {
    expect(sessionToken('session=abc')).toBe('abc');
    expect(sessionToken('a=1; session=abc; b=2')).toBe('abc');
    expect(sessionToken('minsession=abc')).toBeUndefined();
    expect(sessionToken(undefined)).toBeUndefined();
  });
});
