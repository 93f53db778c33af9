import type http from 'node:http';
import pLimit from 'p-limit';

/**
 * How many pages Astro renders at once in one process on SQLite. There a page is CPU in this
 * process from start to end (plus its audit commit), so rendering 50 at once, interleaved at every
 * await, only made each one slower: measured on 2 cores, 50 connections, Min side 1,129-1,205 req/s
 * (CPU 769-852 µs per view) without a limit, 1,630-1,870 (429-519 µs) with 12-24. On PostgreSQL a
 * page mostly waits for the database server, and a limit of 16 or 32 cost 10-20 % (README "Målinger").
 */
export const SIDER_AD_GANGEN_SQLITE = 16;

/**
 * A slot is given up after this long even if its page is not done: a page that waits on something
 * outside (the MitID broker at login) must not hold back everyone else's. A page here takes a few ms.
 */
export const SLIP_EFTER_MS = 500;

/**
 * `handler` with at most `graense` GET and HEAD requests in it at once; the rest wait their turn in
 * order of arrival. Requests with a body go straight in: reading a phone's upload must not hold a slot.
 * A client that left while waiting gets nothing rendered.
 */
export function siderAdGangen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => unknown,
  graense: number,
  slipEfterMs = SLIP_EFTER_MS,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const begraens = pLimit(graense);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      void handler(req, res);
      return;
    }
    void begraens(async () => {
      if (req.socket.destroyed) return;
      let timer: NodeJS.Timeout | undefined;
      const slip = new Promise<void>((done) => {
        timer = setTimeout(done, slipEfterMs);
      });
      try {
        await Promise.race([handler(req, res), slip]);
      } finally {
        clearTimeout(timer);
      }
    });
  };
}
