/** The SQL form of the API's case rule picks exactly the cases `maySystem` allows. */
import { describe, expect, it } from 'vitest';
import { sager } from '../../../db/schema.ts';
import { maySystem } from './access.ts';
import { systemetsEllerIngensSager } from './system.server.ts';
import { nyVerden } from './test-hjaelp.ts';

describe('systemetsEllerIngensSager', () => {
  it('er enig med maySystem for egne, fremmede og ejerløse sager', () => {
    const { db, demo } = nyVerden();
    const kildeIds = [null, 'Nexus:1', 'DUBU:2', 'Nexus2:3', 'nexus:4', 'Nexus:', 'X:Nexus:5'];
    const sag = db.select().from(sager).get();
    if (!sag) throw new Error('Ingen sag i demoen');
    const ids = kildeIds.map((kildeId, i) => {
      const id = `sag-${i}`;
      db.insert(sager)
        .values({ ...sag, id, personId: demo.ali.id, kildeId })
        .run();
      return id;
    });
    for (const system of ['Nexus', 'DUBU']) {
      const medSql = new Set(
        db
          .select({ id: sager.id })
          .from(sager)
          .where(systemetsEllerIngensSager(system, sager.kildeId))
          .all()
          .map((r) => r.id),
      );
      const forventet = kildeIds.map((kildeId) =>
        maySystem({ system, scopes: ['laes:klager'] }, 'laes:klager', { kildeId }),
      );
      expect(ids.map((id) => medSql.has(id))).toEqual(forventet);
    }
  });
});
