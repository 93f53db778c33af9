/**
 * Group commit for audit rows: the rows of every request that asks within one turn of the
 * event loop, or while the previous group is being written, are written together (one commit,
 * one fsync), and each caller's promise resolves only once they are committed. Durability per
 * row is unchanged; only the number of commits shrinks. A failed commit rejects every caller in it.
 *
 * A group of up to RAEKKER_PR_INDSAET rows is one INSERT, atomic by itself: it needs neither a
 * transaction nor, on PostgreSQL, the writers' lock (db/client.ts), which would make every page
 * view wait its turn behind every submission. Audit rows are appended, never read by a rule.
 * On SQLite in a file a group is committed in a worker thread (db/baggrundsskriver.ts), in one
 * transaction whatever its size, so the request thread serves pages while the fsync runs.
 */
import { fillPlaceholders, type Placeholder, sql } from 'drizzle-orm';
import { baggrundsskriver, type Db } from '../../../db/client.ts';
import { audit } from '../../../db/schema.ts';
import type { AuditEntry } from './audit.server.ts';

export type AuditRaekke = AuditEntry & { tidspunkt: string };

interface Venter {
  raekker: readonly AuditRaekke[];
  udfoert: () => void;
  fejlet: (e: unknown) => void;
}

// Rows per INSERT, 7 bound values each: below SQLite's 32,766 and PostgreSQL's 65,535.
export const RAEKKER_PR_INDSAET = 4_000;

const KOLONNER = [
  'tidspunkt',
  'aktoerType',
  'aktoerId',
  'aktoerNavn',
  'personId',
  'handling',
  'hvad',
] as const satisfies readonly (keyof AuditRaekke)[];

/** One row's INSERT as drizzle writes it, with a placeholder per column: the worker runs it once per row. */
function indsaetEnRaekke(db: Db) {
  const pladser = Object.fromEntries(KOLONNER.map((k) => [k, sql.placeholder(k)])) as Record<
    (typeof KOLONNER)[number],
    Placeholder
  >;
  const { sql: tekst, params } = db.insert(audit).values(pladser).toSQL();
  return { tekst, parametre: (r: AuditRaekke) => fillPlaceholders(params, { ...r }) };
}

export class AuditKoe {
  private venter: Venter[] = [];
  private planlagt = false;
  private skriver = false;

  private readonly db: Db;
  private enRaekke: ReturnType<typeof indsaetEnRaekke> | undefined;

  constructor(db: Db) {
    this.db = db;
  }

  /** Resolves when the rows are committed (durable); rejects if their transaction failed. */
  gem(raekker: readonly AuditRaekke[]): Promise<void> {
    if (raekker.length === 0) return Promise.resolve();
    return new Promise((udfoert, fejlet) => {
      this.venter.push({ raekker, udfoert, fejlet });
      this.planlaeg();
    });
  }

  /** One group in flight at a time: rows that come meanwhile wait for the next, so groups grow under load. */
  private planlaeg() {
    if (this.planlagt || this.skriver || this.venter.length === 0) return;
    this.planlagt = true;
    // After the poll phase: every request whose page ran in this turn has queued its rows.
    setImmediate(async () => await this.skriv());
  }

  private async skriv() {
    const hold = this.venter;
    this.venter = [];
    this.planlagt = false;
    this.skriver = true;
    try {
      const alle = hold.flatMap((v) => v.raekker);
      const baggrund = baggrundsskriver(this.db);
      if (baggrund) {
        this.enRaekke ??= indsaetEnRaekke(this.db);
        const { tekst, parametre } = this.enRaekke;
        await baggrund.skriv(tekst, alle.map(parametre));
      } else if (alle.length <= RAEKKER_PR_INDSAET) await this.db.insert(audit).values(alle);
      else
        await this.db.transaction(async (tx) => {
          for (let i = 0; i < alle.length; i += RAEKKER_PR_INDSAET)
            await tx.insert(audit).values(alle.slice(i, i + RAEKKER_PR_INDSAET));
        });
      for (const v of hold) v.udfoert();
    } catch (e) {
      for (const v of hold) v.fejlet(e);
    } finally {
      this.skriver = false;
      this.planlaeg();
    }
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
