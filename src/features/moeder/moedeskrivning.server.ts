/**
 * The one writer of meetings, for the caseworker, the case systems' API and the citizen's own
 * bisidder note alike. architecture.test.ts keeps it the only one.
 */
import { eq } from 'drizzle-orm';
import { varsl } from '#/features/notifikationer/udbakke.server.ts';
import type { Db } from '../../../db/client.ts';
import { moeder } from '../../../db/schema.ts';

type Skriver = Pick<Db, 'insert' | 'update' | 'select'>;
type Moede = typeof moeder.$inferInsert;

/** A new meeting, with its notice to the person; returns its id. */
export async function nytMoede(tx: Skriver, moede: Omit<Moede, 'id'>, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(moeder).values({ id, ...moede });
  await varsl(tx, { omPersonId: moede.personId, aarsag: 'moede', kildeId: `moede:${id}` }, now);
  return id;
}

/**
 * Changes a meeting; it never moves to another person or source. The municipality's change (`varsel`:
 * the person and the time) notifies the person; the citizen's own note about a bisidder does not.
 */
export async function retMoede(
  tx: Skriver,
  id: string,
  moede: Partial<Omit<Moede, 'id' | 'personId' | 'kildeId'>>,
  varsel?: { personId: string; now: Date },
): Promise<void> {
  await tx.update(moeder).set(moede).where(eq(moeder.id, id));
  if (varsel)
    await varsl(
      tx,
      { omPersonId: varsel.personId, aarsag: 'moede', kildeId: `moede:${id}:${varsel.now.toISOString()}` },
      varsel.now,
    );
}
