/** A test identity offered on the stand-in login page. */
export interface StandInPersona {
  sub: string;
  name: string;
  cpr?: string;
  kind: 'borger' | 'medarbejder';
  description?: string;
}

/** End-user claims as oidc-provider's Account.claims() must return them: `sub` always set. */
export interface PersonaClaims {
  sub: string;
  [claim: string]: string;
}

/** Names of the claims that differ between MitID brokers. */
export interface ClaimNames {
  cpr: string;
  loa: string;
}

export const LOA_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
export const LOA_LOW = 'https://data.gov.dk/concept/core/nsis/loa/Low';

/** Maps the login form's `loa` choice to the NSIS URI; undefined for anything unknown. */
export function loaFromChoice(choice: string | null | undefined): string | undefined {
  if (choice === 'substantial') return LOA_SUBSTANTIAL;
  if (choice === 'low') return LOA_LOW;
  return undefined;
}

/** Resolves the claim names, rejecting ones the provider itself already uses. */
export function resolveClaimNames(names: { cpr?: string; loa?: string } = {}): ClaimNames {
  const resolved = { cpr: names.cpr ?? 'cpr', loa: names.loa ?? 'loa' };
  const reserved = new Set(['sub', 'name', 'acr', 'amr', 'auth_time', 'sid', 'iss', 'aud', 'exp', 'iat', 'nonce']);
  for (const name of [resolved.cpr, resolved.loa]) {
    if (!name || reserved.has(name)) throw new Error(`Ugyldigt claim-navn til test-login: "${name}"`);
  }
  if (resolved.cpr === resolved.loa) throw new Error('CPR og sikringsniveau skal have forskellige claim-navne');
  return resolved;
}

/**
 * The end-user claims for a persona. The CPR only goes to citizens; `loa` is left out when
 * the level is unknown so a relying party refuses the login instead of assuming Substantial.
 */
export function personaClaims(persona: StandInPersona, loa: string | undefined, names: ClaimNames): PersonaClaims {
  const claims: PersonaClaims = { sub: persona.sub, name: persona.name };
  if (persona.kind === 'borger' && persona.cpr) claims[names.cpr] = persona.cpr;
  if (loa) claims[names.loa] = loa;
  return claims;
}
