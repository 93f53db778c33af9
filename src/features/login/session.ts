/**
 * Sessions the Lucia way (lucia-auth.com): the token is `id.secret`, only the SHA-256 of
 * the secret is stored and compared in constant time. 30 minutes of inactivity or 8 hours
 * in all end a session; the last-active time is written at most once a minute.
 */
import { eq, lt, or, sql } from 'drizzle-orm';
import { forberedt } from '#/lib/forberedt.server.ts';
import { newToken, secretMatches, splitToken } from '#/lib/token.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { sessioner } from '../../../db/schema.ts';

export const INAKTIVITET_MS = 30 * 60 * 1000;
export const LEVETID_MS = 8 * 60 * 60 * 1000;
const OPDATER_EFTER_MS = 60 * 1000;

export type Session = typeof sessioner.$inferSelect;
export type SessionEjer = { personId: string; medarbejderId?: never } | { medarbejderId: string; personId?: never };

/** A new session for a fresh login; returns the token for the cookie. Never reuses an old id. */
export async function createSession(
  db: Db,
  ejer: SessionEjer,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const { id, token, secretHash } = newToken();
  const session: Session = {
    id,
    secretHash,
    personId: ejer.personId ?? null,
    medarbejderId: ejer.medarbejderId ?? null,
    handlerForId: null,
    oprettet: now.getTime(),
    sidstAktiv: now.getTime(),
  };
  await db.insert(sessioner).values(session);
  return { token, session };
}

/** When the session ends if nothing happens: the earlier of the two limits. */
export function udloeber(session: Pick<Session, 'oprettet' | 'sidstAktiv'>): number {
  return Math.min(session.sidstAktiv + INAKTIVITET_MS, session.oprettet + LEVETID_MS);
}

/** The session behind a token, or null. An expired session is deleted on the way. */
export async function validateSessionToken(db: Db, token: string, now: Date): Promise<Session | null> {
  const r = await laesSession(db, token, now);
  return r && 'session' in r ? r.session : null;
}

/**
 * The session behind a token; or, when it has just run out, whose it was (a form posted then is
 * kept for that person: parkeret.server.ts); or null for a token that matches no session.
 */
export async function laesSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ session: Session } | { udloebet: { personId: string | null; medarbejderId: string | null } } | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const { id } = parts;
  // Every logged-in request asks this: prepared once per connection.
  const session = foerste(
    await forberedt(db, 'session.ved-id', () =>
      db
        .select()
        .from(sessioner)
        .where(eq(sessioner.id, sql.placeholder('id')))
        .prepare(),
    ).execute({ id }),
  );
  if (!session || !secretMatches(parts.secret, session.secretHash)) return null;
  if (now.getTime() >= udloeber(session)) {
    await invalidateSession(db, id);
    return { udloebet: { personId: session.personId, medarbejderId: session.medarbejderId } };
  }
  if (now.getTime() - session.sidstAktiv >= OPDATER_EFTER_MS) {
    session.sidstAktiv = now.getTime();
    await db.update(sessioner).set({ sidstAktiv: session.sidstAktiv }).where(eq(sessioner.id, id));
  }
  return { session };
}

/** Keeps a session alive ("Forlæng"), within its absolute lifetime. */
export async function extendSession(db: Db, session: Session, now: Date): Promise<Session> {
  session.sidstAktiv = now.getTime();
  await db.update(sessioner).set({ sidstAktiv: session.sidstAktiv }).where(eq(sessioner.id, session.id));
  return session;
}

export async function invalidateSession(db: Db, id: string) {
  await db.delete(sessioner).where(eq(sessioner.id, id));
}

export async function setHandlerFor(db: Db, session: Session, personId: string | null) {
  await db.update(sessioner).set({ handlerForId: personId }).where(eq(sessioner.id, session.id));
}

/** Deletes every session past either limit. Returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const t = now.getTime();
  return (
    await db
      .delete(sessioner)
      .where(or(lt(sessioner.sidstAktiv, t - INAKTIVITET_MS), lt(sessioner.oprettet, t - LEVETID_MS)))
      .returning({ id: sessioner.id })
  ).length;
}
