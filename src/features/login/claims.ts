/** Reading a login's claims: the assurance level, the CPR number and the name. Pure. */

import type { Dag } from '#/lib/dato.ts';
import type { LoginConfig } from './config.ts';

export type BorgerClaims = { ok: true; cpr: string; navn: string } | { ok: false; grund: 'loa' | 'cpr' };

/** A citizen's identity from the ID token, refused below NSIS Betydelig (Substantial). */
export function parseBorgerClaims(
  claims: Record<string, unknown>,
  cfg: Pick<LoginConfig, 'claimCpr' | 'claimLoa' | 'godkendteLoa'>,
): BorgerClaims {
  const loa = claims[cfg.claimLoa] ?? claims.acr;
  if (typeof loa !== 'string' || !cfg.godkendteLoa.includes(loa)) return { ok: false, grund: 'loa' };
  const cpr = String(claims[cfg.claimCpr] ?? '').replace('-', '');
  if (!/^\d{10}$/.test(cpr) || foedselsdatoFraCpr(cpr) === null) return { ok: false, grund: 'cpr' };
  const navn = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : 'Borger';
  return { ok: true, cpr, navn };
}

/** The birthday in a CPR number, using the 7th digit for the century (CPR-kontorets regel). */
export function foedselsdatoFraCpr(cpr: string): Dag | null {
  const dd = Number(cpr.slice(0, 2));
  const mm = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const c = Number(cpr[6]);
  let aarhundrede: number;
  if (c <= 3) aarhundrede = 1900;
  else if (c === 4 || c === 9) aarhundrede = yy <= 36 ? 2000 : 1900;
  else aarhundrede = yy <= 57 ? 2000 : 1800;
  const aar = aarhundrede + yy;
  const d = new Date(Date.UTC(aar, mm - 1, dd));
  if (d.getUTCFullYear() !== aar || d.getUTCMonth() !== mm - 1 || d.getUTCDate() !== dd) return null;
  return d.toISOString().slice(0, 10);
}
