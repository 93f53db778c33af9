import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { audit, personer, sager, sagshaendelser } from '../../../db/schema.ts';
import { demoensSidsteHaendelse } from '../../../db/test-fixtures.ts';
import { behandlApiKald } from './http.server.ts';
import { createApiToken, revokeApiToken, validateApiToken } from './noegler.server.ts';
import { type Rute, ruter } from './ruter.server.ts';
import { else_, elsesSag, NU, nyDemoDb } from './test-hjaelp.ts';

let db: Db;
let token: string;
let noegleId: string;
const antal = async (t: typeof personer | typeof sager | typeof sagshaendelser | typeof audit) =>
  defined(foerste(await db.select({ n: count() }).from(t)), 'Antallet').n;

beforeEach(async () => {
  ({ db } = await nyDemoDb());
  ({
    token,
    noegle: { id: noegleId },
  } = await createApiToken(db, 'Nexus', ['skriv:personer', 'skriv:sager', 'laes:klager'], NU));
});

interface Kald {
  token?: string | null;
  krop?: unknown;
  raa?: string;
  headers?: Record<string, string>;
  query?: string;
}

/** One request through the whole HTTP layer, as the Astro endpoint makes it. */
async function kald(rute: Rute, kildeId: string | undefined, k: Kald = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...k.headers };
  const t = k.token === undefined ? token : k.token;
  if (t) headers.authorization = `Bearer ${t}`;
  const sti = rute.sti.replace('{kildeId}', encodeURIComponent(kildeId ?? '')) + (k.query ?? '');
  const request = new Request(`http://localhost${sti}`, {
    method: rute.metode,
    headers,
    ...(rute.metode === 'PUT' ? { body: k.raa ?? JSON.stringify(k.krop) } : {}),
  });
  const res = await behandlApiKald(db, rute, request, { kildeId }, NU);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('adgangsnøgler', () => {
  it('gemmer kun et hash af hemmeligheden', async () => {
    const { token: t, noegle } = await createApiToken(db, 'DUBU', ['skriv:sager'], NU);
    expect(noegle.secretHash).toHaveLength(32);
    expect(JSON.stringify(noegle)).not.toContain(t.split('.')[1]);
    expect(await validateApiToken(db, `Bearer ${t}`)).toMatchObject({
      ok: true,
      noegle: { system: 'DUBU', scopes: ['skriv:sager'] },
    });
  });

  it('afviser et ukendt scope og et ugyldigt systemnavn', async () => {
    await expect(createApiToken(db, 'Nexus', ['skriv:alt'], NU)).rejects.toThrow(/Ukendt scope/);
    await expect(createApiToken(db, 'Nexus:x', ['skriv:sager'], NU)).rejects.toThrow(/Systemnavnet/);
    await expect(createApiToken(db, 'Nexus', [], NU)).rejects.toThrow(/mindst ét scope/);
  });

  it.each([
    ['ingen nøgle', null, 'Mangler adgangsnøgle'],
    ['forkert hemmelighed', 'WRONG', 'Ugyldig adgangsnøgle.'],
    ['ukendt id', 'ukendt.hemmelighed', 'Ugyldig adgangsnøgle.'],
    ['uden punktum', 'bare-en-streng', 'Ugyldig adgangsnøgle.'],
  ])('%s giver 401 og gemmer intet', async (_navn, t, besked) => {
    const brugt = t === 'WRONG' ? `${token.split('.')[0]}.${'a'.repeat(32)}` : t;
    const foer = await antal(personer);
    const r = await kald(ruter.person, 'P-1', { token: brugt, krop: else_() });
    expect(r.status).toBe(401);
    expect(r.body.fejl).toContain(besked);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await antal(personer)).toBe(foer);
  });

  it('en tilbagekaldt nøgle giver 401 med det samme', async () => {
    expect((await kald(ruter.person, 'P-1', { krop: else_() })).status).toBe(201);
    await revokeApiToken(db, noegleId, NU);
    const r = await kald(ruter.person, 'P-1', { krop: else_({ navn: 'Else N.' }) });
    expect(r).toMatchObject({ status: 401, body: { fejl: 'Adgangsnøglen er tilbagekaldt.' } });
  });

  it('en nøgle uden scopet giver 403', async () => {
    const r = await kald(ruter.afgoerelse, 'S-1', { krop: {} });
    expect(r).toMatchObject({ status: 403, body: { fejl: expect.stringContaining('skriv:afgoerelser') } });
    const { token: kunLaes } = await createApiToken(db, 'Nexus', ['laes:klager'], NU);
    expect((await kald(ruter.person, 'P-1', { token: kunLaes, krop: else_() })).status).toBe(403);
  });
});

describe('PUT over HTTP', () => {
  it('201 ved oprettelse, 200 aendret:false ved gentagelse, 200 aendret:true ved ændring', async () => {
    const a = await kald(ruter.person, 'P-1', { krop: else_() });
    expect(a).toMatchObject({ status: 201, body: { id: expect.any(String), aendret: true } });
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect(await kald(ruter.person, 'P-1', { krop: else_() })).toMatchObject({
      status: 200,
      body: { id: a.body.id, aendret: false },
    });
    expect(await kald(ruter.person, 'P-1', { krop: else_({ by: 'Hedensted' }) })).toMatchObject({
      status: 200,
      body: { id: a.body.id, aendret: true },
    });
  });

  it('ugyldige data giver 400 med danske feltfejl, og intet gemmes', async () => {
    await kald(ruter.person, 'P-1', { krop: else_() });
    const foer = [await antal(sager), await antal(sagshaendelser), await antal(audit)];
    const r = await kald(ruter.sag, 'S-1', { krop: { ...elsesSag(), trin: 9, modtaget: 'i går', hemmeligt: true } });
    expect(r.status).toBe(400);
    expect(r.body.fejl).toBe('Ugyldige data');
    expect(r.body.felter).toEqual(
      expect.arrayContaining([
        { felt: 'trin', besked: 'Trinnet skal være et helt tal fra 1 til 7.' },
        { felt: 'modtaget', besked: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24.' },
        { felt: 'hemmeligt', besked: expect.stringContaining('Ukendt felt') },
      ]),
    );
    expect([await antal(sager), await antal(sagshaendelser), await antal(audit)]).toEqual(foer);
  });

  it('en ukendt person giver 422 med feltfejl', async () => {
    const r = await kald(ruter.sag, 'S-1', { krop: elsesSag({ personKildeId: 'P-404' }) });
    expect(r).toMatchObject({ status: 422, body: { felter: [{ felt: 'personKildeId' }] } });
  });

  it.each([
    ['ugyldig JSON', { raa: '{"cpr": "0102501234",' }, 400, 'Ugyldig JSON'],
    ['en liste i stedet for et objekt', { raa: '[]' }, 400, 'Ugyldige data'],
    ['null', { raa: 'null' }, 400, 'Ugyldige data'],
    ['en anden content-type', { raa: 'cpr=1', headers: { 'content-type': 'text/plain' } }, 415, 'application/json'],
    ['for stor krop', { raa: JSON.stringify({ navn: 'x'.repeat(1_100_000) }) }, 413, '1 MB'],
  ])('%s giver en 4xx uden at gemme noget', async (_navn, k, status, besked) => {
    const foer = await antal(personer);
    const r = await kald(ruter.person, 'P-1', k);
    expect(r.status).toBe(status);
    expect(r.body.fejl).toContain(besked);
    expect(await antal(personer)).toBe(foer);
  });

  // Found by the e2e fuzz on PostgreSQL, which cannot store U+0000 in text (a 500 there).
  it('et NUL-tegn i en tekst giver 400 med feltet, og intet gemmes', async () => {
    const foer = await antal(personer);
    const r = await kald(ruter.person, 'P-1', { krop: { ...else_(), navn: 'Else\u0000Nielsen' } });
    expect(r).toMatchObject({ status: 400, body: { fejl: 'Ugyldige data', felter: [{ felt: 'navn' }] } });
    expect(await antal(personer)).toBe(foer);
  });

  it('ugyldig JSON nævner felterne som alle andre 400-svar', async () => {
    const r = await kald(ruter.person, 'P-1', { raa: '{"cpr": ' });
    expect(r).toMatchObject({
      status: 400,
      body: {
        fejl: 'Ugyldig JSON. Kroppen kunne ikke læses.',
        felter: [{ felt: '(hele objektet)', besked: 'Kroppen er ikke gyldig JSON.' }],
      },
    });
  });

  it('ugyldig JSON gentager ikke indholdet (det kan være et CPR-nummer)', async () => {
    const r = await kald(ruter.person, 'P-1', { raa: '0102501234 er mit cpr' });
    expect(JSON.stringify(r.body)).not.toContain('0102501234');
  });

  it('et ugyldigt kildeId i stien giver 400', async () => {
    const r = await kald(ruter.person, '../x', { krop: else_() });
    expect(r).toMatchObject({ status: 400, body: { felter: [{ felt: 'kildeId' }] } });
  });

  it('en uventet fejl giver 500 uden stakspor og uden data', async () => {
    const fejler: Rute = {
      ...ruter.person,
      udfoer: async () => {
        throw new Error('SqliteError: noget gik galt i /work/main/db');
      },
    };
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await kald(fejler, 'P-1', { krop: else_() });
    log.mockRestore();
    expect(r.status).toBe(500);
    expect(Object.keys(r.body)).toEqual(['fejl']);
    expect(JSON.stringify(r.body)).not.toMatch(/Sqlite|\/work|at /);
  });
});

describe('GET over HTTP', () => {
  it('ugyldige parametre giver 400, ukendte parametre også', async () => {
    expect(await kald(ruter.klager, undefined, { query: '?siden=i-går' })).toMatchObject({
      status: 400,
      body: { felter: [{ felt: 'siden' }] },
    });
    expect(await kald(ruter.klager, undefined, { query: '?fra=2026-01-01' })).toMatchObject({
      status: 400,
      body: { felter: [{ felt: 'fra' }] },
    });
    expect(await kald(ruter.klager, undefined, { query: '?antal=501' })).toMatchObject({
      status: 400,
      body: { felter: [{ felt: 'antal' }] },
    });
  });

  it('giver en side med naeste', async () => {
    // A cursor from before the lists were views of the feed leads on to the feed's own.
    const r = await kald(ruter.klager, undefined, { query: '?siden=2026-01-01T00:00:00Z' });
    expect(r).toMatchObject({
      status: 200,
      body: { elementer: [], flere: false, naeste: `/api/v1/klager?haendelse=${await demoensSidsteHaendelse(db)}` },
    });
  });
});
