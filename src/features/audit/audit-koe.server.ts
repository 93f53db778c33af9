/**
 * Group commit for audit rows: the rows of every request that asks within one turn of the
 * event loop are written in one transaction (one fsync with synchronous=FULL), and each
 * caller's promise resolves only once that transaction has committed. Durability per row is
 * unchanged; only the number of commits shrinks. A failed commit rejects every caller in it.
 */
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/schema.ts';
import type { AuditEntry } from './audit.server.ts';

export type AuditRaekke = AuditEntry & { tidspunkt: string };

interface Venter {
  raekker: readonly AuditRaekke[];
  udfoert: () => void;
  fejlet: (e: unknown) => void;
}

// Rows per INSERT: well below both engines' limit on bound values (7 per row).
const RAEKKER_PR_INDSAET = 1_000;

export class AuditKoe {
  private venter: Venter[] = [];
  private planlagt = false;

  constructor(private readonly db: Db) {}

  /** Resolves when the rows are committed (durable); rejects if their transaction failed. */
  gem(raekker: readonly AuditRaekke[]): Promise<void> {
    if (raekker.length === 0) return Promise.resolve();
    return new Promise((udfoert, fejlet) => {
      this.venter.push({ raekker, udfoert, fejlet });
      if (!this.planlagt) {
        this.planlagt = true;
        // After the poll phase: every request whose page ran in this turn has queued its rows.
        setImmediate(async () => await this.skriv());
      }
    });
  }

  private async skriv() {
    const hold = this.venter;
    this.venter = [];
    this.planlagt = false;
    try {
      const alle = hold.flatMap((v) => v.raekker);
      await this.db.transaction(async (tx) => {
        for (let i = 0; i < alle.length; i += RAEKKER_PR_INDSAET)
          await tx.insert(audit).values(alle.slice(i, i + RAEKKER_PR_INDSAET));
      });
    } catch (e) {
      for (const v of hold) v.fejlet(e);
      return;
    }
    for (const v of hold) v.udfoert();
  }
}

const koeer = new WeakMap<Db, AuditKoe>();

/** The one queue of a database connection. */
export function auditKoe(db: Db): AuditKoe {
  let koe = koeer.get(db);
  if (!koe) {
    koe = new AuditKoe(db);
    koeer.set(db, koe);
  }
  return koe;
}
