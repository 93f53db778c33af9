/**
 * The one-time key of a staff form, as the citizens' forms have: the first submission writes,
 * a re-sent form (a double click, the browser's "send again") gets the first result back.
 */
import { z } from 'astro/zod';
import { eq, lt } from 'drizzle-orm';
import { type Db, foerste } from '../../db/client.ts';
import { formularnoegler } from '../../db/schema.ts';

/** The hidden `noegle` field every staff form sends, a fresh UUID per rendered form. */
export const formularnoegle = z.uuid('Formularen er udløbet. Indlæs siden igen.');

export class GenbrugtNoegle extends Error {}

/**
 * Runs `skriv` once per key, inside the caller's transaction, and returns its id. Another
 * staff member's key is refused, so a key cannot be used to learn what someone else wrote.
 */
export async function enGangPrNoegle(
  tx: Pick<Db, 'select' | 'insert'>,
  noegle: string,
  medarbejderId: string,
  now: Date,
  skriv: () => Promise<string>,
): Promise<string> {
  const tidligere = foerste(await tx.select().from(formularnoegler).where(eq(formularnoegler.noegle, noegle)));
  if (tidligere) {
    if (tidligere.medarbejderId !== medarbejderId)
      throw new GenbrugtNoegle('Formularen er udløbet. Indlæs siden igen.');
    return tidligere.resultat;
  }
  const resultat = await skriv();
  await tx.insert(formularnoegler).values({ noegle, medarbejderId, resultat, tidspunkt: now.toISOString() });
  return resultat;
}

/**
 * How long a used key is kept. A form is sent again within minutes (a double click, "send
 * again" after a lost answer); a month covers a tab left open over a holiday. After that the
 * key says nothing anyone needs, and it names who wrote what.
 */
export const FORMULARNOEGLE_DAGE = 30;

/** Deletes the keys older than FORMULARNOEGLE_DAGE; returns how many. */
export async function rydFormularnoegler(db: Pick<Db, 'delete'>, now: Date): Promise<number> {
  const graense = new Date(now.getTime() - FORMULARNOEGLE_DAGE * 86_400_000).toISOString();
  return (
    await db
      .delete(formularnoegler)
      .where(lt(formularnoegler.tidspunkt, graense))
      .returning({ noegle: formularnoegler.noegle })
  ).length;
}
