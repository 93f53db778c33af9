/**
 * The one-time key of a staff form, as the citizens' forms have: the first submission writes,
 * a re-sent form (a double click, the browser's "send again") gets the first result back.
 */
import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { formularnoegler } from '../../db/schema.ts';

/** The hidden `noegle` field every staff form sends, a fresh UUID per rendered form. */
export const formularnoegle = z.uuid('Formularen er udløbet. Indlæs siden igen.');

export class GenbrugtNoegle extends Error {}

/**
 * Runs `skriv` once per key, inside the caller's transaction, and returns its id. Another
 * staff member's key is refused, so a key cannot be used to learn what someone else wrote.
 */
export function enGangPrNoegle(
  tx: Pick<Db, 'select' | 'insert'>,
  noegle: string,
  medarbejderId: string,
  now: Date,
  skriv: () => string,
): string {
  const tidligere = tx.select().from(formularnoegler).where(eq(formularnoegler.noegle, noegle)).get();
  if (tidligere) {
    if (tidligere.medarbejderId !== medarbejderId)
      throw new GenbrugtNoegle('Formularen er udløbet. Indlæs siden igen.');
    return tidligere.resultat;
  }
  const resultat = skriv();
  tx.insert(formularnoegler).values({ noegle, medarbejderId, resultat, tidspunkt: now.toISOString() }).run();
  return resultat;
}
