/**
 * The one writer of letters on a case (`dokumenter`): the decision's letter, a partshøring's
 * material, a letter a caseworker writes, and one a case system sends. On a mirrored case the
 * system owns its letters (ejerskab.ts); a letter the portal writes goes to the journal.
 * architecture.test.ts keeps the writes here.
 */
import { eq } from 'drizzle-orm';
import { brevdata, tilJournal } from '#/features/journal/journal.server.ts';
import type { Db } from '../../../db/client.ts';
import { dokumenter } from '../../../db/schema.ts';
import { kraevEjerskab } from './ejerskab.ts';

type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;
export type Brev = Omit<typeof dokumenter.$inferInsert, 'id' | 'sagId'>;

/** Puts a letter on the case; returns its id. `kildesystem`: the case system writing, or null for the portal. */
export async function skrivBrev(
  tx: Skriver,
  sag: { id: string; personId: string; kildeId: string | null },
  brev: Brev,
  now: Date,
  kildesystem: string | null,
): Promise<string> {
  kraevEjerskab(sag, 'breve', kildesystem);
  const id = crypto.randomUUID();
  await tx.insert(dokumenter).values({ id, sagId: sag.id, ...brev });
  if (kildesystem === null)
    await tilJournal(
      tx,
      { type: 'brev', personId: sag.personId, sagId: sag.id, genstandId: id, data: brevdata(brev) },
      now,
    );
  return id;
}

/** A case system corrects a letter it sent before (its own id, its own case). */
export async function retBrev(tx: Skriver, id: string, brev: Pick<Brev, 'titel' | 'dato' | 'indhold'>): Promise<void> {
  await tx.update(dokumenter).set(brev).where(eq(dokumenter.id, id));
}
