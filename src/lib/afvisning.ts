/**
 * A refusal a feature throws on purpose, with a Danish message. When it is about one field (a
 * pick-up day on a weekend), `felt` names it, and the form shows the message at that field as it
 * shows a schema's (actions/index.ts), not only in the summary.
 */
export class Afvisning extends Error {
  readonly felt: string | undefined;
  constructor(message: string, felt?: string) {
    super(message);
    this.felt = felt;
  }
}
