import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { nedlukning } from './shutdown.ts';

let server: http.Server | undefined;

/** A server that answers `/hurtig` at once and holds every other request until `svar()`. */
async function start() {
  const s = http.createServer();
  server = s;
  const n = nedlukning(s);
  const venter: http.ServerResponse[] = [];
  s.on('request', (req, res) => {
    n.foelg(req, res);
    if (req.url === '/hurtig') res.end('svar');
    else venter.push(res);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const svar = () => {
    for (const res of venter) res.end('svar');
  };
  // Resolves when the server has the request (after nedlukning has begun to follow it).
  const modtaget = () => once(s, 'request');
  return { n, svar, modtaget, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('nedlukning ved SIGTERM', () => {
  it('lader en forespørgsel, der er i gang, få sit svar, og afviser nye forbindelser', async () => {
    const { n, svar, modtaget, url } = await start();
    const fremme = modtaget();
    const igang = fetch(`${url}/langsom`).then(async (r) => [r.status, await r.text(), r.headers.get('connection')]);
    await fremme;
    const lukket = n.luk(5_000);
    await expect(fetch(`${url}/hurtig`)).rejects.toThrow();
    svar();
    expect(await igang).toEqual([200, 'svar', 'close']);
    expect(await lukket).toEqual({ afbrudte: 0 });
  });

  it('lukker en keep-alive-forbindelse, der venter, uden at vente på klienten', async () => {
    const { n, url } = await start();
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((r) => http.get(`${url}/hurtig`, { agent }, (res) => res.resume().on('end', r)));
    const start_ = Date.now();
    expect(await n.luk(5_000)).toEqual({ afbrudte: 0 });
    expect(Date.now() - start_).toBeLessThan(1_000);
    agent.destroy();
  });

  it('afbryder efter fristen en forespørgsel, der aldrig bliver færdig', async () => {
    server = http.createServer();
    const n = nedlukning(server);
    server.on('request', (req, res) => n.foelg(req, res));
    await new Promise<void>((r) => defined(server, 'Serveren').listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fremme = once(server, 'request');
    const haenger = fetch(url).catch(() => 'afbrudt');
    await fremme;
    expect(await n.luk(200)).toEqual({ afbrudte: 1 });
    expect(await haenger).toBe('afbrudt');
  });
});
