/**
 * A hjælpemiddel application as a state machine: its statuses, their labels, and the steps
 * staff may take from each. The staff page offers exactly these, and the write refuses others.
 */
import { type afhentninger, type fejlmeldinger, hjaelpemiddelAnsoegninger } from '../../../db/schema.ts';

export const ansoegningStatusser = hjaelpemiddelAnsoegninger.status.enumValues;
export type AnsoegningStatus = (typeof ansoegningStatusser)[number];

/** What staff can do: move the application to one of these statuses. */
export type AnsoegningStatusskift = Exclude<AnsoegningStatus, 'modtaget'>;
export const ansoegningStatusskift = ansoegningStatusser.filter((s): s is AnsoegningStatusskift => s !== 'modtaget');

export const ansoegningStatusLabel: Record<AnsoegningStatus, string> = {
  modtaget: 'Modtaget',
  'under-vurdering': 'Under vurdering',
  bevilget: 'Bevilget',
  afslag: 'Afslag',
  'levering-aftalt': 'Levering aftalt',
  udleveret: 'Udleveret',
};

/** The button-like name of each step in the staff form. */
export const ansoegningStatusskiftNavn: Record<AnsoegningStatusskift, string> = {
  'under-vurdering': 'Start vurdering',
  bevilget: 'Bevilg',
  afslag: 'Giv afslag',
  'levering-aftalt': 'Aftal levering',
  udleveret: 'Marker som leveret',
};

/** The allowed next statuses. A decision (bevilget/afslag) is made once; afslag and udleveret are final. */
export const ansoegningOvergange: Record<AnsoegningStatus, readonly AnsoegningStatusskift[]> = {
  modtaget: ['under-vurdering', 'bevilget', 'afslag'],
  'under-vurdering': ['bevilget', 'afslag'],
  bevilget: ['levering-aftalt', 'udleveret'],
  'levering-aftalt': ['udleveret'],
  afslag: [],
  udleveret: [],
};

export const kanGaaTil = (fra: AnsoegningStatus, til: AnsoegningStatusskift): boolean =>
  ansoegningOvergange[fra].includes(til);

/** The refusal when a step is not allowed (a stale page or a re-sent form). */
export function ugyldigOvergang(fra: AnsoegningStatus, til: AnsoegningStatusskift): string {
  return `Ansøgningen har status "${ansoegningStatusLabel[fra]}", så "${ansoegningStatusskiftNavn[til]}" kan ikke vælges nu. Indlæs siden igen.`;
}

export type FejlmeldingStatus = (typeof fejlmeldinger.status.enumValues)[number];

/** A defect report's status as the depot reads it. */
export const fejlmeldingStatusLabel: Record<FejlmeldingStatus, string> = {
  modtaget: 'Modtaget',
  planlagt: 'Planlagt',
  repareret: 'Repareret',
};

export type AfhentningStatus = (typeof afhentninger.status.enumValues)[number];

/** A pick-up's status as the depot reads it. */
export const afhentningStatusLabel: Record<AfhentningStatus, string> = { bestilt: 'Bestilt', afhentet: 'Afhentet' };
