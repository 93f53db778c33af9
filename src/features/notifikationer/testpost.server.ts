/** What the demo's test mailbox received (src/server/testpostkasse.ts), newest first. */
import { desc } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { testpost } from '../../../db/schema.ts';

export async function testpostListe(db: Pick<Db, 'select'>, antal = 100) {
  return await db.select().from(testpost).orderBy(desc(testpost.modtaget), desc(testpost.id)).limit(antal);
}
