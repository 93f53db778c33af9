/** An answer other than success, thrown from inside a transaction so nothing is half-applied. */
import type { Felt } from './validering.ts';

export class ApiFejl extends Error {
  readonly status: number;
  readonly felter?: Felt[] | undefined;
  constructor(status: number, fejl: string, felter?: Felt[]) {
    super(fejl);
    this.status = status;
    this.felter = felter;
  }
}

/** 422: the payload is well-formed but refers to something the portal does not have. */
export const uopfyldt = (felt: string, besked: string) => new ApiFejl(422, 'Data kan ikke bruges', [{ felt, besked }]);
