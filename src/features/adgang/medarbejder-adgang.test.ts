/** Staff act per case, not per person (security review H1 and M1): regression tests on the demo world. */

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { borgerOversigt, opretMoede } from '#/features/medarbejder/borger.server.ts';
import { hentMoede } from '#/features/moeder/moeder.server.ts';
import { foerste } from '../../../db/client.ts';
import { moeder, planer, sager } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

const frejasSager = async (v: Awaited<ReturnType<typeof nyVerden>>) =>
  await v.db.select().from(sager).where(eq(sager.personId, v.demo.freja.id));

describe('medarbejderes adgang pr. sag', () => {
  it('Sofie ser kun Frejas voksensag, ikke børnehandicap-sagerne eller overgangsmødet', async () => {
    const v = await nyVerden();
    const o = await borgerOversigt(v.db, await v.medarbejder('sofie'), v.demo.freja.id, NU);
    expect(o.sager.map((s) => s.enhed)).toEqual(['voksenhandicap']);
    expect(o.sager.length).toBeLessThan((await frejasSager(v)).length);
    expect(o.moeder.map((m) => m.titel)).not.toContain('Koordinerende møde: Den Gode Overgang');
    expect(o.moeder).toEqual([]);
  });

  it('Henrik ser ikke Frejas voksensag', async () => {
    const v = await nyVerden();
    const o = await borgerOversigt(v.db, await v.medarbejder('henrik'), v.demo.freja.id, NU);
    expect(o.sager.map((s) => s.enhed)).not.toContain('voksenhandicap');
    expect(o.sager.length).toBeGreaterThan(0);
    expect(o.moeder.map((m) => m.titel)).toContain('Koordinerende møde: Den Gode Overgang');
  });

  it('Sofie kan ikke åbne Frejas overgangsmøde (heller ikke som .ics)', async () => {
    const v = await nyVerden();
    const moede = foerste(await v.db.select().from(moeder).where(eq(moeder.personId, v.demo.freja.id)));
    expect(moede?.titel).toBe('Koordinerende møde: Den Gode Overgang');
    await expect(hentMoede(v.db, await v.medarbejder('sofie'), moede?.id ?? '', NU)).rejects.toThrow(IkkeFundet);
    expect((await hentMoede(v.db, await v.medarbejder('henrik'), moede?.id ?? '', NU)).moede.id).toBe(moede?.id);
  });

  it('Maria ser Jens plan på hans sag', async () => {
    const v = await nyVerden();
    expect((await borgerOversigt(v.db, await v.medarbejder('maria'), v.demo.jens.id, NU)).planer).toHaveLength(1);
  });

  it('et møde Sofie opretter hører til hendes sag, så Henrik ikke ser det', async () => {
    const v = await nyVerden();
    await opretMoede(
      v.db,
      await v.medarbejder('sofie'),
      {
        personId: v.demo.freja.id,
        type: 'foerste',
        titel: 'Møde om bostøtte',
        start: '2026-12-01T10:00',
        varighed: 60,
      },
      NU,
    );
    const nyt = foerste(await v.db.select().from(moeder).where(eq(moeder.titel, 'Møde om bostøtte')));
    expect(
      foerste(
        await v.db
          .select()
          .from(sager)
          .where(eq(sager.id, nyt?.sagId ?? '')),
      )?.enhed,
    ).toBe('voksenhandicap');
    expect(
      (await borgerOversigt(v.db, await v.medarbejder('sofie'), v.demo.freja.id, NU)).moeder.map((m) => m.titel),
    ).toEqual(['Møde om bostøtte']);
    expect(
      (await borgerOversigt(v.db, await v.medarbejder('henrik'), v.demo.freja.id, NU)).moeder.map((m) => m.titel),
    ).not.toContain('Møde om bostøtte');
  });

  it('en plan uden sag vises ikke for medarbejdere', async () => {
    const v = await nyVerden();
    await v.db.update(planer).set({ sagId: null });
    expect((await borgerOversigt(v.db, await v.medarbejder('maria'), v.demo.jens.id, NU)).planer).toEqual([]);
  });
});
