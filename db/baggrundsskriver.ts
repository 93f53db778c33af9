/**
 * SQLite: appends written on a connection of their own in a worker thread. A commit waits for
 * its fsync (synchronous=FULL); on the request thread that wait stopped every page for its
 * length, many times a second under load. Here the thread goes on serving while the worker
 * commits, and the caller's promise resolves only once the rows are durable.
 *
 * The connection has the request thread's settings (db/client.ts): WAL lets the worker write beside
 * the request thread's connection, as it lets several processes (WORKERS) write one file, and the
 * busy timeout makes either wait for the other's write lock.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the worker is sent: one statement, run once per row, all in one transaction. */
interface Opgave {
  nr: number;
  tekst: string;
  raekker: unknown[][];
}

// The worker's code, as a string: the server is bundled by Astro, so a file of its own beside
// this one would not be where the bundle looks. Dynamic imports work in a CommonJS or ESM eval.
const KODE = `(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { default: Database } = await import(workerData.modul);
  const db = new Database(workerData.sti);
  for (const p of workerData.pragmaer) db.pragma(p);
  const saetninger = new Map();
  const skriv = db.transaction((s, raekker) => { for (const r of raekker) s.run(r); });
  parentPort.on('message', ({ nr, tekst, raekker }) => {
    try {
      let s = saetninger.get(tekst);
      if (!s) { s = db.prepare(tekst); saetninger.set(tekst, s); }
      skriv.immediate(s, raekker);
      parentPort.postMessage({ nr });
    } catch (e) {
      parentPort.postMessage({ nr, fejl: e instanceof Error ? e.message : String(e) });
    }
  });
})();`;

const MODUL = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;

interface Venter {
  udfoert: () => void;
  fejlet: (e: Error) => void;
}

export class Baggrundsskriver {
  private worker: Worker | undefined;
  private readonly venter = new Map<number, Venter>();
  // The worker answers in the order it was sent (and a dead one fails all at once): when the last
  // write sent has settled, so has every one before it.
  private sidste: Promise<unknown> = Promise.resolve();
  private naeste = 0;
  private lukket = false;

  private readonly sti: string;
  private readonly pragmaer: readonly string[];
  /** Called after each commit, before its callers go on: the request thread's next read must see the rows. */
  private readonly efterCommit: () => void;

  constructor(sti: string, pragmaer: readonly string[], efterCommit: () => void) {
    this.sti = sti;
    this.pragmaer = pragmaer;
    this.efterCommit = efterCommit;
  }

  /** Runs `tekst` once per row (its parameters), in one transaction; resolves when committed, rejects if any row failed. */
  skriv(tekst: string, raekker: unknown[][]): Promise<void> {
    if (this.lukket) return Promise.reject(new Error('Databasen er lukket'));
    const nr = this.naeste++;
    const w = this.start();
    // Only while a write is waited for does the worker keep the process alive (a script's last write).
    w.ref();
    const p = new Promise<void>((udfoert, fejlet) => {
      this.venter.set(nr, { udfoert, fejlet });
      w.postMessage({ nr, tekst, raekker } satisfies Opgave);
    });
    this.sidste = p.catch(() => {});
    return p;
  }

  /** Waits for what was sent, then ends the worker and its connection. */
  async luk(): Promise<void> {
    this.lukket = true;
    await this.sidste;
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(KODE, {
      eval: true,
      workerData: { modul: MODUL, sti: this.sti, pragmaer: this.pragmaer },
    });
    w.on('message', ({ nr, fejl }: { nr: number; fejl?: string }) => {
      const v = this.venter.get(nr);
      this.venter.delete(nr);
      if (this.venter.size === 0) w.unref();
      if (fejl !== undefined) return v?.fejlet(new Error(fejl));
      this.efterCommit();
      v?.udfoert();
    });
    // A worker that died (it could not open the file, it ran out of memory) fails what it held; the next write starts a new one.
    const doed = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      for (const v of this.venter.values()) v.fejlet(e);
      this.venter.clear();
    };
    w.on('error', doed);
    w.on('exit', (kode) => doed(new Error(`Skrivetråden stoppede (kode ${kode})`)));
    this.worker = w;
    return w;
  }
}
