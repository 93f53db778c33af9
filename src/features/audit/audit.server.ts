/**
 * The audit log: every read and write of a person's data, shown to the person on
 * "Hvem har set mine oplysninger". Append-only; nothing in the portal updates or deletes it.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/schema.ts';

export interface AuditEntry {
  aktoerType: (typeof audit.aktoerType.enumValues)[number];
  aktoerId: string;
  /** Shown to the person: a staff member's name, a relative's name, or the person themselves. */
  aktoerNavn: string;
  personId: string;
  handling: (typeof audit.handling.enumValues)[number];
  /** What was read or written, in words the person understands, e.g. "Sag: Ledsagelse". */
  hvad: string;
}

export async function logAudit(db: Db, entry: AuditEntry, now: Date) {
  await db.insert(audit).values({ ...entry, tidspunkt: now.toISOString() });
}

export async function auditFor(db: Db, personId: string, limit = 200) {
  return await db.select().from(audit).where(eq(audit.personId, personId)).orderBy(desc(audit.id)).limit(limit);
}
