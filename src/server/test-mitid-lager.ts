/**
 * The stand-in MitID's storage in the portal's database (oidc-provider's Adapter interface), so
 * that with several processes a login begun on one finishes on another. Demo and tests only.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import { type Db, foerste } from '../../db/client.ts';
import { testloginTilstand } from '../../db/schema.ts';

const t = testloginTilstand;

// The models whose entries are revoked together with their grant (as oidc-provider's memory adapter).
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

/**
 * An adapter factory on `db`. Entries live their ttl plus `clockTolerance` seconds by `nu` (the
 * real clock: oidc-provider keeps its own time, not the portal's test clock).
 */
export function databaseAdapter(db: Db, clockTolerance = 0, nu = () => new Date()): AdapterFactory {
  return (model: string): Adapter => {
    const levende = (row: typeof t.$inferSelect | undefined): AdapterPayload | undefined => {
      if (!row || (row.udloeber !== null && row.udloeber <= nu().toISOString())) return undefined;
      const payload = row.payload as AdapterPayload;
      return row.forbrugt === null ? payload : { ...payload, consumed: row.forbrugt };
    };
    const hent = async (hvor: ReturnType<typeof and>) => levende(foerste(await db.select().from(t).where(hvor)));
    return {
      async upsert(id, payload, expiresIn) {
        const now = nu();
        const udloeber =
          typeof expiresIn === 'number'
            ? new Date(now.getTime() + (expiresIn + clockTolerance) * 1000).toISOString()
            : null;
        const felter = {
          payload: { ...payload },
          uid: model === 'Session' && typeof payload.uid === 'string' ? payload.uid : null,
          userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
          grantId: GRANTABLE.has(model) && typeof payload.grantId === 'string' ? payload.grantId : null,
          udloeber,
          forbrugt: typeof payload.consumed === 'number' ? payload.consumed : null,
        };
        await db
          .insert(t)
          .values({ model, id, ...felter })
          .onConflictDoUpdate({ target: [t.model, t.id], set: felter });
        // Expired entries go when new ones come: the stand-in has no job of its own.
        await db.delete(t).where(lte(t.udloeber, now.toISOString()));
      },
      async find(id) {
        return await hent(and(eq(t.model, model), eq(t.id, id)));
      },
      async findByUid(uid) {
        return await hent(and(eq(t.model, model), eq(t.uid, uid)));
      },
      async findByUserCode(userCode) {
        return await hent(and(eq(t.model, model), eq(t.userCode, userCode)));
      },
      async consume(id) {
        await db
          .update(t)
          .set({ forbrugt: Math.floor(nu().getTime() / 1000) })
          .where(and(eq(t.model, model), eq(t.id, id)));
      },
      async destroy(id) {
        await db.delete(t).where(and(eq(t.model, model), eq(t.id, id)));
      },
      async revokeByGrantId(grantId) {
        await db.delete(t).where(eq(t.grantId, grantId));
      },
    };
  };
}
