/**
 * PUT /api/v1/breve/{kildeId} and /api/v1/partshoeringer/{kildeId}: what the municipality sends the
 * citizen on a case from its case system, through the same writers as the caseworker's letters and
 * partshøringer (sager/breve.server.ts, sager/partshoering.server.ts).
 */
import { eq } from 'drizzle-orm';
import { retBrev, skrivBrev } from '#/features/sager/breve.server.ts';
import { brevLagtPaaSagen, skrivHaendelse } from '#/features/sager/haendelser.ts';
import { retPartshoering, sendPartshoering } from '#/features/sager/partshoering.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { dokumenter, partshoeringer } from '../../../db/schema.ts';
import {
  auditSystem,
  findPersonFraKilde,
  findSagFraKilde,
  lagretKildeId,
  type UpsertUdfald,
} from './faelles.server.ts';
import { ApiFejl, uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { BrevInput, PartshoeringInput } from './schemas.ts';

const andenSag = () => uopfyldt('sagKildeId', 'Posten hører til en anden sag. Den kan ikke flyttes til en anden sag.');

export async function upsertBrev(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: BrevInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(async (tx) => {
    const person = await findPersonFraKilde(tx, klient, input.personKildeId);
    const sag = await findSagFraKilde(tx, klient, input.sagKildeId, person.id);
    const brev = { titel: input.titel, dato: input.dato, indhold: input.tekst };
    const eksisterende = foerste(await tx.select().from(dokumenter).where(eq(dokumenter.kildeId, kilde)));
    if (!eksisterende) {
      const id = await skrivBrev(tx, sag, { type: 'brev', ...brev, kildeId: kilde }, now, klient.system);
      await skrivHaendelse(tx, sag.id, brevLagtPaaSagen(input.titel), now, sag.sagsbehandlerId);
      await auditSystem(tx, klient, person.id, 'opret', `Brev: ${input.titel}`, now);
      return { id, aendret: true, oprettet: true };
    }
    if (eksisterende.sagId !== sag.id) throw andenSag();
    const { titel, dato, indhold } = eksisterende;
    if (titel === brev.titel && dato === brev.dato && indhold === brev.indhold)
      return { id: eksisterende.id, aendret: false, oprettet: false };
    await retBrev(tx, eksisterende.id, brev);
    await auditSystem(tx, klient, person.id, 'ret', `Brev: ${input.titel}`, now);
    return { id: eksisterende.id, aendret: true, oprettet: false };
  });
}

export async function upsertPartshoering(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: PartshoeringInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(async (tx) => {
    const person = await findPersonFraKilde(tx, klient, input.personKildeId);
    const sag = await findSagFraKilde(tx, klient, input.sagKildeId, person.id);
    const ph = { materiale: input.materiale, svarfrist: input.svarfrist };
    const eksisterende = foerste(await tx.select().from(partshoeringer).where(eq(partshoeringer.kildeId, kilde)));
    if (!eksisterende) {
      const id = await sendPartshoering(tx, sag, { ...ph, kildeId: kilde }, now, sag.sagsbehandlerId, klient.system);
      await auditSystem(tx, klient, person.id, 'opret', `Partshøring: ${sag.titel}`, now);
      return { id, aendret: true, oprettet: true };
    }
    if (eksisterende.sagId !== sag.id) throw andenSag();
    if (eksisterende.materiale === ph.materiale && eksisterende.svarfrist === ph.svarfrist)
      return { id: eksisterende.id, aendret: false, oprettet: false };
    if (eksisterende.besvaret)
      throw new ApiFejl(409, 'Borgeren har besvaret partshøringen; den kan ikke ændres. Send en ny partshøring.');
    await retPartshoering(tx, eksisterende.id, ph);
    await auditSystem(tx, klient, person.id, 'ret', `Partshøring: ${sag.titel}`, now);
    return { id: eksisterende.id, aendret: true, oprettet: false };
  });
}
