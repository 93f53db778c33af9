/**
 * PUT /api/v1/sager/{kildeId} and its afgørelse. What the citizen must be told (a new step,
 * a new deadline, a new caseworker, a decision) becomes a plain-language event in the case's
 * history, written in the same transaction as the change.
 */
import { eq } from 'drizzle-orm';
import { AfgoerelseFejl, registrerAfgoerelse, retAfgoerelseFraSystem } from '#/features/sager/afgoerelse.server.ts';
import { klagefristFor } from '#/features/sager/frister.ts';
import { fristForlaenget, fristSat, trinSkiftet } from '#/features/sager/haendelser.ts';
import {
  opretSag,
  retSagsoplysninger,
  saetFrist,
  saetTrin,
  skiftSagsbehandler,
} from '#/features/sager/sagsskrivning.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afgoerelser, medarbejdere, sager } from '../../../db/schema.ts';
import { aendredeFelter, auditSystem, findPersonFraKilde, lagretKildeId, type UpsertUdfald } from './faelles.server.ts';
import { ApiFejl, uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { AfgoerelseInput, SagInput } from './schemas.ts';
import { aeldreEndPortalens, synkRaekkefoelge } from './synkorden.server.ts';

/**
 * Creates or updates a case. The person must exist (422 otherwise); a case cannot move to
 * another person. A changed step, deadline or caseworker adds events to the history.
 */
export async function upsertSag(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: SagInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(
    async (tx) => {
      const person = await findPersonFraKilde(tx, klient, input.personKildeId);
      let sagsbehandler: typeof medarbejdere.$inferSelect | undefined;
      if (input.sagsbehandlerOidcSub) {
        sagsbehandler = foerste(
          await tx.select().from(medarbejdere).where(eq(medarbejdere.oidcSub, input.sagsbehandlerOidcSub)),
        );
        if (!sagsbehandler)
          throw uopfyldt('sagsbehandlerOidcSub', 'Der findes ingen medarbejder i portalen med dette subject.');
      }
      const vaerdier = {
        personId: person.id,
        enhed: input.enhed,
        titel: input.titel,
        // Omitted: the kind stays as it is (a new case is a "sag" by the column's default).
        ...(input.sagsart && { sagsart: input.sagsart }),
        lovgrundlag: input.lovgrundlag,
        trin: input.trin,
        trinTekst: input.trinTekst ?? null,
        aaben: input.aaben,
        sagsbehandlerId: sagsbehandler?.id ?? null,
        modtaget: input.modtaget,
        frist: input.frist,
        nyFrist: input.nyFrist ?? null,
        nyFristBegrundelse: input.nyFristBegrundelse ?? null,
      };
      const eksisterende = foerste(await tx.select().from(sager).where(eq(sager.kildeId, kilde)));
      if (!eksisterende) {
        const id = await opretSag(tx, { ...vaerdier, kildeId: kilde, kildeAendret: input.kildeAendret }, [], now);
        await auditSystem(db, klient, person.id, 'opret', `Sag: ${input.titel}`, now);
        return { id, aendret: true, oprettet: true };
      }
      if (eksisterende.personId !== person.id)
        throw uopfyldt(
          'personKildeId',
          'Sagen hører til en anden person. En sag kan ikke flyttes til en anden person.',
        );
      const version = synkRaekkefoelge(eksisterende.kildeAendret, input.kildeAendret);
      if (version === 'aeldre')
        throw aeldreEndPortalens(klient.system, defined(eksisterende.kildeAendret, 'kildeAendret'), 'sagen');
      // The same change again (a retry, a routine re-sync) changes nothing, also not what was done in the portal since.
      if (version === 'samme' || aendredeFelter(eksisterende, vaerdier).length === 0) {
        if (version === 'nyere')
          await retSagsoplysninger(tx, eksisterende.id, { kildeAendret: input.kildeAendret }, klient.system);
        return { id: eksisterende.id, aendret: false, oprettet: false };
      }

      // Each changed fact through its writer, which tells the citizen: step, deadline, caseworker.
      const { id } = eksisterende;
      const af = vaerdier.sagsbehandlerId;
      const { enhed, titel, sagsart, lovgrundlag, aaben, modtaget } = vaerdier;
      const { trin, trinTekst, frist, nyFrist, nyFristBegrundelse } = vaerdier;
      const oplysninger = { enhed, titel, sagsart, lovgrundlag, aaben, modtaget };
      await retSagsoplysninger(tx, id, { ...oplysninger, kildeAendret: input.kildeAendret }, klient.system);
      if (aendredeFelter(eksisterende, { trin, trinTekst }).length) {
        const h = eksisterende.trin !== trin ? trinSkiftet(trin, trinTekst) : null;
        await saetTrin(tx, id, { trin, trinTekst }, h, now, af, klient.system);
      }
      if (aendredeFelter(eksisterende, { frist, nyFrist }).length) {
        const h = nyFrist ? fristForlaenget(frist, nyFrist, nyFristBegrundelse) : fristSat(frist);
        await saetFrist(tx, id, { frist, nyFrist, nyFristBegrundelse }, h, now, af, klient.system);
      } else if (eksisterende.nyFristBegrundelse !== nyFristBegrundelse) {
        await saetFrist(tx, id, { nyFrist, nyFristBegrundelse }, null, now, af, klient.system);
      }
      if (eksisterende.sagsbehandlerId !== af) {
        const til = sagsbehandler ? { id: sagsbehandler.id, navn: sagsbehandler.navn } : null;
        await skiftSagsbehandler(
          tx,
          eksisterende,
          til,
          { planlagt: true, midlertidig: false, begrundelse: null },
          now,
          af,
          klient.system,
        );
      }
      await auditSystem(db, klient, person.id, 'ret', `Sag: ${input.titel}`, now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    },
    { behavior: 'immediate' },
  );
}

/** A second decision on a case that has one is a conflict, told in the staff member's words. */
async function registrerAfgoerelseEllerAfvis(...args: Parameters<typeof registrerAfgoerelse>) {
  try {
    return await registrerAfgoerelse(...args);
  } catch (e) {
    if (e instanceof AfgoerelseFejl) throw new ApiFejl(409, e.message);
    throw e;
  }
}

/** The afgørelse sent for a case is stored under the case's source id with this suffix. */
const afgoerelseNoegle = (klient: ApiKlient, sagKildeId: string) => `${lagretKildeId(klient, sagKildeId)}/afgoerelse`;

/**
 * Creates or updates the decision on a case (404 if the case is unknown). The citizen is told
 * when the decision arrives and when its outcome changes.
 */
export async function upsertAfgoerelse(
  db: Db,
  klient: ApiKlient,
  sagKildeId: string,
  input: AfgoerelseInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = afgoerelseNoegle(klient, sagKildeId);
  return await db.transaction(
    async (tx) => {
      const sag = foerste(
        await tx
          .select()
          .from(sager)
          .where(eq(sager.kildeId, lagretKildeId(klient, sagKildeId))),
      );
      if (!sag)
        throw new ApiFejl(
          404,
          `Sagen "${sagKildeId}" findes ikke i portalen. Send sagen først med PUT /api/v1/sager/${sagKildeId}.`,
        );
      const vaerdier = {
        sagId: sag.id,
        udfald: input.udfald,
        dato: input.dato,
        begrundelse: input.begrundelse,
        klagevejledning: input.klagevejledning ?? '',
        forsendelse: input.forsendelse,
        // Without a klagevejledning no deadline runs (afgoerelser.klagefrist).
        klagefrist:
          input.klagevejledning === undefined
            ? null
            : (input.klagefrist ?? klagefristFor(input.dato, input.forsendelse)),
      };
      const eksisterende = foerste(await tx.select().from(afgoerelser).where(eq(afgoerelser.kildeId, kilde)));
      if (!eksisterende) {
        const { udfald, begrundelse, dato, klagefrist, klagevejledning, forsendelse } = vaerdier;
        const { id } = await registrerAfgoerelseEllerAfvis(
          tx,
          sag,
          {
            udfald,
            begrundelse,
            forsendelse,
            kilde: { type: 'system', kildeId: kilde, dato, klagefrist, klagevejledning },
          },
          now,
        );
        await auditSystem(db, klient, sag.personId, 'opret', `Afgørelse: ${sag.titel}`, now);
        return { id, aendret: true, oprettet: true };
      }
      if (aendredeFelter(eksisterende, vaerdier).length === 0)
        return { id: eksisterende.id, aendret: false, oprettet: false };
      const { sagId: _, ...ny } = vaerdier;
      await retAfgoerelseFraSystem(tx, sag, eksisterende, ny, now);
      await auditSystem(db, klient, sag.personId, 'ret', `Afgørelse: ${sag.titel}`, now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    },
    { behavior: 'immediate' },
  );
}
