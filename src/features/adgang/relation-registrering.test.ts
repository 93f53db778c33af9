/** Registering a paper fuldmagt or a værgemål (security review M2): a leder's task, never a fuldmagt from a minor. */

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BorgerFejl, borgerOversigt, registrerRelation } from '#/features/medarbejder/borger.server.ts';
import { foerste } from '../../../db/client.ts';
import { personer, relationer } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { IDAG, NU, nyVerden } from './test-hjaelp.ts';

type Verden = Awaited<ReturnType<typeof nyVerden>>;
const cpr = async (v: Verden, id: string) =>
  foerste(await v.db.select().from(personer).where(eq(personer.id, id)))?.cpr ?? '';
const fuldmagt = async (v: Verden, personId: string, relativId: string) => ({
  personId,
  type: 'fuldmagt' as const,
  cpr: await cpr(v, relativId),
  scopes: ['se-sager'],
  gyldigFra: IDAG,
});
const relationFra = async (v: Verden, fra: string, til: string) =>
  await v.db
    .select()
    .from(relationer)
    .where(and(eq(relationer.fraPersonId, fra), eq(relationer.tilPersonId, til)));

describe('registrering af fuldmagt på papir', () => {
  it('Sofie (sagsbehandler) kan ikke registrere en fuldmagt, heller ikke for sin egen borger', async () => {
    const v = await nyVerden();
    await expect(
      registrerRelation(v.db, await v.medarbejder('sofie'), await fuldmagt(v, v.demo.ali.id, v.demo.karin.id), NU),
    ).rejects.toThrow(IkkeFundet);
    await expect(
      registrerRelation(v.db, await v.medarbejder('sofie'), await fuldmagt(v, v.demo.freja.id, v.demo.birgit.id), NU),
    ).rejects.toThrow(IkkeFundet);
    expect(await relationFra(v, v.demo.birgit.id, v.demo.freja.id)).toEqual([]);
    expect((await borgerOversigt(v.db, await v.medarbejder('sofie'), v.demo.ali.id, NU)).maaRegistrereRelation).toBe(
      false,
    );
  });

  it('Lene (leder i Voksenhandicap) registrerer Karins fuldmagt for Ali', async () => {
    const v = await nyVerden();
    expect((await borgerOversigt(v.db, await v.medarbejder('lene'), v.demo.ali.id, NU)).maaRegistrereRelation).toBe(
      true,
    );
    await registrerRelation(v.db, await v.medarbejder('lene'), await fuldmagt(v, v.demo.ali.id, v.demo.karin.id), NU);
    expect(await relationFra(v, v.demo.karin.id, v.demo.ali.id)).toHaveLength(1);
  });

  it('Lene kan ikke registrere en fuldmagt fra Freja, som er 17', async () => {
    const v = await nyVerden();
    await expect(
      registrerRelation(v.db, await v.medarbejder('lene'), await fuldmagt(v, v.demo.freja.id, v.demo.birgit.id), NU),
    ).rejects.toThrow(
      new BorgerFejl(
        'Freja Holm er under 18 år og kan ikke give en fuldmagt. Indtil 18-årsdagen har forældrene forældremyndigheden.',
      ),
    );
    expect(await relationFra(v, v.demo.birgit.id, v.demo.freja.id)).toEqual([]);
  });

  it('Lene kan ikke give Freja (17) en fuldmagt for Ali', async () => {
    const v = await nyVerden();
    await expect(
      registrerRelation(v.db, await v.medarbejder('lene'), await fuldmagt(v, v.demo.ali.id, v.demo.freja.id), NU),
    ).rejects.toThrow(BorgerFejl);
  });

  it('Lene kan ikke registrere for Jens (Team Øst)', async () => {
    const v = await nyVerden();
    await expect(
      registrerRelation(v.db, await v.medarbejder('lene'), await fuldmagt(v, v.demo.jens.id, v.demo.birgit.id), NU),
    ).rejects.toThrow(IkkeFundet);
  });
});
