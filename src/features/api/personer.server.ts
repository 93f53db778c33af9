/** PUT /api/v1/personer/{kildeId}: a citizen from the case system, matched by its id or, the first time, by CPR. */
import { eq } from 'drizzle-orm';
import { nyPerson, retPerson } from '#/features/personer/personskrivning.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { personer } from '../../../db/schema.ts';
import { aendredeFelter, auditSystem, egenKildeId, lagretKildeId, type UpsertUdfald } from './faelles.server.ts';
import { ApiFejl } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { PersonInput } from './schemas.ts';

const HVAD = 'Personoplysninger (navn, adresse og kontakt)';

/**
 * Creates or updates the person with this source id. A person already in the portal with the
 * same CPR number and no source id (e.g. one who logged in first) is linked, not duplicated.
 * A CPR number linked to another source id is a 409: one person, one source id.
 */
export async function upsertPerson(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: PersonInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  const vaerdier = {
    cpr: input.cpr,
    navn: input.navn,
    foedselsdato: input.foedselsdato,
    adresse: input.adresse ?? null,
    by: input.by ?? null,
    telefon: input.telefon ?? null,
    email: input.email ?? null,
    kildeId: kilde,
  };
  return await db.transaction(
    async (tx) => {
      const medCpr = foerste(await tx.select().from(personer).where(eq(personer.cpr, input.cpr)));
      const eksisterende =
        foerste(await tx.select().from(personer).where(eq(personer.kildeId, kilde))) ??
        (medCpr && !medCpr.kildeId ? medCpr : undefined);
      if (medCpr && medCpr.id !== eksisterende?.id) {
        const egen = egenKildeId(klient, medCpr.kildeId);
        throw new ApiFejl(
          409,
          egen
            ? `CPR-nummeret hører allerede til personen "${egen}" i jeres system. Én person kan kun have ét id.`
            : medCpr.kildeId
              ? 'CPR-nummeret hører allerede til en person, der er knyttet til et andet kildesystem.'
              : 'CPR-nummeret hører allerede til en anden person i portalen.',
        );
      }
      if (!eksisterende) {
        const { id } = await nyPerson(tx, vaerdier);
        await auditSystem(db, klient, id, 'opret', HVAD, now);
        return { id, aendret: true, oprettet: true };
      }
      if (aendredeFelter(eksisterende, vaerdier).length === 0)
        return { id: eksisterende.id, aendret: false, oprettet: false };
      await retPerson(tx, eksisterende.id, vaerdier);
      await auditSystem(db, klient, eksisterende.id, 'ret', HVAD, now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    },
    { behavior: 'immediate' },
  );
}
