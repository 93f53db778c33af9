/** Turning a verified login into a session for a citizen or a staff member. */

import type { AstroCookies } from 'astro';
import { and, eq } from 'drizzle-orm';
import { nyPerson } from '#/features/personer/personskrivning.server.ts';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import { medarbejdere, personer } from '../../../db/schema.ts';
import { foedselsdatoFraCpr, parseBorgerClaims } from './claims.ts';
import { setSessionCookie } from './cookie.ts';
import { getLoginConfig } from './oidc.server.ts';
import { createSession } from './session.ts';

export type LoginUdfald = { ok: true } | { ok: false; grund: 'loa' | 'cpr' | 'ukendt-medarbejder' };

/** A citizen seen for the first time is created from the CPR number and name the login carries. */
function findOrCreatePerson(db: Db, cpr: string, navn: string) {
  const existing = db.select().from(personer).where(eq(personer.cpr, cpr)).get();
  if (existing) return existing;
  return nyPerson(db, { cpr, navn, foedselsdato: defined(foedselsdatoFraCpr(cpr), 'Fødselsdatoen') });
}

export function loginBorger(
  db: Db,
  claims: Record<string, unknown>,
  cookies: Pick<AstroCookies, 'set'>,
  url: URL,
  now: Date,
): LoginUdfald {
  const parsed = parseBorgerClaims(claims, getLoginConfig());
  if (!parsed.ok) return parsed;
  const person = findOrCreatePerson(db, parsed.cpr, parsed.navn);
  const { token } = createSession(db, { personId: person.id }, now);
  setSessionCookie(cookies, token, url);
  return { ok: true };
}

export function loginMedarbejder(
  db: Db,
  claims: Record<string, unknown>,
  cookies: Pick<AstroCookies, 'set'>,
  url: URL,
  now: Date,
): LoginUdfald {
  const sub = String(claims.sub ?? '');
  const m = db
    .select()
    .from(medarbejdere)
    .where(and(eq(medarbejdere.oidcSub, sub), eq(medarbejdere.aktiv, true)))
    .get();
  if (!m) return { ok: false, grund: 'ukendt-medarbejder' };
  const { token } = createSession(db, { medarbejderId: m.id }, now);
  setSessionCookie(cookies, token, url);
  return { ok: true };
}
