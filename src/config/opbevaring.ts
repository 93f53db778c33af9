/**
 * How long the portal keeps what it does not need for ever. The municipality decides these
 * periods in its records policy; the demo values are set here and can be overridden in the
 * environment (OPBEVARING_KLADDE_DAGE, OPBEVARING_LOG_DAGE) without a new build.
 *
 * - Sessions: until they expire (30 minutes idle, 8 hours in all); see login/session.ts.
 * - Unsent hjælpemiddel drafts and their attachments: 30 days after the last change. A
 *   sent application is a record on the case and is not purged here.
 * - The log of who has seen a person's data: 5 years, so a citizen can see it long after
 *   a case, and then deleted (data minimisation, GDPR art. 5(1)(e)).
 */
import { type Miljoe, miljoe } from './miljoe.ts';

export type Opbevaring = { kladdeDage: number; logDage: number };

/** The periods in force (OPBEVARING_KLADDE_DAGE, OPBEVARING_LOG_DAGE), checked with the rest of the environment. */
export function opbevaring(m: Miljoe = miljoe()): Opbevaring {
  return { kladdeDage: m.OPBEVARING_KLADDE_DAGE, logDage: m.OPBEVARING_LOG_DAGE };
}
