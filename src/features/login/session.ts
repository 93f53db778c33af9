/**
 * Sessions the Lucia way (lucia-auth.com): the token is `id.secret`, only the SHA-256 of
 * the secret is stored and compared in constant time. 30 minutes of inactivity or 8 hours
 * in all end a session; the last-active time is written at most once a minute.
 */
import { eq, lt, or, sql } from 'drizzle-orm';
import { forberedt } from '#/lib/forberedt.server.ts';
import { newToken, secretMatches, splitToken } from '#/lib/token.ts';
import type { Db } from '../../../db/client.ts';
import { sessioner } from '../../../db/schema.ts';

export const INAKTIVITET_MS = 30 * 60 * 1000;
export const LEVETID_MS = 8 * 60 * 60 * 1000;
const OPDATER_EFTER_MS = 60 * 1000;

export type Session = typeof sessioner.$inferSelect;
export type SessionEjer = { personId: string; medarbejderId?: never } | { medarbejderId: string; personId?: never };

/** A new session for a fresh login; returns the token for the cookie. Never reuses an old id. */
export function createSession(db: Db, ejer: SessionEjer, now: Date): { token: string; session: Session } {
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
  db.insert(sessioner).values(session).run();
  return { token, session };
}

/** When the session ends if nothing happens: the earlier of the two limits. */
export function udloeber(session: Pick<Session, 'oprettet' | 'sidstAktiv'>): number {
  return Math.min(session.sidstAktiv + INAKTIVITET_MS, session.oprettet + LEVETID_MS);
}

/** The session behind a token, or null. An expired session is deleted on the way. */
export function validateSessionToken(db: Db, token: string, now: Date): Session | null {
  const parts = splitToken(token);
  if (!parts) return null;
  const { id } = parts;
  // Every logged-in request asks this: prepared once per connection.
  const session = forberedt(db, 'session.ved-id', () =>
    db
      .select()
      .from(sessioner)
      .where(eq(sessioner.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!session || !secretMatches(parts.secret, session.secretHash)) return null;
  if (now.getTime() >= udloeber(session)) {
    invalidateSession(db, id);
    return null;
  }
  if (now.getTime() - session.sidstAktiv >= OPDATER_EFTER_MS) {
    session.sidstAktiv = now.getTime();
    db.update(sessioner).set({ sidstAktiv: session.sidstAktiv }).where(eq(sessioner.id, id)).run();
  }
  return session;
}

/** Keeps a session alive ("Forlæng"), within its absolute lifetime. */
export function extendSession(db: Db, session: Session, now: Date): Session {
  session.sidstAktiv = now.getTime();
  db.update(sessioner).set({ sidstAktiv: session.sidstAktiv }).where(eq(sessioner.id, session.id)).run();
  return session;
}

export function invalidateSession(db: Db, id: string) {
  db.delete(sessioner).where(eq(sessioner.id, id)).run();
}

export function setHandlerFor(db: Db, session: Session, personId: string | null) {
  db.update(sessioner).set({ handlerForId: personId }).where(eq(sessioner.id, session.id)).run();
}

/** Deletes every session past either limit. Returns how many. */
export function deleteExpiredSessions(db: Db, now: Date): number {
  const t = now.getTime();
  return db
    .delete(sessioner)
    .where(or(lt(sessioner.sidstAktiv, t - INAKTIVITET_MS), lt(sessioner.oprettet, t - LEVETID_MS)))
    .run().changes;
}
