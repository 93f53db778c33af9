/** The SQL form of the API's case rule picks exactly the cases `maySystem` allows. */

import { describe, expect, it } from 'vitest';
import { foerste } from '../../../db/client.ts';
import { sager } from '../../../db/schema.ts';
import { maySystem } from './access.ts';
import { systemetsEllerIngensSager } from './system.server.ts';
import { nyVerden } from './test-hjaelp.ts';

describe('systemetsEllerIngensSager', () => {
  it('er enig med maySystem for egne, fremmede og ejerløse sager', async () => {
    const { db, demo } = await nyVerden();
    const kildeIds = [null, 'Nexus:1', 'DUBU:2', 'Nexus2:3', 'nexus:4', 'Nexus:', 'X:Nexus:5'];
    const sag = foerste(await db.select().from(sager));
    if (!sag) throw new Error('Ingen sag i demoen');
    const ids: string[] = [];
    for (const [i, kildeId] of kildeIds.entries()) {
      ids.push(`sag-${i}`);
      await db.insert(sager).values({ ...sag, id: `sag-${i}`, personId: demo.ali.id, kildeId });
    }
    for (const system of ['Nexus', 'DUBU']) {
      const medSql = new Set(
        (await db.select({ id: sager.id }).from(sager).where(systemetsEllerIngensSager(system, sager.kildeId))).map(
          (r) => r.id,
        ),
      );
      const forventet = kildeIds.map((kildeId) =>
        maySystem({ system, scopes: ['laes:klager'] }, 'laes:klager', { kildeId }),
      );
      expect(ids.map((id) => medSql.has(id))).toEqual(forventet);
    }
  });
});
