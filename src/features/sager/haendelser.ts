/**
 * The case history the citizen reads: every sentence is written here, once, as a pure function,
 * and `skrivHaendelse` is the one insert into `sagshaendelser`. Writers elsewhere pick a sentence
 * and write it in their own transaction.
 */

import { varslOmSag } from '#/features/notifikationer/udbakke.server.ts';
import { type Dag, formatDato } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { sagshaendelser } from '../../../db/schema.ts';
import { klageOrd, type Udfald, udfaldOrd } from './afgoerelse.ts';
import { trinNavn } from './trin.ts';

export type HaendelseType = (typeof sagshaendelser.type.enumValues)[number];

/** One event in a case's history, before it is written. */
export interface Haendelse {
  type: HaendelseType;
  trin: number | null;
  tekst: string;
  /** The citizen's own doing (a complaint, an answer): no notice of it. Everything else is news. */
  fraBorgeren?: true;
}

/** Writes one event; `medarbejderId` is the staff member (or the case's caseworker) behind it, if any. */
export async function skrivHaendelse(
  tx: Pick<Db, 'insert' | 'select'>,
  sagId: string,
  h: Haendelse,
  now: Date,
  medarbejderId: string | null = null,
): Promise<void> {
  const id = crypto.randomUUID();
  // The notice of it is written with it: a rolled-back change leaves no notice (notifikationer/udbakke.server.ts).
  if (!h.fraBorgeren) await varslOmSag(tx, sagId, h.type, id, now);
  await tx.insert(sagshaendelser).values({
    id,
    sagId,
    type: h.type,
    trin: h.trin,
    tekst: h.tekst,
    tidspunkt: now.toISOString(),
    medarbejderId,
  });
}

// Steps

/** The caseworker moved the case on and wrote the citizen a message. */
export const trinMedBesked = (trin: number, besked: string): Haendelse => ({ type: 'trin', trin, tekst: besked });

/** The case system moved the case to another step. */
export const trinSkiftet = (trin: number, trinTekst: string | null): Haendelse => ({
  type: 'trin',
  trin,
  tekst: `Din sag er nu på trinnet "${trinNavn(trin)}".${trinTekst ? ` ${trinTekst}` : ''}`,
});

// Deadlines

/** The answer comes later than the deadline said. */
export const fristForlaenget = (gammel: Dag, ny: Dag, begrundelse: string | null): Haendelse => ({
  type: 'frist',
  trin: null,
  tekst: `Vi kan ikke svare inden fristen ${formatDato(gammel)}. Vi forventer nu at svare senest ${formatDato(ny)}. Begrundelse: ${begrundelse}`,
});

/** The deadline was set again without an extension. */
export const fristSat = (frist: Dag): Haendelse => ({
  type: 'frist',
  trin: null,
  tekst: `Vi forventer nu at svare senest ${formatDato(frist)}.`,
});

// Caseworker

/** Another caseworker has the case now. */
export const sagsbehandlerSkiftet = (navn: string, midlertidig = false): Haendelse => ({
  type: 'sagsbehandler',
  trin: null,
  tekst: `Din sag er overgået til ${navn}${midlertidig ? ' (midlertidigt)' : ''}. Du skal ikke starte forfra.`,
});

/** The case has no caseworker for now. */
export const sagsbehandlerMangler = (): Haendelse => ({
  type: 'sagsbehandler',
  trin: null,
  tekst: 'Din sag venter på en ny sagsbehandler. Du skal ikke starte forfra: alt, hvad du har sendt, følger med sagen.',
});

// Decision

/** What is said besides the outcome: where the letter is, the reasons, or the complaint deadline. */
export type AfgoerelseTillaeg = { brev: true } | { begrundelse: string } | { klagefrist: Dag | null };

/** A decision has been made. */
export function afgoerelseTruffet(udfald: Udfald, tillaeg: AfgoerelseTillaeg): Haendelse {
  return {
    type: 'afgoerelse',
    trin: 6,
    tekst: `Du har fået en afgørelse: ${udfaldOrd[udfald]}.${afgoerelseEfterskrift(udfald, tillaeg)}`,
  };
}

/** The case system changed the outcome of a decision it sent before. */
export const afgoerelseAendret = (udfald: Udfald, klagefrist: Dag | null): Haendelse => ({
  type: 'afgoerelse',
  trin: 6,
  tekst: `Afgørelsen er ændret. Du har nu fået: ${udfaldOrd[udfald]}.${afgoerelseEfterskrift(udfald, { klagefrist })}`,
});

/** The case system sent the klagevejledning a decision lacked: the complaint deadline runs from now. */
export const klagevejledningGivet = (udfald: Udfald, klagefrist: Dag): Haendelse => ({
  type: 'afgoerelse',
  trin: 6,
  tekst: `Du har fået vejledning om, hvordan du klager over afgørelsen.${afgoerelseEfterskrift(udfald, { klagefrist })}`,
});

function afgoerelseEfterskrift(udfald: Udfald, tillaeg: AfgoerelseTillaeg): string {
  if ('brev' in tillaeg) return ' Brevet ligger under "Breve og dokumenter".';
  if ('begrundelse' in tillaeg) return ` ${tillaeg.begrundelse}`;
  // Nothing to complain about when everything was granted.
  return udfald === 'bevilling' ? '' : ` ${klageOrd(tillaeg.klagefrist)}`;
}

// Complaint and partshøring

/** The citizen's complaint has arrived. */
export const klageModtaget = (genvurderingFrist: Dag): Haendelse => ({
  fraBorgeren: true,
  type: 'klage',
  trin: 7,
  tekst: `Vi har modtaget din klage. Vi vurderer afgørelsen igen og svarer dig senest ${formatDato(genvurderingFrist)}.`,
});

/** The citizen asked to see the case's documents. */
export const aktindsigtModtaget = (svarFrist: Dag): Haendelse => ({
  fraBorgeren: true,
  type: 'dokument',
  trin: null,
  tekst: `Vi har modtaget din anmodning om aktindsigt. Du får svar senest ${formatDato(svarFrist)}.`,
});

/** The municipality has re-assessed the decision after a complaint. */
export const aktindsigtBesvaret = (svar: string): Haendelse => ({
  type: 'dokument',
  trin: null,
  tekst: `Vi har svaret på din anmodning om aktindsigt: ${svar}`,
});

export const klageGenvurderet = (resultat: 'fastholdt' | 'aendret', begrundelse: string): Haendelse => ({
  type: 'klage',
  trin: 7,
  tekst:
    resultat === 'fastholdt'
      ? `Vi har vurderet afgørelsen igen og fastholder den. Din klage er sendt til Ankestyrelsen, som nu behandler den. Begrundelse: ${begrundelse}`
      : `Vi har vurderet afgørelsen igen og ændrer den. Begrundelse: ${begrundelse}`,
});

/** The municipality asks the citizen to comment before it decides (forvaltningsloven § 19). */
export const partshoeringSendt = (svarfrist: Dag): Haendelse => ({
  type: 'partshoering',
  trin: 5,
  tekst: `Før vi træffer afgørelse, skal du have mulighed for at kommentere oplysningerne i din sag (partshøring). Svar senest ${formatDato(svarfrist)}. Brevet ligger under "Breve og dokumenter".`,
});

/** A letter was put on the case. */
export const brevLagtPaaSagen = (titel: string): Haendelse => ({
  type: 'dokument',
  trin: null,
  tekst: `Du har fået et brev: "${titel}". Det ligger under "Breve og dokumenter".`,
});

/** The citizen answered the partshøring. */
export const partshoeringBesvaret = (): Haendelse => ({
  fraBorgeren: true,
  type: 'partshoering',
  trin: 5,
  tekst: 'Vi har modtaget dit svar på partshøringen. Vi tager det med, når vi træffer afgørelse.',
});

// Consent

/** A consent to obtain information was withdrawn. */
export const samtykkeTilbagekaldt = (kilde: string): Haendelse => ({
  fraBorgeren: true,
  type: 'dokument',
  trin: null,
  tekst: `Samtykket til at indhente oplysninger fra ${kilde} er tilbagekaldt.`,
});

// Transition to adult life

/** The 16-18 team opened a transition case. */
export const overgangssagOprettet = (): Haendelse => ({
  type: 'trin',
  trin: 1,
  tekst:
    'Vi har oprettet en sag om din overgang til voksenlivet. Vi inviterer dig og dine forældre til et cafémøde og et koordinerende møde.',
});

// Hjælpemiddel

/** The application has arrived, sent by the citizen or by someone on their behalf. */
export const ansoegningModtaget = (paaVegneAf: string | null): Haendelse => ({
  fraBorgeren: true,
  type: 'trin',
  trin: 1,
  tekst: paaVegneAf ? `Vi har modtaget ansøgningen fra ${paaVegneAf} på dine vegne.` : 'Vi har modtaget din ansøgning.',
});

/** The receipt with the expected answer date. */
export const kvitteringSendt = (forventetSvar: Dag): Haendelse => ({
  fraBorgeren: true,
  type: 'trin',
  trin: 2,
  tekst: `Kvittering sendt. Du får svar senest ${formatDato(forventetSvar)}.`,
});

/** A therapist has started to assess the application. */
export const ansoegningVurderes = (): Haendelse => ({
  type: 'trin',
  trin: 4,
  tekst: 'Vi vurderer din ansøgning om hjælpemiddel.',
});

/** The depot has agreed a delivery day. */
export const leveringAftalt = (hjaelpemiddel: string, dato: Dag): Haendelse => ({
  type: 'trin',
  trin: null,
  tekst: `Depotet leverer ${hjaelpemiddel.toLowerCase()} ${formatDato(dato)}.`,
});

/** The device has been delivered. */
export const hjaelpemiddelLeveret = (hjaelpemiddel: string): Haendelse => ({
  type: 'trin',
  trin: null,
  tekst: `${hjaelpemiddel} er leveret.`,
});
