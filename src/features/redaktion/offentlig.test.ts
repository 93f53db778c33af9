/**
 * The public side of published content on a real database (either engine): two caches over one
 * database play two instances; a change published on one is seen by the other once it asks again,
 * and a scheduled change is seen at its time without anyone asking.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { markdownTilHtml, OffentligtIndhold } from './offentlig.server.ts';
import { gemKladde, importerVersion, type Kladde, udfoerTrin } from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const SLUG = 'saadan-klager-du';
const pjece = (titel: string, tekst = 'Du kan klage.'): Kladde => ({
  samling: 'pjecer',
  slug: SLUG,
  frontmatter: {
    titel,
    resume: 'Sådan klager du.',
    omraade: 'alle',
    opdateret: '2026-12-04',
    gennemgaaet: '2026-12-04',
    kilder: [{ titel: 'Retssikkerhedsloven § 66–67 (klage)' }],
  },
  tekst,
});
const UDEN_GODKENDELSE = { kraeverGodkendelse: false };

/** A cache with its own clock for "has a second passed", as each instance has. */
function instans() {
  let ms = 0;
  return { cache: new OffentligtIndhold(() => ms), gaaFrem: (sekunder: number) => (ms += sekunder * 1000) };
}

/** A new version of the pjece, published by one editor (approval off) at `fra`. */
async function publicerNy(db: Db, titel: string, fra?: Date) {
  const { nr } = await gemKladde(db, 'anne', pjece(titel), NU);
  await udfoerTrin(
    db,
    'anne',
    { samling: 'pjecer', slug: SLUG, nr },
    { type: 'publicer', ...(fra ? { fra } : {}) },
    UDEN_GODKENDELSE,
    NU,
  );
}

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
  await importerVersion(db, 'import', pjece('Sådan klager du'), NU);
});

describe('OffentligtIndhold', () => {
  it('viser den publicerede version med typede data, og intet for en side, der ikke findes', async () => {
    const { cache } = instans();
    const side = await cache.side(db, 'pjecer', SLUG, NU);
    expect(side?.data.titel).toBe('Sådan klager du');
    expect(side?.data.opdateret).toBeInstanceOf(Date);
    expect(side?.data.raekkefoelge).toBe(100);
    expect(await cache.side(db, 'pjecer', 'findes-ikke', NU)).toBeUndefined();
  });

  it('en anden instans ser en ny version, når den spørger igen (højst et sekund efter)', async () => {
    const a = instans();
    const b = instans();
    expect((await b.cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Sådan klager du');
    await publicerNy(db, 'Klag over en afgørelse');
    // Within the second b keeps its answer; then it asks and drops it.
    expect((await b.cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Sådan klager du');
    b.gaaFrem(1.1);
    expect((await b.cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Klag over en afgørelse');
    expect((await a.cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Klag over en afgørelse');
  });

  it('en planlagt ændring vises fra sit tidspunkt, uden at nogen spørger databasen igen', async () => {
    const { cache } = instans();
    const juli = new Date('2027-07-01T00:00:00.000Z');
    await publicerNy(db, 'Ny lov fra 1. juli', juli);
    const g = await cache.aktuel(db, NU);
    expect((await cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Sådan klager du');
    expect((await cache.side(db, 'pjecer', SLUG, new Date(juli.getTime() - 1)))?.data.titel).toBe('Sådan klager du');
    expect((await cache.side(db, 'pjecer', SLUG, juli))?.data.titel).toBe('Ny lov fra 1. juli');
    expect(await cache.aktuel(db, juli)).not.toBe(g);
  });

  it('udgaven skifter kun, når noget er publiceret', async () => {
    const { cache, gaaFrem } = instans();
    const g = await cache.aktuel(db, NU);
    gaaFrem(5);
    expect(await cache.aktuel(db, NU)).toBe(g);
    await gemKladde(db, 'anne', pjece('Kun en kladde'), NU);
    gaaFrem(5);
    expect(await cache.aktuel(db, NU)).toBe(g);
    expect((await cache.side(db, 'pjecer', SLUG, NU))?.data.titel).toBe('Sådan klager du');
  });

  it('renderer teksten med Astros Markdown, én gang pr. version', async () => {
    const { cache } = instans();
    const side = await cache.side(db, 'pjecer', SLUG, NU);
    if (!side) throw new Error('ingen side');
    expect(await cache.tekstSomHtml('pjecer', side)).toBe('<p>Du kan klage.</p>\n');
    expect(await markdownTilHtml('## Frister\n\nDu har **4 uger**.')).toBe(
      '<h2 id="frister">Frister</h2>\n<p>Du har <strong>4 uger</strong>.</p>\n',
    );
  });
});
