/**
 * The public content pages as rendered HTML, kept in memory in front of Astro (issue 16): since
 * they read the published versions from the database they are no longer prerendered, and rendering
 * each request cost three quarters of a prerendered page's speed. A page that is the same for
 * every visitor says so with a header holding the published content's edition it was rendered
 * from (redaktion/offentlig.server.ts). Only a visitor's (not logged-in) answer is kept, and it is
 * served while the edition stands; a logged-in person gets it with their name in the header, as a
 * prerendered page (brugerfelt.ts). A new publication on any instance changes the edition, so
 * the next request renders the page again.
 */
import type http from 'node:http';
import { medBruger } from '#/features/login/brugerfelt.ts';
import { SAMME_FOR_ALLE } from '#/features/redaktion/offentlig.server.ts';
import { log } from './log.ts';
import { type Brugernavn, sessionToken } from './statiske-filer.ts';

interface Side {
  udgave: string;
  html: string;
  contentType: string;
}

/** The published content's edition at this request's time (offentlig.server.ts `udgave`). */
export type Udgave = (req: http.IncomingMessage) => Promise<string>;

/** More pages than the portal has: a bound, so no stream of odd addresses can fill the memory. */
const MAKS_SIDER = 5_000;

/**
 * The path of a request the cache may answer (GET or HEAD without a query string), decoded: the
 * ways to spell one address with %-escapes are one page, not many.
 */
function cachbarSti(req: http.IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const url = req.url ?? '/';
  if (url.includes('?')) return undefined;
  try {
    return decodeURI(url);
  } catch {
    return undefined;
  }
}

export function sidecache(udgave: Udgave, brugernavn: Brugernavn) {
  const sider = new Map<string, Side>();

  function send(req: http.IncomingMessage, res: http.ServerResponse, side: Side, html: string, personlig: boolean) {
    const krop = Buffer.from(html);
    res.setHeader('Content-Type', side.contentType);
    res.setHeader('Content-Length', krop.length);
    // The same address answers a logged-in person with their name in it; their copy is never stored.
    res.setHeader('Vary', 'Cookie');
    if (personlig) res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : krop);
  }

  /** Answers from the cache (true), or leaves the request to Astro (false). */
  async function svar(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const sti = cachbarSti(req);
    const side = sti === undefined ? undefined : sider.get(sti);
    if (!side || !sti) return false;
    if (side.udgave !== (await udgave(req))) {
      sider.delete(sti);
      return false;
    }
    const token = sessionToken(req.headers.cookie);
    let navn: string | undefined;
    if (token) {
      try {
        navn = await brugernavn(token, req);
      } catch (e) {
        // The page without the name is better than no page: the person can still read it.
        log('fejl', 'sidecache', { besked: (e as Error).message });
      }
    }
    send(req, res, side, navn === undefined ? side.html : medBruger(side.html, navn), navn !== undefined);
    return true;
  }

  /**
   * Lets Astro answer, and keeps its answer when the page says it is the same for everyone, the
   * request was a visitor's, and the edition it was rendered from is still the current one. The
   * marking header never leaves the server.
   */
  function fang(req: http.IncomingMessage, res: http.ServerResponse): void {
    const sti = cachbarSti(req);
    const anonym = sti !== undefined && sessionToken(req.headers.cookie) === undefined;
    let markeret: string | undefined;
    let contentType = 'text/html';
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => http.ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((r) => typeof r === 'object' && r !== null) as Record<string, unknown> | undefined;
      if (headers) {
        const v = headers[SAMME_FOR_ALLE];
        delete headers[SAMME_FOR_ALLE];
        markeret = status === 200 && typeof v === 'string' && !('set-cookie' in headers) ? v : undefined;
        if (typeof headers['content-type'] === 'string') contentType = headers['content-type'];
      }
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    if (!anonym || req.method !== 'GET') return;
    const dele: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (markeret && chunk) dele.push(Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof res.write;
    const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (markeret && chunk && typeof chunk !== 'function') dele.push(Buffer.from(chunk as Uint8Array));
      const r = end(chunk, ...rest);
      const noegle = markeret;
      if (noegle)
        void udgave(req).then(
          (nu) => {
            if (nu === noegle && (sider.size < MAKS_SIDER || sider.has(sti)))
              sider.set(sti, { udgave: noegle, html: Buffer.concat(dele).toString('utf8'), contentType });
          },
          () => undefined,
        );
      return r;
    }) as typeof res.end;
  }

  return { svar, fang, antal: () => sider.size };
}
