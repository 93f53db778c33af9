/**
 * PUT /api/v1/sager/{kildeId} and its afgørelse. What the citizen must be told (a new step,
 * a new deadline, a new caseworker, a decision) becomes a plain-language event in the case's
 * history, written in the same transaction as the change.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { afgoerelser, medarbejdere, sager, sagsbehandlerskift, sagshaendelser } from '../../../db/schema.ts';
import { dagen, formatDato } from '../../lib/dato.ts';
import { ApiFejl, uopfyldt } from './fejl.ts';
import { aendredeFelter, auditSystem, kildeNoegle, kraevPerson, type Tx, type UpsertUdfald } from './faelles.server.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { AfgoerelseInput, SagInput } from './schemas.ts';

/** The steps of a case as the citizen sees them (content/forloeb). */
export const trinNavne: Record<number, string> = {
  1: 'Ansøgning modtaget',
  2: 'Kvittering sendt',
  3: 'Vi indhenter oplysninger',
  4: 'Vi vurderer din sag',
  5: 'Partshøring',
  6: 'Afgørelse',
  7: 'Klage',
};

const udfaldOrd = { bevilling: 'bevilling', delvis: 'delvis bevilling', afslag: 'afslag' } as const;

type Sag = typeof sager.$inferSelect;
type Haendelse = Pick<typeof sagshaendelser.$inferInsert, 'type' | 'trin' | 'tekst'>;

/** The events a change of the case gives the citizen, in plain Danish. Pure. */
export function haendelserForAendring(gammel: Sag, ny: Omit<Sag, 'id' | 'kildeId'>, nySagsbehandlerNavn: string | null): Haendelse[] {
  const ud: Haendelse[] = [];
  if (gammel.trin !== ny.trin) {
    ud.push({ type: 'trin', trin: ny.trin, tekst: `Din sag er nu på trinnet "${trinNavne[ny.trin]}".${ny.trinTekst ? ` ${ny.trinTekst}` : ''}` });
  }
  if (gammel.frist !== ny.frist || gammel.nyFrist !== ny.nyFrist) {
    ud.push({
      type: 'frist',
      trin: null,
      tekst: ny.nyFrist
        ? `Vi kan ikke svare inden fristen ${formatDato(ny.frist)}. Vi forventer nu at svare senest ${formatDato(ny.nyFrist)}. Begrundelse: ${ny.nyFristBegrundelse}`
        : `Vi forventer nu at svare senest ${formatDato(ny.frist)}.`,
    });
  }
  if (gammel.sagsbehandlerId !== ny.sagsbehandlerId) {
    ud.push({
      type: 'sagsbehandler',
      trin: null,
      tekst: nySagsbehandlerNavn
        ? `Din sag er overgået til ${nySagsbehandlerNavn}. Du skal ikke starte forfra.`
        : 'Din sag venter på en ny sagsbehandler. Du skal ikke starte forfra: alt, hvad du har sendt, følger med sagen.',
    });
  }
  return ud;
}

function skrivHaendelser(tx: Tx, sagId: string, haendelser: Haendelse[], medarbejderId: string | null, now: Date) {
  for (const h of haendelser) {
    tx.insert(sagshaendelser).values({ id: crypto.randomUUID(), sagId, ...h, tidspunkt: now.toISOString(), medarbejderId }).run();
  }
}

/**
 * Creates or updates a case. The person must exist (422 otherwise); a case cannot move to
 * another person. A changed step, deadline or caseworker adds events to the history.
 */
export function upsertSag(db: Db, klient: ApiKlient, kildeId: string, input: SagInput, now: Date): UpsertUdfald {
  const kilde = kildeNoegle(klient, kildeId);
  return db.transaction((tx) => {
    const person = kraevPerson(tx, klient, input.personKildeId);
    let sagsbehandler: typeof medarbejdere.$inferSelect | undefined;
    if (input.sagsbehandlerOidcSub) {
      sagsbehandler = tx.select().from(medarbejdere).where(eq(medarbejdere.oidcSub, input.sagsbehandlerOidcSub)).get();
      if (!sagsbehandler) throw uopfyldt('sagsbehandlerOidcSub', 'Der findes ingen medarbejder i portalen med dette subject.');
    }
    const vaerdier = {
      personId: person.id,
      enhed: input.enhed,
      titel: input.titel,
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
    const eksisterende = tx.select().from(sager).where(eq(sager.kildeId, kilde)).get();
    if (!eksisterende) {
      const id = crypto.randomUUID();
      tx.insert(sager).values({ id, ...vaerdier, kildeId: kilde }).run();
      auditSystem(db, klient, person.id, 'opret', `Sag: ${input.titel}`, now);
      return { id, aendret: true, oprettet: true };
    }
    if (eksisterende.personId !== person.id) throw uopfyldt('personKildeId', 'Sagen hører til en anden person. En sag kan ikke flyttes til en anden person.');
    if (aendredeFelter(eksisterende, vaerdier).length === 0) return { id: eksisterende.id, aendret: false, oprettet: false };

    tx.update(sager).set(vaerdier).where(eq(sager.id, eksisterende.id)).run();
    skrivHaendelser(tx, eksisterende.id, haendelserForAendring(eksisterende, vaerdier, sagsbehandler?.navn ?? null), vaerdier.sagsbehandlerId, now);
    if (sagsbehandler && sagsbehandler.id !== eksisterende.sagsbehandlerId) {
      // The case page tells the citizen about a recent change of caseworker from this table.
      tx.insert(sagsbehandlerskift).values({ id: crypto.randomUUID(), sagId: eksisterende.id, fraId: eksisterende.sagsbehandlerId, tilId: sagsbehandler.id, dato: dagen(now), planlagt: true, midlertidig: false, begrundelse: null }).run();
    }
    auditSystem(db, klient, person.id, 'ret', `Sag: ${input.titel}`, now);
    return { id: eksisterende.id, aendret: true, oprettet: false };
  }, { behavior: 'immediate' });
}

/** The afgørelse sent for a case is stored under the case's source id with this suffix. */
const afgoerelseNoegle = (klient: ApiKlient, sagKildeId: string) => `${kildeNoegle(klient, sagKildeId)}/afgoerelse`;

/**
 * Creates or updates the decision on a case (404 if the case is unknown). The citizen is told
 * when the decision arrives and when its outcome changes.
 */
export function upsertAfgoerelse(db: Db, klient: ApiKlient, sagKildeId: string, input: AfgoerelseInput, now: Date): UpsertUdfald {
  const kilde = afgoerelseNoegle(klient, sagKildeId);
  return db.transaction((tx) => {
    const sag = tx.select().from(sager).where(eq(sager.kildeId, kildeNoegle(klient, sagKildeId))).get();
    if (!sag) throw new ApiFejl(404, `Sagen "${sagKildeId}" findes ikke i portalen. Send sagen først med PUT /api/v1/sager/${sagKildeId}.`);
    const vaerdier = { sagId: sag.id, udfald: input.udfald, dato: input.dato, begrundelse: input.begrundelse, klagevejledning: input.klagevejledning, klagefrist: input.klagefrist };
    const klageTekst = input.udfald === 'bevilling' ? '' : ` Du kan klage senest ${formatDato(input.klagefrist)}, hvis du er uenig.`;
    const eksisterende = tx.select().from(afgoerelser).where(eq(afgoerelser.kildeId, kilde)).get();
    if (!eksisterende) {
      const id = crypto.randomUUID();
      tx.insert(afgoerelser).values({ id, ...vaerdier, kildeId: kilde }).run();
      skrivHaendelser(tx, sag.id, [{ type: 'afgoerelse', trin: 6, tekst: `Du har fået en afgørelse: ${udfaldOrd[input.udfald]}.${klageTekst}` }], sag.sagsbehandlerId, now);
      auditSystem(db, klient, sag.personId, 'opret', `Afgørelse: ${sag.titel}`, now);
      return { id, aendret: true, oprettet: true };
    }
    if (aendredeFelter(eksisterende, vaerdier).length === 0) return { id: eksisterende.id, aendret: false, oprettet: false };
    tx.update(afgoerelser).set(vaerdier).where(eq(afgoerelser.id, eksisterende.id)).run();
    if (eksisterende.udfald !== input.udfald) {
      skrivHaendelser(tx, sag.id, [{ type: 'afgoerelse', trin: 6, tekst: `Afgørelsen er ændret. Du har nu fået: ${udfaldOrd[input.udfald]}.${klageTekst}` }], sag.sagsbehandlerId, now);
    }
    auditSystem(db, klient, sag.personId, 'ret', `Afgørelse: ${sag.titel}`, now);
    return { id: eksisterende.id, aendret: true, oprettet: false };
  }, { behavior: 'immediate' });
}
