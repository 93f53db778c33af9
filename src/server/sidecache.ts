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

/**
 * What `fang` keeps for one response. Its methods are shared functions that find this on the
 * response: a closure made per request and set on the response kept the whole request alive in
 * V8 until the next full collection (README "Målinger", bench/promovering.ts).
 */
interface Fangst {
  writeHead: http.ServerResponse['writeHead'];
  write: http.ServerResponse['write'];
  end: http.ServerResponse['end'];
  contentType: string;
  markeret: string | undefined;
  /** A visitor's GET: the parts written, and where to keep the page. */
  dele:
    | {
        req: http.IncomingMessage;
        sti: string;
        liste: Buffer[];
        gem: (req: http.IncomingMessage, sti: string, noegle: string, dele: Buffer[], contentType: string) => void;
      }
    | undefined;
}

const FANGST = Symbol('sidecache.fangst');
type Fanget = http.ServerResponse & { [FANGST]: Fangst };

function writeHeadFanget(this: Fanget, status: number, ...rest: unknown[]) {
  const f = this[FANGST];
  const headers = rest.find((r) => typeof r === 'object' && r !== null) as Record<string, unknown> | undefined;
  if (headers) {
    const v = headers[SAMME_FOR_ALLE];
    delete headers[SAMME_FOR_ALLE];
    f.markeret = status === 200 && typeof v === 'string' && !('set-cookie' in headers) ? v : undefined;
    if (typeof headers['content-type'] === 'string') f.contentType = headers['content-type'];
  }
  return (f.writeHead as (...a: unknown[]) => http.ServerResponse).call(this, status, ...rest);
}

function writeFanget(this: Fanget, chunk: unknown, ...rest: unknown[]) {
  const f = this[FANGST];
  if (f.markeret && chunk) f.dele?.liste.push(Buffer.from(chunk as Uint8Array));
  return (f.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
}

function endFanget(this: Fanget, chunk?: unknown, ...rest: unknown[]) {
  const f = this[FANGST];
  if (f.markeret && chunk && typeof chunk !== 'function') f.dele?.liste.push(Buffer.from(chunk as Uint8Array));
  const r = (f.end as (...a: unknown[]) => http.ServerResponse).call(this, chunk, ...rest);
  const d = f.dele;
  if (f.markeret && d) d.gem(d.req, d.sti, f.markeret, d.liste, f.contentType);
  return r;
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

  /** Keeps a page rendered from `noegle` if that edition is still the current one. */
  function gem(req: http.IncomingMessage, sti: string, noegle: string, dele: Buffer[], contentType: string) {
    void udgave(req).then(
      (nu) => {
        if (nu === noegle && (sider.size < MAKS_SIDER || sider.has(sti)))
          sider.set(sti, { udgave: noegle, html: Buffer.concat(dele).toString('utf8'), contentType });
      },
      () => undefined,
    );
  }

  /**
   * Lets Astro answer, and keeps its answer when the page says it is the same for everyone, the
   * request was a visitor's, and the edition it was rendered from is still the current one. The
   * marking header never leaves the server.
   */
  function fang(req: http.IncomingMessage, res: http.ServerResponse): void {
    const sti = cachbarSti(req);
    const anonym = sti !== undefined && sessionToken(req.headers.cookie) === undefined;
    const f: Fangst = {
      writeHead: res.writeHead,
      write: res.write,
      end: res.end,
      contentType: 'text/html',
      markeret: undefined,
      dele: anonym && req.method === 'GET' && sti !== undefined ? { req, sti, liste: [], gem } : undefined,
    };
    (res as Fanget)[FANGST] = f;
    res.writeHead = writeHeadFanget as typeof res.writeHead;
    if (!f.dele) return;
    res.write = writeFanget as typeof res.write;
    res.end = endFanget as typeof res.end;
  }

  return { svar, fang, antal: () => sider.size };
}
