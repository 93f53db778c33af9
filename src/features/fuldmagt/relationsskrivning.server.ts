/**
 * The one writer of relations (a fuldmagt, a værgemål, custody): the citizen's own fuldmagt, the
 * leder's registration of one given on paper, and custody from the case system's API. Revoking takes effect at the holder's next request.
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

/** Moves a relation's dates (custody from the case system, when the register says so). */
export async function retRelationensDatoer(
  tx: Skriver,
  id: string,
  datoer: Pick<Relation, 'gyldigFra' | 'gyldigTil'>,
): Promise<void> {
  await tx.update(relationer).set(datoer).where(eq(relationer.id, id));
}

/** Revokes a relation now, naming who did it. */
export async function tilbagekaldRelation(tx: Skriver, id: string, af: string, now: Date): Promise<void> {
  await tx.update(relationer).set({ tilbagekaldt: now.toISOString(), tilbagekaldtAf: af }).where(eq(relationer.id, id));
}
