/** A case's values as people read them: decision outcome, complaint status, document type. */
import { dokumenter, klager } from '../../../db/schema.ts';

export { type Udfald, udfaldLabel, udfaldVaerdier } from './afgoerelse.ts';

export const klageStatusser = klager.status.enumValues;
export type KlageStatus = (typeof klageStatusser)[number];

export const klageStatusLabel: Record<KlageStatus, string> = {
  modtaget: 'Modtaget – vi vurderer afgørelsen igen',
  genvurdering: 'Vi vurderer afgørelsen igen',
  'sendt-til-ankestyrelsen': 'Sendt til Ankestyrelsen',
  'afgoerelse-aendret': 'Vi har ændret afgørelsen',
};

export const dokumenttyper = dokumenter.type.enumValues;
export type Dokumenttype = (typeof dokumenttyper)[number];

export const dokumenttypeLabel: Record<Dokumenttype, string> = {
  kvittering: 'Kvittering',
  partshoering: 'Partshøring',
  afgoerelse: 'Afgørelse',
  brev: 'Brev',
};
