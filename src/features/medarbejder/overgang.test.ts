/** A transition case is known by its kind, not its title (staff-api-ops review: a mirrored DUBU case got a duplicate). */

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NU, nyVerden } from '#/features/adgang/test-hjaelp.ts';
import { sager } from '../../../db/schema.ts';
import { opretOvergangssag, ungeIOvergangsalder } from './overgang.server.ts';

type Verden = Awaited<ReturnType<typeof nyVerden>>;
const frejasOvergangssager = async (v: Verden) =>
  await v.db
    .select()
    .from(sager)
    .where(and(eq(sager.personId, v.demo.freja.id), eq(sager.sagsart, 'overgang')));

describe('overgangssagen kendes på sin art', () => {
  it('en spejlet overgangssag med systemets egen titel tæller, og portalen laver ikke en til', async () => {
    const v = await nyVerden();
    const [demoens] = await frejasOvergangssager(v);
    expect(demoens).toBeDefined();
    await v.db
      .update(sager)
      .set({ titel: 'Overgang 18 år (DUBU)', kildeId: 'DUBU:overgang-freja' })
      .where(eq(sager.id, demoens?.id ?? ''));
    const henrik = await v.medarbejder('henrik');
    expect((await ungeIOvergangsalder(v.db, henrik, NU)).map((u) => [u.navn, u.harOvergangssag])).toEqual([
      ['Freja Holm', true],
    ]);
    await opretOvergangssag(v.db, henrik, { personId: v.demo.freja.id }, NU);
    expect(await frejasOvergangssager(v)).toHaveLength(1);
  });

  it('en almindelig sag med overgangssagens titel er ikke en overgangssag', async () => {
    const v = await nyVerden();
    await v.db.update(sager).set({ sagsart: 'sag' }).where(eq(sager.personId, v.demo.freja.id));
    const henrik = await v.medarbejder('henrik');
    expect((await ungeIOvergangsalder(v.db, henrik, NU)).map((u) => u.harOvergangssag)).toEqual([false]);
    await opretOvergangssag(v.db, henrik, { personId: v.demo.freja.id }, NU);
    const nye = await frejasOvergangssager(v);
    expect(nye.map((s) => [s.titel, s.sagsbehandlerId])).toEqual([
      ['Den Gode Overgang – fra barn til voksen', v.medarbejderId('henrik')],
    ]);
  });
});
