/**
 * The public pages' cache in front of Astro, over a real HTTP server: what it keeps (a visitor's
 * 200 marked as the same for all, of the current edition), what it never keeps, and what a
 * logged-in person gets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRUGERFELT_START, brugerfeltIndhold } from '#/features/login/brugerfelt.ts';
import { SESSION_COOKIE } from '#/features/login/cookie.ts';
import { SAMME_FOR_ALLE } from '#/features/redaktion/offentlig.server.ts';
import { sidecache } from './sidecache.ts';

let udgave = 'u1';
let renderinger = 0;
let server: http.Server;
let url: string;

/** Astro's part: writes as the Node adapter does (writeHead, then chunks); each path behaves its way. */
function astro(req: http.IncomingMessage, res: http.ServerResponse) {
  renderinger++;
  const side = `<header>${BRUGERFELT_START}${brugerfeltIndhold(undefined)}</div></header><p>${req.url} ${renderinger}</p>`;
  const sti = (req.url ?? '').split('?')[0];
  const headers: Record<string, string> = { 'content-type': 'text/html' };
  if (sti !== '/umarkeret') headers[SAMME_FOR_ALLE] = sti === '/gammel' ? 'u0' : udgave;
  if (sti === '/cookie') headers['set-cookie'] = 'x=1';
  res.writeHead(sti === '/mangler' ? 404 : 200, headers);
  res.write(Buffer.from(side.slice(0, 10)));
  res.end(Buffer.from(side.slice(10)));
}

beforeAll(async () => {
  const cache = sidecache(
    async () => udgave,
    async (token) => (token === 'god' ? 'Ali <Hassan>' : undefined),
  );
  server = http.createServer((req, res) => {
    void cache.svar(req, res).then((svaret) => {
      if (svaret) return;
      cache.fang(req, res);
      astro(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  udgave = `u${Math.random()}`;
});

const hent = async (sti: string, init?: RequestInit) => {
  const svar = await fetch(url + sti, init);
  const tekst = await svar.text();
  // The cache stores after the answer has gone: give it its turn.
  await new Promise((r) => setTimeout(r, 10));
  return { svar, tekst };
};
const logget = { headers: { cookie: `${SESSION_COOKIE}=god` } };

describe('sidecache', () => {
  it('gemmer en besøgendes side og svarer med den, til udgaven skifter; mærket forlader aldrig serveren', async () => {
    const foerste = await hent('/pjecer/klage');
    expect(foerste.svar.headers.get(SAMME_FOR_ALLE)).toBeNull();
    const igen = await hent('/pjecer/klage');
    expect(igen.tekst).toBe(foerste.tekst);
    expect(igen.svar.headers.get(SAMME_FOR_ALLE)).toBeNull();
    expect(igen.svar.headers.get('vary')).toBe('Cookie');
    udgave = 'ny';
    expect((await hent('/pjecer/klage')).tekst).not.toBe(foerste.tekst);
  });

  it('en logget ind person får den gemte side med sit navn, og hans egen side gemmes aldrig', async () => {
    const foerste = await hent('/pjecer/hjaelp', logget);
    expect(foerste.tekst).toContain('Log ind');
    // Rendered for him, not kept: a visitor next gets a new rendering.
    const besoeg = await hent('/pjecer/hjaelp');
    expect(besoeg.tekst).not.toBe(foerste.tekst);
    const fraCache = await hent('/pjecer/hjaelp', logget);
    expect(fraCache.tekst).toContain('Ali &lt;Hassan&gt;');
    expect(fraCache.tekst).toContain(besoeg.tekst.slice(-20));
    expect(fraCache.svar.headers.get('cache-control')).toBe('no-store');
  });

  it('gemmer ikke en umærket side, en fejl, et svar med en cookie, en forespørgsel med ? eller en ældre udgave', async () => {
    for (const sti of ['/umarkeret', '/mangler', '/cookie', '/soeg?q=klage', '/gammel']) {
      const a = await hent(sti);
      const b = await hent(sti);
      expect(b.tekst, sti).not.toBe(a.tekst);
    }
  });

  it('én adresse skrevet på to måder er én side', async () => {
    const a = await hent('/pjecer/saadan-klager-du');
    const b = await hent('/pjecer/saadan%2Dklager-du');
    expect(b.tekst).toBe(a.tekst);
  });
});
