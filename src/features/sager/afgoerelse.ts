/**
 * The pure part of a decision (afgørelse): its outcomes in words, the step text the citizen
 * reads after it, its complaint deadline and whether a new decision may be made on a case.
 */

import { z } from 'astro/zod';
import { type Forsendelse, forsendelser } from '#/config/forsendelse.ts';
import { klagevejledningFor } from '#/config/klagevejledninger.ts';
import { type Dag, formatDato } from '#/lib/dato.ts';
import { afgoerelser, type klager } from '../../../db/schema.ts';
import { klagefristFor } from './frister.ts';

export const udfaldVaerdier = afgoerelser.udfald.enumValues;
export type Udfald = (typeof udfaldVaerdier)[number];

/** The outcome inside a sentence: "Du har fået delvis bevilling". */
export const udfaldOrd: Record<Udfald, string> = {
  bevilling: 'bevilling',
  delvis: 'delvis bevilling',
  afslag: 'afslag',
};

/** The outcome as a label on its own. */
export const udfaldLabel: Record<Udfald, string> = {
  bevilling: 'Bevilling',
  delvis: 'Delvis bevilling',
  afslag: 'Afslag',
};

export const forsendelseVaerdier = afgoerelser.forsendelse.enumValues;

/** The ways a decision letter is sent, for a form's choices. */
export const forsendelseValg = forsendelseVaerdier.map((value) => ({ value, label: forsendelser[value].label }));

/** A decision form's "how is the letter sent": the complaint deadline runs from its receipt; Digital Post when not said. */
export const forsendelseFelt = z.enum(forsendelseVaerdier, { error: 'Vælg, hvordan brevet sendes.' }).optional();

/** The complaint deadline and guidance a decision dated `dato` and sent by `forsendelse` gets. */
export function klageadgang(
  lovgrundlag: string,
  dato: Dag,
  forsendelse: Forsendelse,
): { klagefrist: Dag; klagevejledning: string } {
  return {
    klagefrist: klagefristFor(dato, forsendelse),
    klagevejledning: klagevejledningFor(lovgrundlag),
  };
}

/** How long the citizen may complain, in a sentence; no deadline runs while the klagevejledning is missing. */
export const klageOrd = (frist: Dag | null): string =>
  frist === null
    ? 'Afgørelsen mangler en klagevejledning, så der løber ingen klagefrist. Du kan klage, hvis du er uenig.'
    : `Du kan klage senest ${formatDato(frist)}, hvis du er uenig.`;

/** The step text after a caseworker's decision: the outcome and, unless all was granted, how long to complain. */
export function trinTekstEfterAfgoerelse(udfald: Udfald, frist: Dag | null): string {
  const ord = udfaldOrd[udfald];
  return udfald === 'bevilling' ? `Du har fået ${ord}.` : `Du har fået ${ord}. ${klageOrd(frist)}`;
}

/** The step text after a decision on a hjælpemiddel application. */
export function trinTekstEfterHjaelpemiddel(udfald: Udfald, hjaelpemiddel: string, frist: Dag | null): string {
  return udfald === 'afslag'
    ? `Du har fået afslag. ${klageOrd(frist)}`
    : `Du har fået bevilget ${hjaelpemiddel.toLowerCase()}. Depotet kontakter dig om levering.`;
}

/** A case stays open after a decision the citizen may complain about. */
export const aabenEfterAfgoerelse = (udfald: Udfald): boolean => udfald !== 'bevilling';

type Klage = Pick<typeof klager.$inferSelect, 'afgoerelseId' | 'status'>;

/**
 * A case gets one decision. The only way to a new one is a complaint whose re-assessment
 * changed the decision (status `afgoerelse-aendret`); the new decision then replaces it.
 */
export function maaTraeffeAfgoerelse(seneste: { id: string } | undefined, klagerPaaSagen: readonly Klage[]): boolean {
  if (!seneste) return true;
  return klagerPaaSagen.some((k) => k.afgoerelseId === seneste.id && k.status === 'afgoerelse-aendret');
}

export const ALLEREDE_AFGJORT =
  'Sagen har allerede en afgørelse. Den kan kun ændres, hvis borgeren klager og afgørelsen ændres ved genvurderingen.';
