/**
 * The built site's files (dist/client: assets and prerendered pages such as the pjecer), served
 * before Astro renders anything. The adapter's own static handler asked the file system about
 * every request first, so each server-rendered page paid two failed lookups on disk (a tenth of
 * a logged-in page's time). The build does not change while the server runs: its files are
 * listed once at start, and only those are looked up on disk. Serving itself is `send`'s, as in
 * the adapter: ETag, Last-Modified, 304, HEAD and ranges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type http from 'node:http';
import { join, relative, sep } from 'node:path';
import send from 'send';
import { medBruger } from '#/features/login/brugerfelt.ts';
import { SESSION_COOKIE } from '#/features/login/cookie.ts';
import { log } from './log.ts';

/** Hashed build assets never change under their name. */
const AKTIVER = '/_astro/';

/** URL paths of the files under `mappe`, each to its file; a folder's index.html also under the folder's path. */
export function statiskeStier(mappe: string): Map<string, string> {
  const stier = new Map<string, string>();
  for (const f of readdirSync(mappe, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const fil = `/${relative(mappe, join(f.parentPath, f.name)).split(sep).join('/')}`;
    // Hidden files stay hidden (as `send` does by default), except the well-known ones.
    if (/\/\./.test(fil) && !fil.startsWith('/.well-known/')) continue;
    stier.set(fil, fil);
    if (fil.endsWith('/index.html')) stier.set(fil.slice(0, -'/index.html'.length) || '/', fil);
  }
  return stier;
}

/** The session cookie's value in a Cookie header, if any. */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  const m = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
  return m?.[1];
}

/**
 * The name of the person logged in with this session token, or undefined: a prerendered page
 * then shows the name and "Log af" instead of "Log ind" (brugerfelt.ts).
 */
export type Brugernavn = (token: string, req: http.IncomingMessage) => Promise<string | undefined>;

/**
 * A request handler for the files under `mappe`: true when it answered (a file, or the redirect
 * from a folder's path with a trailing slash to the one without, as `trailingSlash: 'never'`
 * wants), false when the request is for Astro.
 */
export function statiskeFiler(
  mappe: string,
  brugernavn?: Brugernavn,
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const stier = statiskeStier(mappe);
  // The prerendered pages, read once each when a logged-in person first asks for one.
  const sider = new Map<string, string>();
  const side = (fil: string) => {
    let html = sider.get(fil);
    if (html === undefined) {
      html = readFileSync(join(mappe, fil), 'utf8');
      sider.set(fil, html);
    }
    return html;
  };
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let sti = q >= 0 ? url.slice(0, q) : url;
    try {
      sti = decodeURI(sti);
    } catch {
      return false;
    }
    if (sti.length > 1 && sti.endsWith('/') && stier.get(sti.slice(0, -1))?.endsWith('/index.html')) {
      res.statusCode = 301;
      res.setHeader('Location', encodeURI(sti.slice(0, -1)) + (q >= 0 ? url.slice(q) : ''));
      res.end();
      return true;
    }
    const fil = stier.get(sti);
    if (!fil) return false;
    const token = fil.endsWith('.html') && brugernavn ? sessionToken(req.headers.cookie) : undefined;
    if (token && brugernavn) {
      void brugernavn(token, req)
        .then((navn) => (navn === undefined ? undefined : medBruger(side(fil), navn)))
        .catch((e: unknown) => {
          // The page without the name is better than no page: the person can still read it.
          log('fejl', 'statisk-side', { besked: (e as Error).message });
          return undefined;
        })
        .then((html) => {
          if (html === undefined) return sendFil(req, res, mappe, fil);
          const krop = Buffer.from(html);
          // A page for one person: never stored, and never answered with the visitor's copy (no ETag).
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Content-Length', krop.length);
          res.setHeader('Cache-Control', 'no-store');
          res.setHeader('Vary', 'Cookie');
          res.end(req.method === 'HEAD' ? undefined : krop);
        });
      return true;
    }
    sendFil(req, res, mappe, fil);
    return true;
  };
}

function sendFil(req: http.IncomingMessage, res: http.ServerResponse, mappe: string, fil: string) {
  send(req, fil, { root: mappe, index: false, dotfiles: 'allow' })
    .on('headers', (svar: http.ServerResponse) => {
      if (fil.startsWith(AKTIVER)) svar.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      // The same address answers a logged-in person with their name in it.
      else if (fil.endsWith('.html')) svar.setHeader('Vary', 'Cookie');
    })
    .on('error', (e: { statusCode?: number }) => {
      res.statusCode = e.statusCode ?? 500;
      res.end();
    })
    .pipe(res);
}
