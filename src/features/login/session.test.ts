import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { sessioner } from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { createSession, deleteExpiredSessions, extendSession, validateSessionToken } from './session.ts';

let db: Db;
let jensId: string;
const t0 = new Date('2026-11-24T09:00:00Z');
const plus = (min: number) => new Date(t0.getTime() + min * 60_000);

beforeEach(async () => {
  db = await nyTestDatabase();
  jensId = (await seedDemo(db, '2026-11-24')).jens.id;
});

describe('sessioner', () => {
  it('gemmer kun en hash af hemmeligheden', async () => {
    const { token } = await createSession(db, { personId: jensId }, t0);
    const [id = '', secret = ''] = token.split('.');
    const row = defined(foerste(await db.select().from(sessioner)), 'Sessionen');
    expect(row.id).toBe(id);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretHash).toHaveLength(32);
  });

  it('godkender tokenet og afviser en forkert hemmelighed eller et misdannet token', async () => {
    const { token } = await createSession(db, { personId: jensId }, t0);
    expect((await validateSessionToken(db, token, plus(1)))?.personId).toBe(jensId);
    const [id = '', secret = ''] = token.split('.');
    expect(
      await validateSessionToken(db, `${id}.${secret.replace(/.$/, secret.endsWith('a') ? 'b' : 'a')}`, plus(1)),
    ).toBeNull();
    expect(await validateSessionToken(db, id, plus(1))).toBeNull();
    expect(await validateSessionToken(db, `${token}.x`, plus(1))).toBeNull();
  });

  it('giver hvert login en ny session', async () => {
    const a = await createSession(db, { personId: jensId }, t0);
    const b = await createSession(db, { personId: jensId }, t0);
    expect(a.session.id).not.toBe(b.session.id);
  });

  it('slutter efter 30 minutter uden aktivitet og sletter sessionen', async () => {
    const { token } = await createSession(db, { personId: jensId }, t0);
    expect(await validateSessionToken(db, token, plus(29))).not.toBeNull();
    expect(await validateSessionToken(db, token, plus(29 + 30))).toBeNull();
    expect(await db.select().from(sessioner)).toHaveLength(0);
  });

  it('aktivitet holder den i live, men aldrig ud over 8 timer', async () => {
    const { token } = await createSession(db, { personId: jensId }, t0);
    for (let m = 20; m < 480; m += 20)
      expect(await validateSessionToken(db, token, plus(m)), `minut ${m}`).not.toBeNull();
    expect(await validateSessionToken(db, token, plus(480))).toBeNull();
  });

  it('Forlæng flytter grænsen for inaktivitet', async () => {
    const { token, session } = await createSession(db, { personId: jensId }, t0);
    await extendSession(db, session, plus(25));
    expect(await validateSessionToken(db, token, plus(50))).not.toBeNull();
  });

  it('deleteExpiredSessions sletter kun udløbne sessioner', async () => {
    await createSession(db, { personId: jensId }, t0);
    const fresh = await createSession(db, { personId: jensId }, plus(40));
    expect(await deleteExpiredSessions(db, plus(45))).toBe(1);
    expect((await db.select().from(sessioner)).map((s) => s.id)).toEqual([fresh.session.id]);
  });
});
