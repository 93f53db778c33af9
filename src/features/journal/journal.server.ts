/**
 * The one writer of the outbound feed. Every writer of a fact a case system may need to journalise
 * calls `tilJournal` inside its own transaction, so the event exists exactly when the fact does: a
 * rolled-back complaint leaves no event, and a committed one cannot miss its event. The write lock
 * every transaction takes (db/client.ts) makes the feed's numbers commit in order, so a reader that
 * has seen number n has seen everything before it.
 */
import { eq } from 'drizzle-orm';
import { kildesystem } from '#/features/sager/ejerskab.ts';
import { type Db, foerste, iEnTransaktion } from '../../../db/client.ts';
import { type dokumenter, journalhaendelser, sager } from '../../../db/schema.ts';
import type { JournalType } from './typer.ts';

type Skriver = Pick<Db, 'select' | 'insert'>;

export interface NyJournalhaendelse {
  type: JournalType;
  personId: string;
  /** The case it is on; null for a loan (then `enhed` says who handles it). */
  sagId: string | null;
  enhed?: string | null;
  /** The id of what the event is about. */
  genstandId: string;
  /** What the case system journalises, as the portal has it now (no CPR: the feed adds the person's reference). */
  data: Record<string, unknown>;
}

export class UdenforTransaktion extends Error {}

/** A letter as the feed carries it: the whole text, so the case system can journalise it. */
export const brevdata = (d: Omit<typeof dokumenter.$inferInsert, 'id' | 'sagId'>) => ({
  type: d.type,
  titel: d.titel,
  dato: d.dato,
  indhold: d.indhold,
});

/** Writes one event in the caller's transaction; routed by the case's owner system or its unit. */
export async function tilJournal(tx: Skriver, h: NyJournalhaendelse, now: Date): Promise<void> {
  // Outside a transaction a PostgreSQL insert takes no write lock, and its number could commit
  // after a later one: a reader past it would never see it.
  if (!iEnTransaktion()) throw new UdenforTransaktion('En hændelse til journalen skrives i faktummets transaktion.');
  const sag = h.sagId
    ? foerste(await tx.select({ kildeId: sager.kildeId, enhed: sager.enhed }).from(sager).where(eq(sager.id, h.sagId)))
    : undefined;
  await tx.insert(journalhaendelser).values({
    tidspunkt: now.toISOString(),
    type: h.type,
    personId: h.personId,
    sagId: h.sagId,
    kildesystem: sag ? kildesystem(sag) : null,
    enhed: sag?.enhed ?? h.enhed ?? null,
    genstandId: h.genstandId,
    data: h.data,
  });
}
