/**
 * The one writer of relations (a fuldmagt, a værgemål, custody): the citizen's own fuldmagt and
 * the leder's registration of one given on paper. Revoking takes effect at the holder's next request.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { relationer } from '../../../db/schema.ts';

type Skriver = Pick<Db, 'insert' | 'update'>;
type Relation = typeof relationer.$inferInsert;

/** A new relation in force from `gyldigFra`; returns its id. */
export async function nyRelation(
  tx: Skriver,
  relation: Omit<Relation, 'id' | 'tilbagekaldt' | 'tilbagekaldtAf'>,
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(relationer).values({ id, ...relation, tilbagekaldt: null });
  return id;
}

/** Revokes a relation now, naming who did it. */
export async function tilbagekaldRelation(tx: Skriver, id: string, af: string, now: Date): Promise<void> {
  await tx.update(relationer).set({ tilbagekaldt: now.toISOString(), tilbagekaldtAf: af }).where(eq(relationer.id, id));
}
