/** Meeting types: the values from db/schema.ts and the words people read. */
import { moeder } from '../../../db/schema.ts';

export const moedetyper = moeder.type.enumValues;
export type Moedetype = (typeof moedetyper)[number];

export const moedetypeLabel: Record<Moedetype, string> = {
  foerste: 'Første møde',
  opfoelgning: 'Opfølgningsmøde',
  overgang: 'Koordinerende møde (overgang)',
  tvaerfagligt: 'Tværfagligt møde',
  cafe: 'Cafémøde',
};
