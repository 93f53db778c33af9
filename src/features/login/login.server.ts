/** Turning a verified login into a session for a citizen or a staff member. */

import type { AstroCookies } from 'astro';
import { and, eq } from 'drizzle-orm';
import { nyPerson } from '#/features/personer/personskrivning.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { medarbejdere, personer } from '../../../db/schema.ts';
import { foedselsdatoFraCpr, parseBorgerClaims } from './claims.ts';
import { setSessionCookie } from './cookie.ts';
import { getLoginConfig } from './oidc.server.ts';
import { createSession } from './session.ts';

export type LoginUdfald = { ok: true } | { ok: false; grund: 'loa' | 'cpr' | 'ukendt-medarbejder' };

/** A citizen seen for the first time is created from the CPR number and name the login carries. */
async function findOrCreatePerson(db: Db, cpr: string, navn: string) {
  const existing = foerste(await db.select().from(personer).where(eq(personer.cpr, cpr)));
  if (existing) return existing;
  return await nyPerson(db, { cpr, navn, foedselsdato: defined(foedselsdatoFraCpr(cpr), 'Fødselsdatoen') });
}

export async function loginBorger(
  db: Db,
  claims: Record<string, unknown>,
  cookies: Pick<AstroCookies, 'set'>,
  url: URL,
  now: Date,
): Promise<LoginUdfald> {
  const parsed = parseBorgerClaims(claims, getLoginConfig());
  if (!parsed.ok) return parsed;
  const person = await findOrCreatePerson(db, parsed.cpr, parsed.navn);
  const { token } = await createSession(db, { personId: person.id }, now);
  setSessionCookie(cookies, token, url);
  return { ok: true };
}

export async function loginMedarbejder(
  db: Db,
  claims: Record<string, unknown>,
  cookies: Pick<AstroCookies, 'set'>,
  url: URL,
  now: Date,
): Promise<LoginUdfald> {
  const sub = String(claims.sub ?? '');
  const m = foerste(
    await db
      .select()
      .from(medarbejdere)
      .where(and(eq(medarbejdere.oidcSub, sub), eq(medarbejdere.aktiv, true))),
  );
  if (!m) return { ok: false, grund: 'ukendt-medarbejder' };
  const { token } = await createSession(db, { medarbejderId: m.id }, now);
  setSessionCookie(cookies, token, url);
  return { ok: true };
}
