/**
 * The audit log: every read and write of a person's data, shown to the person on
 * "Hvem har set mine oplysninger". Append-only; nothing in the portal updates or deletes it.
 */
import { and, desc, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { audit, relationer } from '../../../db/schema.ts';
import { LOG_SIDE, type LogFilter, type Relationstype } from './log.ts';

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

/**
 * One page of a person's log, newest first: with `vis: 'andre'` without their own visits. `aeldre`
 * is the cursor of the next page, or null on the last one.
 */
export async function auditFor(db: Db, personId: string, filter: LogFilter = { vis: 'alle' }, antal = LOG_SIDE) {
  const raekker = await db
    .select()
    .from(audit)
    .where(
      and(
        eq(audit.personId, personId),
        filter.foer === undefined ? undefined : lt(audit.id, filter.foer),
        filter.vis === 'andre' ? or(ne(audit.aktoerType, 'borger'), ne(audit.aktoerId, personId)) : undefined,
      ),
    )
    .orderBy(desc(audit.id))
    .limit(antal + 1);
  const side = raekker.slice(0, antal);
  return { raekker: side, aeldre: raekker.length > antal ? (side.at(-1)?.id ?? null) : null };
}

/** Who has or had a relation to the person, by type: the log names a relative's role with it. */
export async function relationerTil(db: Db, personId: string): Promise<Map<string, Relationstype>> {
  const rows = await db
    .select({ fra: relationer.fraPersonId, type: relationer.type })
    .from(relationer)
    .where(eq(relationer.tilPersonId, personId));
  return new Map(rows.map((r) => [r.fra, r.type]));
}
