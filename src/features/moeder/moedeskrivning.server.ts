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
export function nytMoede(tx: Skriver, moede: Omit<Moede, 'id'>): string {
  const id = crypto.randomUUID();
  tx.insert(moeder)
    .values({ id, ...moede })
    .run();
  return id;
}

/** Changes a meeting; it never moves to another person or source. */
export function retMoede(tx: Skriver, id: string, moede: Partial<Omit<Moede, 'id' | 'personId' | 'kildeId'>>): void {
  tx.update(moeder).set(moede).where(eq(moeder.id, id)).run();
}
