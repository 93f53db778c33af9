/** Staff act per case, not per person (security review H1 and M1): regression tests on the demo world. */

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { borgerOversigt, opretMoede } from '#/features/medarbejder/borger.server.ts';
import { hentMoede } from '#/features/moeder/moeder.server.ts';
import { moeder, planer, sager } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

const frejasSager = (v: ReturnType<typeof nyVerden>) =>
  v.db.select().from(sager).where(eq(sager.personId, v.demo.freja.id)).all();

describe('medarbejderes adgang pr. sag', () => {
  it('Sofie ser kun Frejas voksensag, ikke børnehandicap-sagerne eller overgangsmødet', () => {
    const v = nyVerden();
    const o = borgerOversigt(v.db, v.medarbejder('sofie'), v.demo.freja.id, NU);
    expect(o.sager.map((s) => s.enhed)).toEqual(['voksenhandicap']);
    expect(o.sager.length).toBeLessThan(frejasSager(v).length);
    expect(o.moeder.map((m) => m.titel)).not.toContain('Koordinerende møde: Den Gode Overgang');
    expect(o.moeder).toEqual([]);
  });

  it('Henrik ser ikke Frejas voksensag', () => {
    const v = nyVerden();
    const o = borgerOversigt(v.db, v.medarbejder('henrik'), v.demo.freja.id, NU);
    expect(o.sager.map((s) => s.enhed)).not.toContain('voksenhandicap');
    expect(o.sager.length).toBeGreaterThan(0);
    expect(o.moeder.map((m) => m.titel)).toContain('Koordinerende møde: Den Gode Overgang');
  });

  it('Sofie kan ikke åbne Frejas overgangsmøde (heller ikke som .ics)', () => {
    const v = nyVerden();
    const moede = v.db.select().from(moeder).where(eq(moeder.personId, v.demo.freja.id)).get();
    expect(moede?.titel).toBe('Koordinerende møde: Den Gode Overgang');
    expect(() => hentMoede(v.db, v.medarbejder('sofie'), moede?.id ?? '', NU)).toThrow(IkkeFundet);
    expect(hentMoede(v.db, v.medarbejder('henrik'), moede?.id ?? '', NU).moede.id).toBe(moede?.id);
  });

  it('Maria ser Jens plan på hans sag', () => {
    const v = nyVerden();
    expect(borgerOversigt(v.db, v.medarbejder('maria'), v.demo.jens.id, NU).planer).toHaveLength(1);
  });

  it('et møde Sofie opretter hører til hendes sag, så Henrik ikke ser det', () => {
    const v = nyVerden();
    opretMoede(
      v.db,
      v.medarbejder('sofie'),
      {
        personId: v.demo.freja.id,
        type: 'foerste',
        titel: 'Møde om bostøtte',
        start: '2026-12-01T10:00',
        varighed: 60,
      },
      NU,
    );
    const nyt = v.db.select().from(moeder).where(eq(moeder.titel, 'Møde om bostøtte')).get();
    expect(
      v.db
        .select()
        .from(sager)
        .where(eq(sager.id, nyt?.sagId ?? ''))
        .get()?.enhed,
    ).toBe('voksenhandicap');
    expect(borgerOversigt(v.db, v.medarbejder('sofie'), v.demo.freja.id, NU).moeder.map((m) => m.titel)).toEqual([
      'Møde om bostøtte',
    ]);
    expect(borgerOversigt(v.db, v.medarbejder('henrik'), v.demo.freja.id, NU).moeder.map((m) => m.titel)).not.toContain(
      'Møde om bostøtte',
    );
  });

  it('en plan uden sag vises ikke for medarbejdere', () => {
    const v = nyVerden();
    v.db.update(planer).set({ sagId: null }).run();
    expect(borgerOversigt(v.db, v.medarbejder('maria'), v.demo.jens.id, NU).planer).toEqual([]);
  });
});
