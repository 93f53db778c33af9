/**
 * PUT /api/v1/beskeder/{kildeId}: the caseworker's answer to a citizen's message, written in the
 * case system, through the same writer as an answer written in the portal (beskeder.server.ts).
 */
import { maySystem } from '#/features/adgang/access.ts';
import { beskedAtSvarePaa, retSvar, skrivSvar, svarFraKilde } from '#/features/beskeder/beskeder.server.ts';
import type { Db } from '../../../db/client.ts';
import { auditSystem, lagretKildeId, type UpsertUdfald } from './faelles.server.ts';
import { uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { BeskedSvarInput } from './schemas.ts';

export async function upsertBeskedSvar(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: BeskedSvarInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(async (tx) => {
    const maal = await beskedAtSvarePaa(tx, input.svarPaa);
    // Another system's thread answers as one that does not exist: a key learns nothing of it.
    if (!maal || !maySystem({ ...klient, scopes: ['skriv:beskeder'] }, 'skriv:beskeder', maal.genstand))
      throw uopfyldt(
        'svarPaa',
        `Beskeden "${input.svarPaa}" findes ikke i portalen, eller den hører ikke til jeres sager.`,
      );
    const eksisterende = await svarFraKilde(tx, kilde);
    if (eksisterende) {
      if (eksisterende.traadId !== maal.traad.id)
        throw uopfyldt('svarPaa', 'Svaret hører til en anden samtale. Det kan ikke flyttes.');
      if (eksisterende.tekst === input.tekst && eksisterende.afsender === input.afsender)
        return { id: eksisterende.id, aendret: false, oprettet: false };
      await retSvar(tx, eksisterende.id, { afsender: input.afsender, tekst: input.tekst });
      await auditSystem(tx, klient, maal.traad.personId, 'ret', 'Svar på besked', now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    }
    const id = await skrivSvar(
      tx,
      maal.traad,
      { afsender: input.afsender, medarbejderId: null, tekst: input.tekst, dokumentId: null, kildeId: kilde },
      now,
    );
    await auditSystem(tx, klient, maal.traad.personId, 'opret', 'Svar på besked', now);
    return { id, aendret: true, oprettet: true };
  });
}
