/**
 * Graceful shutdown: on SIGTERM the server stops accepting connections, lets the requests
 * already under way finish (a citizen's form that is being saved gets its receipt), and
 * only then closes the database. A deploy or a restart loses no acknowledged request.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface Nedlukning {
  /** Call for each request, before it is handled. */
  foelg(req: IncomingMessage, res: ServerResponse): void;
  /** Stops the server; resolves when the last request has finished or `maksMs` passed. */
  luk(maksMs: number): Promise<{ afbrudte: number }>;
}

export function nedlukning(server: Server): Nedlukning {
  const igang = new Set<ServerResponse>();
  let lukker = false;

  return {
    foelg(_req, res) {
      igang.add(res);
      // A keep-alive client would otherwise hold the connection open after its answer.
      if (lukker) res.setHeader('connection', 'close');
      res.on('close', () => {
        igang.delete(res);
        if (lukker) server.closeIdleConnections();
      });
    },

    luk(maksMs) {
      lukker = true;
      for (const res of igang) if (!res.headersSent) res.setHeader('connection', 'close');
      return new Promise((resolve) => {
        const frist = setTimeout(() => {
          const afbrudte = igang.size;
          server.closeAllConnections();
          resolve({ afbrudte });
        }, maksMs);
        frist.unref();
        server.close(() => {
          clearTimeout(frist);
          resolve({ afbrudte: 0 });
        });
        server.closeIdleConnections();
      });
    },
  };
}
