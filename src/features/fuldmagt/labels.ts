/** Relation types and fuldmagt request statuses: the values from db/schema.ts and the words people read. */
import { fuldmagtAnmodninger, relationer } from '../../../db/schema.ts';

export const relationstyper = relationer.type.enumValues;
export type Relationstype = (typeof relationstyper)[number];

export const relationstypeLabel: Record<Relationstype, string> = {
  foraeldremyndighed: 'Forældremyndighed',
  fuldmagt: 'Fuldmagt',
  vaergemaal: 'Værgemål',
};

/** What a leder registers from paper; forældremyndighed is never entered in that form. */
export type PapirRelationstype = Exclude<Relationstype, 'foraeldremyndighed'>;
export const papirRelationstyper = relationstyper.filter((t): t is PapirRelationstype => t !== 'foraeldremyndighed');

export const papirRelationstypeLabel: Record<PapirRelationstype, string> = {
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
