/** The SQL form of the API's item rule picks exactly the items `maySystem` allows. */

import { describe, expect, it } from 'vitest';
import { foerste } from '../../../db/client.ts';
import { journalhaendelser, sager } from '../../../db/schema.ts';
import { kildesystem } from '../sager/ejerskab.ts';
import { maySystem } from './access.ts';
import { systemetsEllerEnhedensHaendelser } from './system.server.ts';
import { nyVerden } from './test-hjaelp.ts';

const kildeIds = [null, 'Nexus:1', 'DUBU:2', 'Nexus2:3', 'nexus:4', 'X:Nexus:5'];
const enheder = ['oest', 'vest', 'depot'];
const noegler = [
  { system: 'Nexus', enheder: ['oest'] },
  { system: 'Nexus', enheder: [] },
  { system: 'DUBU', enheder: ['vest', 'depot'] },
  { system: 'CURA', enheder: ['*'] },
];

describe('systemetsEllerEnhedensHaendelser', () => {
  it('er enige med maySystem for egne, fremmede og ejerløse sager i og uden for nøglens enheder', async () => {
    const { db, demo } = await nyVerden();
    const sag = foerste(await db.select().from(sager));
    if (!sag) throw new Error('Ingen sag i demoen');
    const genstande: { id: string; kildeId: string | null; enhed: string }[] = [];
    for (const [i, kilde] of kildeIds.entries())
      for (const enhed of enheder) {
        const id = `sag-${i}-${enhed}`;
        const kildeId = kilde && `${kilde}-${enhed}`;
        genstande.push({ id, kildeId, enhed });
        await db.insert(sager).values({ ...sag, id, personId: demo.ali.id, kildeId, enhed });
        await db.insert(journalhaendelser).values({
          tidspunkt: '2026-11-24T09:00:00.000Z',
          type: 'klage',
          personId: demo.ali.id,
          sagId: id,
          kildesystem: kildesystem({ kildeId }),
          enhed,
          genstandId: id,
          data: {},
        });
      }
    for (const n of noegler) {
      const noegle = { ...n, scopes: ['laes:klager'] };
      const forventet = genstande.map((g) => maySystem(noegle, 'laes:klager', g));
      expect(forventet).toContain(true);
      const haendelserMedSql = new Set(
        (
          await db
            .select({ id: journalhaendelser.sagId })
            .from(journalhaendelser)
            .where(systemetsEllerEnhedensHaendelser(noegle, journalhaendelser.kildesystem, journalhaendelser.enhed))
        ).map((r) => r.id),
      );
      expect(genstande.map((g) => haendelserMedSql.has(g.id))).toEqual(forventet);
    }
  });
});
