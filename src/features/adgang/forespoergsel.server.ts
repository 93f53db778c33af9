/**
 * One request's memory for the door: the access facts it has read (a person and their cases
 * in scope), so `kan` and `kraevPerson` on the same person read them once, and the audit rows
 * of the door, committed together before the response is sent (`gem`). Made by the session
 * middleware for reads (GET/HEAD) only: a form post may change the facts it then asks about.
 * The rules stay in access.ts; this only keeps what was read.
 */

import { type AuditEntry, logAudit } from '#/features/audit/audit.server.ts';
import { type AuditRaekke, auditKoe } from '#/features/audit/audit-koe.server.ts';
import type { Db } from '../../../db/client.ts';

export class Forespoergsel {
  private readonly husket = new Map<string, unknown>();
  private raekker: AuditRaekke[] = [];
  private samler = true;

  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** The value under `noegle`, read once per request. */
  husk<T>(noegle: string, laes: () => T): T {
    if (this.husket.has(noegle)) return this.husket.get(noegle) as T;
    const v = laes();
    this.husket.set(noegle, v);
    return v;
  }

  /**
   * An audit row of the door. Until `gem` it waits for the request's one commit; after it (a
   * component rendered while the page streams) it is written at once, as without a request.
   * On another connection or inside a transaction (`db` is not this request's) it is written there.
   */
  async log(db: Db, entry: AuditEntry, now: Date) {
    if (this.samler && db === this.db) this.raekker.push({ ...entry, tidspunkt: now.toISOString() });
    else await logAudit(db, entry, now);
  }

  /** Commits the rows gathered so far with other requests' (group commit); resolves when durable. */
  async gem(): Promise<void> {
    this.samler = false;
    const raekker = this.raekker;
    this.raekker = [];
    return await auditKoe(this.db).gem(raekker);
  }
}
