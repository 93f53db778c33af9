/**
 * A sync never goes backwards (issue 14). Every PUT from a case system may carry `kildeAendret`,
 * when the record last changed in that system. Around the route's own write, in one transaction:
 * an older time than the portal holds changes nothing and is a 409 with the current time; the same
 * time again is a repeat (200, aendret: false, the write is not even run); a newer one writes and
 * is remembered. Without the field the write runs as before (last write wins).
 */
import { and, eq } from 'drizzle-orm';
import { type Db, foerste } from '../../../db/client.ts';
import { synkversioner } from '../../../db/schema.ts';
import { lagretKildeId, type UpsertUdfald } from './faelles.server.ts';
import { ApiFejl } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';

/**
 * The order of two change times, normalised to UTC ISO strings so they compare as text. A record
 * synced before the portal kept the time (null) takes any.
 */
export function synkRaekkefoelge(gemt: string | null, sendt: string): 'aeldre' | 'samme' | 'nyere' {
  if (gemt === null || sendt > gemt) return 'nyere';
  return sendt === gemt ? 'samme' : 'aeldre';
}

/** The 409 of an older write, with the time the portal has; `af` names the record ("sagen"). */
export function aeldreEndPortalens(system: string, gemt: string, af?: string): ApiFejl {
  return new ApiFejl(
    409,
    `Portalen har en nyere udgave${af ? ` af ${af}` : ''} fra ${system} (ændret ${gemt}). En ældre ændring gemmes ikke.`,
    undefined,
    { kildeAendret: gemt },
  );
}

export async function iSynkorden(
  db: Db,
  klient: ApiKlient,
  ressource: string,
  kildeId: string,
  kildeAendret: string | undefined,
  skriv: (db: Db) => Promise<UpsertUdfald>,
): Promise<UpsertUdfald> {
  if (kildeAendret === undefined) return await skriv(db);
  const noegle = { ressource, kildeId: lagretKildeId(klient, kildeId) };
  return await db.transaction(
    async (tx) => {
      const hvor = and(eq(synkversioner.ressource, ressource), eq(synkversioner.kildeId, noegle.kildeId));
      const gemt = foerste(await tx.select().from(synkversioner).where(hvor));
      const orden = synkRaekkefoelge(gemt?.kildeAendret ?? null, kildeAendret);
      if (gemt && orden === 'aeldre') throw aeldreEndPortalens(klient.system, gemt.kildeAendret);
      if (gemt && orden === 'samme') return { id: gemt.portalId, aendret: false, oprettet: false };
      const udfald = await skriv(tx);
      await tx
        .insert(synkversioner)
        .values({ ...noegle, kildeAendret, portalId: udfald.id })
        .onConflictDoUpdate({
          target: [synkversioner.ressource, synkversioner.kildeId],
          set: { kildeAendret, portalId: udfald.id },
        });
      return udfald;
    },
    { behavior: 'immediate' },
  );
}
