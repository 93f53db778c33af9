import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, foerste } from '../../db/client.ts';
import { testloginTilstand } from '../../db/schema.ts';
import { toForbindelser } from '../../db/test-database.ts';
import { databaseAdapter } from './test-mitid-lager.ts';

let nu = new Date('2026-12-02T10:00:00Z');
const ur = () => nu;
let a: Db;
let b: Db;
beforeEach(async () => {
  nu = new Date('2026-12-02T10:00:00Z');
  ({ a, b } = await toForbindelser('testlogin'));
});

describe('test-loginets lager i databasen', () => {
  it('det, én proces gemmer, finder en anden: efter id, uid og brugerkode', async () => {
    await databaseAdapter(a, 0, ur)('Session').upsert('s1', { uid: 'u1', accountId: 'borger-1' }, 60);
    await databaseAdapter(a, 0, ur)('DeviceCode').upsert('d1', { userCode: 'ABCD' }, 60);
    const session = databaseAdapter(b, 0, ur)('Session');
    expect(await session.find('s1')).toEqual({ uid: 'u1', accountId: 'borger-1' });
    expect(await session.findByUid('u1')).toEqual({ uid: 'u1', accountId: 'borger-1' });
    expect(await databaseAdapter(b, 0, ur)('DeviceCode').findByUserCode('ABCD')).toEqual({ userCode: 'ABCD' });
    // Another model with the same id is another entry.
    expect(await databaseAdapter(b, 0, ur)('Grant').find('s1')).toBeUndefined();
  });

  it('en brugt kode ses som brugt i den anden proces', async () => {
    await databaseAdapter(a, 0, ur)('AuthorizationCode').upsert('k1', { grantId: 'g1' }, 60);
    await databaseAdapter(a, 0, ur)('AuthorizationCode').consume('k1');
    expect(await databaseAdapter(b, 0, ur)('AuthorizationCode').find('k1')).toEqual({
      grantId: 'g1',
      consumed: Math.floor(nu.getTime() / 1000),
    });
  });

  it('en post udløber efter sin levetid plus urets tolerance', async () => {
    await databaseAdapter(a, 15, ur)('Interaction').upsert('i1', { kind: 'Interaction' }, 60);
    nu = new Date(nu.getTime() + 74_000);
    expect(await databaseAdapter(b, 15, ur)('Interaction').find('i1')).toBeDefined();
    nu = new Date(nu.getTime() + 1_000);
    expect(await databaseAdapter(b, 15, ur)('Interaction').find('i1')).toBeUndefined();
    // The next save removes it from the table.
    await databaseAdapter(a, 15, ur)('Interaction').upsert('i2', { kind: 'Interaction' }, 60);
    expect(foerste(await a.select({ n: count() }).from(testloginTilstand))?.n).toBe(1);
  });

  it('destroy og revokeByGrantId fjerner posterne i alle processer', async () => {
    const koder = databaseAdapter(a, 0, ur)('AuthorizationCode');
    await koder.upsert('k1', { grantId: 'g1' }, 60);
    await koder.upsert('k2', { grantId: 'g2' }, 60);
    await databaseAdapter(a, 0, ur)('AccessToken').upsert('t1', { grantId: 'g1' }, 60);
    await databaseAdapter(b, 0, ur)('AccessToken').revokeByGrantId('g1');
    expect(await databaseAdapter(b, 0, ur)('AuthorizationCode').find('k1')).toBeUndefined();
    expect(await databaseAdapter(b, 0, ur)('AccessToken').find('t1')).toBeUndefined();
    expect(await databaseAdapter(b, 0, ur)('AuthorizationCode').find('k2')).toBeDefined();
    await databaseAdapter(b, 0, ur)('AuthorizationCode').destroy('k2');
    expect(await koder.find('k2')).toBeUndefined();
  });
});
