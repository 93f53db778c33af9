/** Delmål statuses: the values from db/schema.ts and the words people read. */
import { delmaal } from '../../../db/schema.ts';

export const delmaalStatusser = delmaal.status.enumValues;
export type DelmaalStatus = (typeof delmaalStatusser)[number];

export const delmaalStatusLabel: Record<DelmaalStatus, string> = {
  'ikke-startet': 'Ikke startet',
  'i-gang': 'I gang',
  naaet: 'Nået',
  opgivet: 'Opgivet',
};
