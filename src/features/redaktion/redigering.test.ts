/** The editor's form at the edge (the collection's own schema, Copenhagen time) and what each button does, on a real database. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Bruger, IkkeFundet } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { formularVaerdier } from './felter.ts';
import {
  indholdTilRedigering,
  nySide,
  type Redigering,
  RedigeringSchema,
  RedigeringsAfvisning,
  redigerIndhold,
} from './redigering.server.ts';
import { importerVersion, offentligVersion } from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const SIDE = { samling: 'pjecer', slug: 'saadan-klager-du' } as const;
const FRONTMATTER = {
  titel: 'Sådan klager du',
  resume: 'Sådan klager du.',
  omraade: 'alle',
  opdateret: '2026-12-04',
  gennemgaaet: '2026-12-04',
  kilder: [{ titel: 'Retssikkerhedsloven § 66–67 (klage)' }],
};
const som = (id: string, rolle: 'redaktoer' | 'sagsbehandler' = 'redaktoer') =>
  ({ aktoer: { type: 'medarbejder', medarbejderId: id, enhed: 'oest', rolle } }) as Bruger;

/** The form as the page posts it: the entry's fields as shown, with `aendr` typed over them. */
function formular(handling: string, aendr: Record<string, string> = {}, ekstra: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...formularVaerdier('pjecer', FRONTMATTER), ...aendr }))
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  for (const [k, v] of Object.entries({ ...SIDE, handling, tekst: 'Du kan klage.', ...ekstra })) fd.set(k, v);
  return fd;
}
const parse = (fd: FormData): Redigering => RedigeringSchema.parse(fd);

describe('RedigeringSchema', () => {
  it('læser felterne som frontmatter, og teksten uden Windows-linjeskift', () => {
    const r = parse(formular('gem', { titel: 'Klag over en afgørelse' }, { tekst: 'a\r\nb' }));
    expect(r).toMatchObject({ ...SIDE, handling: 'gem', tekst: 'a\nb' });
    expect(r.frontmatter).toEqual({ ...FRONTMATTER, titel: 'Klag over en afgørelse' });
  });

  it('en forkert værdi får skemaets danske besked ved sit felt', () => {
    const r = RedigeringSchema.safeParse(formular('gem', { raekkefoelge: 'først', resume: '' }));
    expect(r.success).toBe(false);
    const beskeder = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(beskeder).toEqual({ raekkefoelge: 'skal være et tal', resume: 'mangler (skal være en tekst)' });
  });

  it('"Publicer fra" er dansk tid, også om sommeren', () => {
    expect(parse(formular('godkend', {}, { nr: '2', fra: '2027-07-01T00:00' })).fra).toEqual(
      new Date('2027-06-30T22:00:00.000Z'),
    );
    expect(parse(formular('godkend', {}, { nr: '2', fra: '' })).fra).toBeUndefined();
    expect(RedigeringSchema.safeParse(formular('godkend', {}, { fra: '1. juli' })).success).toBe(false);
  });

  it('en ukendt slags indhold eller adresse afvises', () => {
    expect(RedigeringSchema.safeParse(formular('gem', {}, { samling: 'sager' })).success).toBe(false);
    expect(RedigeringSchema.safeParse(formular('gem', {}, { slug: '../etc' })).success).toBe(false);
  });
});

describe('redigerIndhold', () => {
  let db: Db;
  beforeEach(async () => {
    db = await nyTestDatabase();
    await importerVersion(db, 'import', { ...SIDE, frontmatter: FRONTMATTER, tekst: 'Første tekst.' }, NU);
  });
  const gem = (af: string, titel: string) => redigerIndhold(db, som(af), parse(formular('gem', { titel })), NU);
  const trin = (af: string, handling: string, nr: number) =>
    redigerIndhold(db, som(af), parse(formular(handling, {}, { nr: String(nr) })), NU);

  it('kun redaktører: en sagsbehandler får 404, og intet gemmes', async () => {
    await expect(redigerIndhold(db, som('sofie', 'sagsbehandler'), parse(formular('gem')), NU)).rejects.toThrow(
      IkkeFundet,
    );
    expect((await offentligVersion(db, 'pjecer', SIDE.slug, NU))?.nr).toBe(1);
  });

  it('Anne gemmer og sender, kan ikke selv godkende; Bo godkender, og borgeren ser den', async () => {
    expect(await gem('anne', 'Klag over en afgørelse')).toEqual({ udfoert: 'gemt' });
    expect(await trin('anne', 'indsend', 2)).toEqual({ udfoert: 'indsendt' });
    await expect(trin('anne', 'godkend', 2)).rejects.toThrow(RedigeringsAfvisning);
    expect(await trin('bo', 'godkend', 2)).toEqual({ udfoert: 'publiceret' });
    expect((await offentligVersion(db, 'pjecer', SIDE.slug, NU))?.frontmatter.titel).toBe('Klag over en afgørelse');
  });

  it('en gammel version gendannes som ny kladde med sin tekst, og den offentlige side er uændret', async () => {
    await gem('anne', 'Klag over en afgørelse');
    await trin('anne', 'indsend', 2);
    await trin('bo', 'godkend', 2);
    expect(await trin('bo', 'gendan', 1)).toEqual({ udfoert: 'gendannet' });
    await trin('bo', 'indsend', 3);
    expect((await offentligVersion(db, 'pjecer', SIDE.slug, NU))?.nr).toBe(2);
    await trin('anne', 'godkend', 3);
    expect(await offentligVersion(db, 'pjecer', SIDE.slug, NU)).toMatchObject({
      nr: 3,
      tekst: 'Første tekst.',
      frontmatter: { titel: 'Sådan klager du' },
    });
  });

  it('en version, der venter på godkendelse, kan ikke rettes: beskeden siger hvorfor', async () => {
    await gem('anne', 'Klag over en afgørelse');
    await trin('anne', 'indsend', 2);
    await expect(gem('anne', 'Noget andet')).rejects.toThrow('Versionen venter på godkendelse.');
  });

  it('et link til en side, der ikke er publiceret, og en paragraf uden for listen afvises ved teksten', async () => {
    const gemMedTekst = (tekst: string) => redigerIndhold(db, som('anne'), parse(formular('gem', {}, { tekst })), NU);
    const afvisning = async (tekst: string) => {
      const e = await gemMedTekst(tekst).then(
        () => undefined,
        (x: unknown) => x,
      );
      if (!(e instanceof RedigeringsAfvisning)) throw new Error(`Ventede en afvisning, fik ${String(e)}`);
      return { felt: e.felt, besked: e.message };
    };
    expect(await afvisning('Se [pjecen](/pjecer/findes-ikke).')).toEqual({
      felt: 'tekst',
      besked: 'Linket til /pjecer/findes-ikke peger på en side, der ikke findes eller ikke er publiceret.',
    });
    expect((await afvisning('Efter Serviceloven § 999 kan du få hjælp.')).besked).toMatch(
      /^Teksten henviser til Serviceloven § 999/,
    );
    // The page itself is published, and fixed pages always answer.
    expect(await gemMedTekst('Se [klagepjecen](/pjecer/saadan-klager-du#frister) og [søg](/soeg).')).toEqual({
      udfoert: 'gemt',
    });
  });

  it('en ny side: en adresse i brug eller med forkerte tegn afvises ved feltet; en ny starter tom og er ikke offentlig, før den er godkendt', async () => {
    const ny = (slug: string) => nySide(db, som('anne'), new URLSearchParams({ samling: 'pjecer', slug }));
    expect((await ny(SIDE.slug)).fejl).toEqual({
      slug: ['Der findes allerede en side med den adresse. Vælg en anden.'],
    });
    expect((await ny('Klage over hjælp')).fejl.slug).toEqual([
      'Adressen må kun have små bogstaver, tal og bindestreger.',
    ]);
    expect(await ny('klage-over-hjemmehjaelp')).toMatchObject({
      fejl: {},
      adresse: '/medarbejder/indhold/pjecer/klage-over-hjemmehjaelp?ny=1',
    });
    await expect(indholdTilRedigering(db, som('anne'), 'pjecer', 'klage-over-hjemmehjaelp', NU)).rejects.toThrow(
      IkkeFundet,
    );
    const tom = await indholdTilRedigering(db, som('anne'), 'pjecer', 'klage-over-hjemmehjaelp', NU, { ny: true });
    expect(tom).toMatchObject({ ny: true, nyeste: { nr: 0, frontmatter: {}, tekst: '' }, versioner: [] });

    const side = { samling: 'pjecer', slug: 'klage-over-hjemmehjaelp' };
    const gemNy = parse(formular('gem', { titel: 'Klage over hjemmehjælp' }, side));
    expect(await redigerIndhold(db, som('anne'), gemNy, NU)).toEqual({ udfoert: 'gemt' });
    expect(await offentligVersion(db, 'pjecer', side.slug, NU)).toBeUndefined();
    await redigerIndhold(db, som('anne'), parse(formular('indsend', {}, { ...side, nr: '1' })), NU);
    await redigerIndhold(db, som('bo'), parse(formular('godkend', {}, { ...side, nr: '1' })), NU);
    expect((await offentligVersion(db, 'pjecer', side.slug, NU))?.frontmatter.titel).toBe('Klage over hjemmehjælp');
  });

  it('siden tages ned fra et tidspunkt i dansk tid: offentlig til da, ikke efter', async () => {
    const ned = parse(formular('afpublicer', {}, { fra: '2026-12-24T00:00' }));
    expect(await redigerIndhold(db, som('anne'), ned, NU)).toEqual({ udfoert: 'afpubliceret' });
    expect((await offentligVersion(db, 'pjecer', SIDE.slug, new Date('2026-12-23T22:59:00.000Z')))?.nr).toBe(1);
    expect(await offentligVersion(db, 'pjecer', SIDE.slug, new Date('2026-12-23T23:00:00.000Z'))).toBeUndefined();
  });
});
