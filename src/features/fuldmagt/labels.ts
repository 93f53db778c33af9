/** Relation types and fuldmagt request statuses: the values from db/schema.ts and the words people read. */
import { fuldmagtAnmodninger, relationer } from '../../../db/schema.ts';

export const relationstyper = relationer.type.enumValues;
export type Relationstype = (typeof relationstyper)[number];

export const relationstypeLabel: Record<Relationstype, string> = {
  foraeldremyndighed: 'Forældremyndighed',
  fuldmagt: 'Fuldmagt',
  vaergemaal: 'Værgemål',
};

/** What a leder registers from paper or from the register, as the form offers it. */
export const registreringLabel: Record<Relationstype, string> = {
  foraeldremyndighed: 'Forældremyndighed over et barn under 18 år (fra CPR-registret)',
  fuldmagt: 'Fuldmagt på papir',
  vaergemaal: 'Værgemål (Familieretshuset)',
};

export const anmodningStatusser = fuldmagtAnmodninger.status.enumValues;
export type AnmodningStatus = (typeof anmodningStatusser)[number];

export const anmodningStatusLabel: Record<AnmodningStatus, string> = {
  afventer: 'Venter på svar',
  accepteret: 'Givet',
  afvist: 'Afvist',
  'trukket-tilbage': 'Trukket tilbage',
};
