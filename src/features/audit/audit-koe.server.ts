/**
 * Group commit for audit rows: the rows of every request that asks within one turn of the
 * event loop are written in one transaction (one fsync with synchronous=FULL), and each
 * caller's promise resolves only once that transaction has committed. Durability per row is
 * unchanged; only the number of commits shrinks. A failed commit rejects every caller in it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/schema.ts';
import type { AuditEntry } from './audit.server.ts';

export type AuditRaekke = AuditEntry & { tidspunkt: string };

interface Venter {
  raekker: readonly AuditRaekke[];
  udfoert: () => void;
  fejlet: (e: unknown) => void;
}

const felt = (navn: keyof AuditRaekke) => sql.placeholder(navn);

export class AuditKoe {
  private venter: Venter[] = [];
  private planlagt = false;
  private readonly indsaet;

  constructor(private readonly db: Db) {
    this.indsaet = db
      .insert(audit)
      .values({
        tidspunkt: felt('tidspunkt'),
        aktoerType: felt('aktoerType'),
        aktoerId: felt('aktoerId'),
        aktoerNavn: felt('aktoerNavn'),
        personId: felt('personId'),
        handling: felt('handling'),
        hvad: felt('hvad'),
      })
      .prepare();
  }

  /** Resolves when the rows are committed (durable); rejects if their transaction failed. */
  gem(raekker: readonly AuditRaekke[]): Promise<void> {
    if (raekker.length === 0) return Promise.resolve();
    return new Promise((udfoert, fejlet) => {
      this.venter.push({ raekker, udfoert, fejlet });
      if (!this.planlagt) {
        this.planlagt = true;
        // After the poll phase: every request whose page ran in this turn has queued its rows.
        setImmediate(() => this.skriv());
      }
    });
  }

  private skriv() {
    const hold = this.venter;
    this.venter = [];
    this.planlagt = false;
    try {
      this.db.transaction(() => {
        for (const v of hold) for (const r of v.raekker) this.indsaet.run({ ...r });
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
