import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { type Db, migrateDatabase, openDatabase } from '../../../db/client.ts';
import { sessioner } from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { createSession, deleteExpiredSessions, extendSession, validateSessionToken } from './session.ts';

let db: Db;
let jensId: string;
const t0 = new Date('2026-11-24T09:00:00Z');
const plus = (min: number) => new Date(t0.getTime() + min * 60_000);

beforeEach(() => {
  db = openDatabase(':memory:');
  migrateDatabase(db);
  jensId = seedDemo(db, '2026-11-24').jens.id;
});

describe('sessioner', () => {
  it('gemmer kun en hash af hemmeligheden', () => {
    const { token } = createSession(db, { personId: jensId }, t0);
    const [id = '', secret = ''] = token.split('.');
    const row = defined(db.select().from(sessioner).get(), 'Sessionen');
    expect(row.id).toBe(id);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretHash).toHaveLength(32);
  });

  it('godkender tokenet og afviser en forkert hemmelighed eller et misdannet token', () => {
    const { token } = createSession(db, { personId: jensId }, t0);
    expect(validateSessionToken(db, token, plus(1))?.personId).toBe(jensId);
    const [id = '', secret = ''] = token.split('.');
    expect(
      validateSessionToken(db, `${id}.${secret.replace(/.$/, secret.endsWith('a') ? 'b' : 'a')}`, plus(1)),
    ).toBeNull();
    expect(validateSessionToken(db, id, plus(1))).toBeNull();
    expect(validateSessionToken(db, `${token}.x`, plus(1))).toBeNull();
  });

  it('giver hvert login en ny session', () => {
    const a = createSession(db, { personId: jensId }, t0);
    const b = createSession(db, { personId: jensId }, t0);
    expect(a.session.id).not.toBe(b.session.id);
  });

  it('slutter efter 30 minutter uden aktivitet og sletter sessionen', () => {
    const { token } = createSession(db, { personId: jensId }, t0);
    expect(validateSessionToken(db, token, plus(29))).not.toBeNull();
    expect(validateSessionToken(db, token, plus(29 + 30))).toBeNull();
    expect(db.select().from(sessioner).all()).toHaveLength(0);
  });

  it('aktivitet holder den i live, men aldrig ud over 8 timer', () => {
    const { token } = createSession(db, { personId: jensId }, t0);
    for (let m = 20; m < 480; m += 20) expect(validateSessionToken(db, token, plus(m)), `minut ${m}`).not.toBeNull();
    expect(validateSessionToken(db, token, plus(480))).toBeNull();
  });

  it('Forlæng flytter grænsen for inaktivitet', () => {
    const { token, session } = createSession(db, { personId: jensId }, t0);
    extendSession(db, session, plus(25));
    expect(validateSessionToken(db, token, plus(50))).not.toBeNull();
  });

  it('deleteExpiredSessions sletter kun udløbne sessioner', () => {
    createSession(db, { personId: jensId }, t0);
    const fresh = createSession(db, { personId: jensId }, plus(40));
    expect(deleteExpiredSessions(db, plus(45))).toBe(1);
    expect(
      db
        .select()
        .from(sessioner)
        .all()
        .map((s) => s.id),
    ).toEqual([fresh.session.id]);
  });
});
