/**
 * The one writer of meetings, for the caseworker, the case systems' API and the citizen's own
 * bisidder note alike. architecture.test.ts keeps it the only one.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { moeder } from '../../../db/schema.ts';

type Skriver = Pick<Db, 'insert' | 'update'>;
type Moede = typeof moeder.$inferInsert;

/** A new meeting; returns its id. */
export async function nytMoede(tx: Skriver, moede: Omit<Moede, 'id'>): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(moeder).values({ id, ...moede });
  return id;
}

/** Changes a meeting; it never moves to another person or source. */
export async function retMoede(
  tx: Skriver,
  id: string,
  moede: Partial<Omit<Moede, 'id' | 'personId' | 'kildeId'>>,
): Promise<void> {
  await tx.update(moeder).set(moede).where(eq(moeder.id, id));
}
