/**
 * The rules of a fuldmagt given in the portal. Pure: the caller passes `idag`.
 *
 * Legal basis: a fuldmagt is a private power of attorney under aftaleloven (kapitel 2), and
 * only a person who is myndig may give one. Everyone under 18 is umyndig (værgemålsloven
 * § 1), so a young person can accept a request from the day they turn 18, and not before.
 * The holder may act only within the scopes given and the period, and the giver may revoke
 * it at any time (aftaleloven kapitel 2, on revoking a fuldmagt), which takes effect at once.
 */
import { alleScopes, type RelationStatus, relationStatus, type Scope } from '#/features/adgang/access.ts';
import { attenAarsdag, type Dag } from '#/lib/dato.ts';

import type { AnmodningStatus } from './labels.ts';

/** Whether the person can answer the request today; a minor sees it but can first accept on the birthday. */
export function kanBesvare(
  anmodning: { status: AnmodningStatus },
  giverFoedselsdato: Dag,
  idag: Dag,
): { ok: true } | { ok: false; grund: 'umyndig'; fra: Dag } | { ok: false; grund: 'besvaret' } {
  if (anmodning.status !== 'afventer') return { ok: false, grund: 'besvaret' };
  const atten = attenAarsdag(giverFoedselsdato);
  if (idag < atten) return { ok: false, grund: 'umyndig', fra: atten };
  return { ok: true };
}

/** The scopes given: only those asked for, at least one. */
export function valgteScopes(anmodet: readonly string[], valgt: readonly string[]): Scope[] {
  return alleScopes.filter((s) => anmodet.includes(s) && valgt.includes(s));
}

/** A fuldmagt starts on the day asked for, or today if that day has passed. */
export function startdag(anmodetFra: Dag, idag: Dag): Dag {
  return anmodetFra > idag ? anmodetFra : idag;
}

export type FuldmagtStatus = RelationStatus;

/** A relation's status as shown to people: the same rule access is decided by (access.ts). */
export const fuldmagtStatus = relationStatus;
