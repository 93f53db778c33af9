import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { siderAdGangen } from './sider-ad-gangen.ts';

let server: http.Server | undefined;

/**
 * A server whose pages start (`startet`) and then wait until the test answers them (`svar`). A slot
 * is not given up by time unless a test asks for it (`slipEfterMs`).
 */
async function start(graense: number, slipEfterMs = 60_000) {
  const startet: string[] = [];
  const venter = new Map<string, () => void>();
  const modtagne = new Map<string, http.IncomingMessage>();
  const side = (req: http.IncomingMessage, res: http.ServerResponse) =>
    new Promise<void>((faerdig) => {
      const url = defined(req.url, 'url');
      startet.push(url);
      venter.set(url, () => {
        res.end('svar');
        faerdig();
      });
    });
  const s = http.createServer();
  server = s;
  const iKoe = siderAdGangen(side, graense, slipEfterMs);
  s.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    modtagne.set(defined(req.url, 'url'), req);
    iKoe(req, res);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  /** Sends a request and resolves when the server has it (started or waiting); `status` resolves with the answer. */
  const send = async (sti: string, init?: RequestInit) => {
    const fremme = once(s, 'request');
    const status = fetch(url + sti, init).then(
      (r) => r.status,
      () => 'afbrudt',
    );
    await fremme;
    return { status };
  };
  const svar = (sti: string) => defined(venter.get(sti), `${sti} er ikke startet`)();
  return { startet, send, svar, modtagne };
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('sider ad gangen', () => {
  it('gengiver højst grænsen af sider på én gang; de næste venter i den rækkefølge, de kom', async () => {
    const { startet, send, svar } = await start(2);
    const svarene = [
      (await send('/1')).status,
      (await send('/2')).status,
      (await send('/3')).status,
      (await send('/4')).status,
    ];
    await vi.waitFor(() => expect(startet).toEqual(['/1', '/2']));
    svar('/2');
    await vi.waitFor(() => expect(startet).toEqual(['/1', '/2', '/3']));
    svar('/1');
    await vi.waitFor(() => expect(startet).toEqual(['/1', '/2', '/3', '/4']));
    svar('/3');
    svar('/4');
    expect(await Promise.all(svarene)).toEqual([200, 200, 200, 200]);
  });

  it('lader en formular med indhold gå udenom køen', async () => {
    const { startet, send, svar } = await start(1);
    const side = (await send('/side')).status;
    const formular = (await send('/formular', { method: 'POST', body: 'navn=Ali' })).status;
    await vi.waitFor(() => expect(startet).toEqual(['/side', '/formular']));
    svar('/formular');
    svar('/side');
    expect([await side, await formular]).toEqual([200, 200]);
  });

  it('giver en side, der venter for længe på noget udenfor, pladsen videre', async () => {
    const { startet, send, svar } = await start(1, 50);
    const langsom = (await send('/langsom')).status;
    const naeste = (await send('/naeste')).status;
    await vi.waitFor(() => expect(startet).toEqual(['/langsom', '/naeste']), { timeout: 2000 });
    svar('/naeste');
    expect(await naeste).toBe(200);
    // The slow page still gets its answer.
    svar('/langsom');
    expect(await langsom).toBe(200);
  });

  it('gengiver intet for en klient, der gik, mens den ventede', async () => {
    const { startet, send, svar, modtagne } = await start(1);
    const foerste = (await send('/foerste')).status;
    const stop = new AbortController();
    const gaaet = (await send('/gaaet', { signal: stop.signal })).status;
    const lukket = once(defined(modtagne.get('/gaaet'), '/gaaet').socket, 'close');
    stop.abort();
    await lukket;
    const sidste = (await send('/sidste')).status;
    svar('/foerste');
    await vi.waitFor(() => expect(startet).toEqual(['/foerste', '/sidste']));
    svar('/sidste');
    expect([await foerste, await gaaet, await sidste]).toEqual([200, 'afbrudt', 200]);
  });
});
