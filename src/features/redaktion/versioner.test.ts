/** The writer of content versions on a real database (either engine): drafts, four eyes, a scheduled law, taking down. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import {
  afpublicerSide,
  gemKladde,
  type Kladde,
  offentligVersion,
  RedaktionsFejl,
  udfoerTrin,
} from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const FIRE_OEJNE = { kraeverGodkendelse: true };
const pjece = (titel: string): Kladde => ({
  samling: 'pjecer',
  slug: 'hvad-aendrer-sig-ved-18',
  frontmatter: {
    titel,
    resume: 'Til unge med handicap og deres forældre.',
    omraade: 'boernehandicap',
    opdateret: '2026-12-04',
    gennemgaaet: '2026-12-04',
    kilder: [{ titel: 'Barnets Lov §§ 122–123 (overgangen til voksenlivet)' }],
  },
  tekst: '## Til dig, der snart fylder 18\n\nNår du fylder 18 år, bliver du myndig.',
});
const SIDEN = { samling: 'pjecer', slug: 'hvad-aendrer-sig-ved-18' } as const;

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
});

async function fejlFra(f: () => Promise<unknown>): Promise<RedaktionsFejl> {
  const e = await f().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(e instanceof RedaktionsFejl)) throw new Error(`Ventede en RedaktionsFejl, fik ${String(e)}`);
  return e;
}

describe('gemKladde og udfoerTrin', () => {
  it('Anne skriver og sender, Bo godkender: borgeren ser versionen, og en ny kladde ændrer den ikke', async () => {
    expect(await gemKladde(db, 'anne', pjece('Når du fylder 18'), NU)).toEqual({ nr: 1 });
    expect(await offentligVersion(db, 'pjecer', SIDEN.slug, NU)).toBeUndefined();
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    const fejl = await fejlFra(() => udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU));
    expect(fejl.felter).toEqual([
      { felt: 'status', besked: 'En anden redaktør skal godkende det, du selv har skrevet.' },
    ]);
    await udfoerTrin(db, 'bo', { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU);
    expect(await offentligVersion(db, 'pjecer', SIDEN.slug, NU)).toMatchObject({
      nr: 1,
      status: 'godkendt',
      godkendtAf: 'bo',
      frontmatter: { titel: 'Når du fylder 18' },
    });
    expect(await gemKladde(db, 'bo', pjece('Når du bliver 18'), NU)).toEqual({ nr: 2 });
    expect((await offentligVersion(db, 'pjecer', SIDEN.slug, NU))?.nr).toBe(1);
  });

  it('den, der har rettet i en andens kladde, kan heller ikke godkende den', async () => {
    await gemKladde(db, 'anne', pjece('Når du fylder 18'), NU);
    await gemKladde(db, 'bo', pjece('Når du fylder 18 år'), NU);
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    expect(
      (await fejlFra(() => udfoerTrin(db, 'bo', { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU))).felter,
    ).toHaveLength(1);
    await udfoerTrin(db, 'carl', { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU);
  });

  it('en forkert værdi i frontmatter giver den danske besked ved feltet, og intet gemmes', async () => {
    const k = pjece('Når du fylder 18');
    const fejl = await fejlFra(() =>
      gemKladde(db, 'anne', { ...k, frontmatter: { ...k.frontmatter, omraade: 'skole', resume: '' } }, NU),
    );
    expect(fejl.felter.map((f) => f.felt).sort()).toEqual(['omraade', 'resume']);
    expect(fejl.felter.find((f) => f.felt === 'resume')?.besked).toBe('må ikke være tom');
    expect(await gemKladde(db, 'anne', k, NU)).toEqual({ nr: 1 });
  });

  it('en version, der venter på godkendelse, kan ikke rettes, før den er sendt tilbage', async () => {
    await gemKladde(db, 'anne', pjece('Når du fylder 18'), NU);
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    expect((await fejlFra(() => gemKladde(db, 'anne', pjece('Rettet'), NU))).felter[0]?.felt).toBe('status');
    await udfoerTrin(db, 'bo', { ...SIDEN, nr: 1 }, { type: 'afvis' }, FIRE_OEJNE, NU);
    expect(await gemKladde(db, 'anne', pjece('Rettet'), NU)).toEqual({ nr: 1 });
  });

  it('to redaktører godkender samtidig: kun den ene lykkes, og der er én publicering', async () => {
    await gemKladde(db, 'anne', pjece('Når du fylder 18'), NU);
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    const udfald = await Promise.allSettled(
      ['bo', 'carl'].map((r) => udfoerTrin(db, r, { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU)),
    );
    expect(udfald.map((u) => u.status).sort()).toEqual(['fulfilled', 'rejected']);
    // Taken down once: a second taking down finds nothing up.
    await afpublicerSide(db, 'bo', SIDEN, NU);
    expect(await offentligVersion(db, 'pjecer', SIDEN.slug, NU)).toBeUndefined();
    expect((await fejlFra(() => afpublicerSide(db, 'bo', SIDEN, NU))).felter).toEqual([
      { felt: 'fra', besked: 'Siden er ikke publiceret.' },
    ]);
  });

  it('en lov, der ændres 1. juli: den nye version gælder fra den dag, uden at noget kører', async () => {
    await gemKladde(db, 'anne', pjece('Før loven'), NU);
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 1 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    await udfoerTrin(db, 'bo', { ...SIDEN, nr: 1 }, { type: 'godkend' }, FIRE_OEJNE, NU);
    await gemKladde(db, 'anne', pjece('Efter loven'), NU);
    await udfoerTrin(db, 'anne', { ...SIDEN, nr: 2 }, { type: 'indsend' }, FIRE_OEJNE, NU);
    const juli = new Date('2027-06-30T22:00:00.000Z');
    await udfoerTrin(db, 'bo', { ...SIDEN, nr: 2 }, { type: 'godkend', fra: juli }, FIRE_OEJNE, NU);
    const titel = async (t: Date) => (await offentligVersion(db, 'pjecer', SIDEN.slug, t))?.frontmatter.titel;
    expect(await titel(new Date('2027-06-30T21:59:59.999Z'))).toBe('Før loven');
    expect(await titel(juli)).toBe('Efter loven');
  });
});
