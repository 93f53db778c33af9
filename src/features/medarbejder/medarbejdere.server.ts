import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { medarbejdere } from '../../../db/schema.ts';

/** Colleagues a case can be handed to. Staff names are not personal data of a citizen. */
export function aktiveMedarbejdere(db: Db) {
  return db.select({ id: medarbejdere.id, navn: medarbejdere.navn, enhed: medarbejdere.enhed }).from(medarbejdere).where(eq(medarbejdere.aktiv, true)).orderBy(asc(medarbejdere.navn)).all();
}
