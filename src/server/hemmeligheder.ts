/**
 * Secrets every process on the database must share (the login flow's HMAC key, the stand-in
 * login's keys). The first process to need one generates it; an insert that loses the race
 * changes nothing, and every process then reads the one stored value.
 */
import { eq } from 'drizzle-orm';
import { type Db, foerste } from '../../db/client.ts';
import { hemmeligheder } from '../../db/schema.ts';

const laes = async (db: Db, navn: string) =>
  foerste(await db.select({ vaerdi: hemmeligheder.vaerdi }).from(hemmeligheder).where(eq(hemmeligheder.navn, navn)))
    ?.vaerdi;

/** The secret `navn`, made with `lav` and stored if no process has made it yet. */
export async function hemmelighed(db: Db, navn: string, lav: () => string, now: Date): Promise<string> {
  const gemt = await laes(db, navn);
  if (gemt !== undefined) return gemt;
  await db.insert(hemmeligheder).values({ navn, vaerdi: lav(), oprettet: now.toISOString() }).onConflictDoNothing();
  const vaerdi = await laes(db, navn);
  if (vaerdi === undefined) throw new Error(`Hemmeligheden ${navn} kunne ikke gemmes`);
  return vaerdi;
}
