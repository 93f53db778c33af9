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
import { z } from 'astro/zod';

const Dage = z.coerce.number().int().min(1);

export const OpbevaringSchema = z.object({
  kladdeDage: Dage.default(30),
  logDage: Dage.default(5 * 365 + 1),
});
export type Opbevaring = z.output<typeof OpbevaringSchema>;

/** The periods in force, read once from the environment; a bad value stops the server. */
export function opbevaring(env: NodeJS.ProcessEnv = process.env): Opbevaring {
  return OpbevaringSchema.parse({ kladdeDage: env.OPBEVARING_KLADDE_DAGE || undefined, logDage: env.OPBEVARING_LOG_DAGE || undefined });
}
