/** A leder registers custody from the register, a paper fuldmagt or a værgemål: the rules the form keeps. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { foerste } from '../../../db/client.ts';
import { personer, relationer } from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { BorgerFejl, RelationSchema, registrerRelation } from './borger.server.ts';

async function verden() {
  const { db, demo } = await nyDemoDb();
  const lene = defined(
    await loadBruger(
      db,
      { personId: null, medarbejderId: defined(demoMedarbejdere[4], 'Lene').id, handlerForId: null } as Session,
      NU,
    ),
    'Lene',
  );
  const cpr = async (id: string) =>
    defined(foerste(await db.select().from(personer).where(eq(personer.id, id))), 'Personen').cpr;
  return { db, demo, lene, cpr };
}

describe('registrerRelation', () => {
  it('forældremyndighed over Freja (17) kræver ingen valg af rettigheder og gemmes uden', async () => {
    const { db, demo, lene, cpr } = await verden();
    const input = RelationSchema.parse({
      personId: demo.freja.id,
      type: 'foraeldremyndighed',
      cpr: await cpr(demo.karin.id),
      gyldigFra: '2026-11-01',
    });
    await registrerRelation(db, lene, input, NU);
    const rel = await db
      .select()
      .from(relationer)
      .where(and(eq(relationer.tilPersonId, demo.freja.id), eq(relationer.fraPersonId, demo.karin.id)));
    expect(rel).toMatchObject([{ type: 'foraeldremyndighed', scopes: [], kildesystem: null }]);
  });

  it('en fuldmagt skal stadig have mindst én rettighed', () => {
    const r = RelationSchema.safeParse({ personId: 'x', type: 'fuldmagt', cpr: '0102501234', gyldigFra: '2026-11-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['scopes', 'Vælg mindst én ting, den pårørende må.'],
    ]);
  });

  it('forældremyndighed over en voksen afvises med en forklaring', async () => {
    const { db, demo, lene, cpr } = await verden();
    const input = RelationSchema.parse({
      personId: demo.ali.id,
      type: 'foraeldremyndighed',
      cpr: await cpr(demo.karin.id),
      gyldigFra: '2026-11-01',
    });
    await expect(registrerRelation(db, lene, input, NU)).rejects.toThrow(BorgerFejl);
    await expect(registrerRelation(db, lene, input, NU)).rejects.toThrow(/fyldt 18 år/);
  });
});
