/**
 * Login configuration from environment variables, validated once. Citizens log in at a
 * MitID broker (or a SAML bridge to NemLog-in) and staff at the municipality's identity
 * provider; both speak OpenID Connect. Claim names differ between brokers, so they are settings.
 */
import { z } from 'astro/zod';

export const NSIS_LOA = {
  low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
  substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
  high: 'https://data.gov.dk/concept/core/nsis/loa/High',
} as const;

const Klient = z.object({
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUri: z.url(),
});

export const LoginConfigSchema = z.object({
  publicUrl: z.url(),
  borger: Klient,
  medarbejder: Klient,
  claimCpr: z.string().min(1),
  claimLoa: z.string().min(1),
  /** Assurance levels accepted: NSIS Betydelig (Substantial) or Høj (High). */
  godkendteLoa: z.array(z.string().min(1)).min(1),
  postLogoutRedirectUri: z.url(),
});
export type LoginConfig = z.output<typeof LoginConfigSchema>;
export type LoginType = 'borger' | 'medarbejder';

/** Reads the configuration from an environment; throws with the names of missing variables. */
export function loginConfig(env: Record<string, string | undefined>): LoginConfig {
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 4321}`;
  const result = LoginConfigSchema.safeParse({
    publicUrl,
    borger: {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/log-ind/callback`,
    },
    medarbejder: {
      issuer: env.STAFF_OIDC_ISSUER,
      clientId: env.STAFF_OIDC_CLIENT_ID,
      clientSecret: env.STAFF_OIDC_CLIENT_SECRET,
      redirectUri: env.STAFF_OIDC_REDIRECT_URI ?? `${publicUrl}/medarbejder/log-ind/callback`,
    },
    claimCpr: env.OIDC_CLAIM_CPR ?? 'cpr',
    claimLoa: env.OIDC_CLAIM_LOA ?? 'loa',
    godkendteLoa: (env.OIDC_ACCEPTED_LOA ?? `${NSIS_LOA.substantial},${NSIS_LOA.high}`).split(',').map((s) => s.trim()),
    postLogoutRedirectUri: `${publicUrl}/logget-ud`,
  });
  if (!result.success) {
    throw new Error(`Login er ikke konfigureret: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return result.data;
}
