/** PUT /api/v1/moeder/{kildeId}: a meeting with the citizen. */
import { eq } from 'drizzle-orm';
import { nytMoede, retMoede } from '#/features/moeder/moedeskrivning.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { moeder } from '../../../db/schema.ts';
import {
  aendredeFelter,
  auditSystem,
  findPersonFraKilde,
  findSagFraKilde,
  lagretKildeId,
  type UpsertUdfald,
} from './faelles.server.ts';
import { uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { MoedeInput } from './schemas.ts';

/**
 * Creates or updates a meeting; times are stored in UTC. The citizen's own bisidder note and
 * agenda topics belong to the citizen and are kept. A meeting cannot move to another person.
 */
export async function upsertMoede(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: MoedeInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(
    async (tx) => {
      const person = await findPersonFraKilde(tx, klient, input.personKildeId);
      const sag = input.sagKildeId ? await findSagFraKilde(tx, klient, input.sagKildeId, person.id) : undefined;
      const vaerdier = {
        personId: person.id,
        sagId: sag?.id ?? null,
        type: input.type,
        titel: input.titel,
        start: new Date(input.start).toISOString(),
        slut: new Date(input.slut).toISOString(),
        sted: input.sted ?? null,
        videolink: input.videolink ?? null,
        deltagere: input.deltagere,
        dagsorden: input.dagsorden,
      };
      const eksisterende = foerste(await tx.select().from(moeder).where(eq(moeder.kildeId, kilde)));
      if (!eksisterende) {
        const id = await nytMoede(tx, { ...vaerdier, kildeId: kilde }, now);
        await auditSystem(db, klient, person.id, 'opret', `Møde: ${input.titel}`, now);
        return { id, aendret: true, oprettet: true };
      }
      if (eksisterende.personId !== person.id)
        throw uopfyldt(
          'personKildeId',
          'Mødet hører til en anden person. Et møde kan ikke flyttes til en anden person.',
        );
      if (aendredeFelter(eksisterende, vaerdier).length === 0)
        return { id: eksisterende.id, aendret: false, oprettet: false };
      await retMoede(tx, eksisterende.id, vaerdier, { personId: person.id, now });
      await auditSystem(db, klient, person.id, 'ret', `Møde: ${input.titel}`, now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    },
    { behavior: 'immediate' },
  );
}
