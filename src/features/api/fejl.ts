/** An answer other than success, thrown from inside a transaction so nothing is half-applied. */
import type { Felt } from './validering.ts';

export class ApiFejl extends Error {
  readonly status: number;
  readonly felter?: Felt[] | undefined;
  /** What the answer also says, beside the message (the current version on a 409). */
  readonly gaeldende?: { kildeAendret: string } | undefined;
  constructor(status: number, fejl: string, felter?: Felt[], gaeldende?: { kildeAendret: string }) {
    super(fejl);
    this.status = status;
    this.felter = felter;
    this.gaeldende = gaeldende;
  }
}

/** 422: the payload is well-formed but refers to something the portal does not have. */
export const uopfyldt = (felt: string, besked: string) => new ApiFejl(422, 'Data kan ikke bruges', [{ felt, besked }]);
