/** Registering a paper fuldmagt or a værgemål (security review M2): a leder's task, never a fuldmagt from a minor. */

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BorgerFejl, borgerOversigt, registrerRelation } from '#/features/medarbejder/borger.server.ts';
import { personer, relationer } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { IDAG, NU, nyVerden } from './test-hjaelp.ts';

type Verden = ReturnType<typeof nyVerden>;
const cpr = (v: Verden, id: string) => v.db.select().from(personer).where(eq(personer.id, id)).get()?.cpr ?? '';
const fuldmagt = (v: Verden, personId: string, relativId: string) => ({
  personId,
  type: 'fuldmagt' as const,
  cpr: cpr(v, relativId),
  scopes: ['se-sager'],
  gyldigFra: IDAG,
});
const relationFra = (v: Verden, fra: string, til: string) =>
  v.db
    .select()
    .from(relationer)
    .where(and(eq(relationer.fraPersonId, fra), eq(relationer.tilPersonId, til)))
    .all();

describe('registrering af fuldmagt på papir', () => {
  it('Sofie (sagsbehandler) kan ikke registrere en fuldmagt, heller ikke for sin egen borger', () => {
    const v = nyVerden();
    expect(() =>
      registrerRelation(v.db, v.medarbejder('sofie'), fuldmagt(v, v.demo.ali.id, v.demo.karin.id), NU),
    ).toThrow(IkkeFundet);
    expect(() =>
      registrerRelation(v.db, v.medarbejder('sofie'), fuldmagt(v, v.demo.freja.id, v.demo.birgit.id), NU),
    ).toThrow(IkkeFundet);
    expect(relationFra(v, v.demo.birgit.id, v.demo.freja.id)).toEqual([]);
    expect(borgerOversigt(v.db, v.medarbejder('sofie'), v.demo.ali.id, NU).maaRegistrereRelation).toBe(false);
  });

  it('Lene (leder i Voksenhandicap) registrerer Karins fuldmagt for Ali', () => {
    const v = nyVerden();
    expect(borgerOversigt(v.db, v.medarbejder('lene'), v.demo.ali.id, NU).maaRegistrereRelation).toBe(true);
    registrerRelation(v.db, v.medarbejder('lene'), fuldmagt(v, v.demo.ali.id, v.demo.karin.id), NU);
    expect(relationFra(v, v.demo.karin.id, v.demo.ali.id)).toHaveLength(1);
  });

  it('Lene kan ikke registrere en fuldmagt fra Freja, som er 17', () => {
    const v = nyVerden();
    expect(() =>
      registrerRelation(v.db, v.medarbejder('lene'), fuldmagt(v, v.demo.freja.id, v.demo.birgit.id), NU),
    ).toThrow(
      new BorgerFejl(
        'Freja Holm er under 18 år og kan ikke give en fuldmagt. Indtil 18-årsdagen har forældrene forældremyndigheden.',
      ),
    );
    expect(relationFra(v, v.demo.birgit.id, v.demo.freja.id)).toEqual([]);
  });

  it('Lene kan ikke give Freja (17) en fuldmagt for Ali', () => {
    const v = nyVerden();
    expect(() =>
      registrerRelation(v.db, v.medarbejder('lene'), fuldmagt(v, v.demo.ali.id, v.demo.freja.id), NU),
    ).toThrow(BorgerFejl);
  });

  it('Lene kan ikke registrere for Jens (Team Øst)', () => {
    const v = nyVerden();
    expect(() =>
      registrerRelation(v.db, v.medarbejder('lene'), fuldmagt(v, v.demo.jens.id, v.demo.birgit.id), NU),
    ).toThrow(IkkeFundet);
  });
});
