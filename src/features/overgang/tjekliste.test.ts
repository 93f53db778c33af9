import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { OvergangSchema } from '#/features/indhold/schemas.ts';
import { plusMaaneder } from '#/lib/dato.ts';
import { overgangsTidslinje } from './tidslinje.ts';
import { overgangTjekliste, tjeklisteIds, tjeklisteMedFrister } from './tjekliste.ts';

/** The published timeline, read as Astro's glob loader reads it: the id is the file name without .md. */
const mappe = new URL('../../../content/overgang/', import.meta.url);
const trin = readdirSync(mappe)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const { data, content } = matter(readFileSync(new URL(f, mappe), 'utf8'));
    const d = OvergangSchema.parse(data);
    return {
      id: f.replace(/\.md$/, ''),
      ...d,
      tekst: [d.titel, ...d.kommunenGoer, ...d.familienGoer, content].join('\n'),
    };
  });
const trinFor = (id: string) => trin.find((t) => t.id === id);

describe('tjeklisten og tidslinjen er én tidslinje', () => {
  it('hvert punkt hører til et trin, der findes i content/overgang', () => {
    for (const p of overgangTjekliste) expect(trinFor(p.trin), `${p.id} → ${p.trin}`).toBeDefined();
  });

  it('hvert punkts "senest" er datoen for dets trin', () => {
    const t = overgangsTidslinje('2009-02-07', trin, '2025-06-01');
    for (const p of tjeklisteMedFrister(t.punkter)) {
      const maaneder = trinFor(p.trin)?.maanederFoer18 ?? Number.NaN;
      expect(p.senest, p.id).toBe(plusMaaneder(t.attenAarsdag, -maaneder));
    }
  });

  // The step a point belongs to says the same thing, so the page and the checklist cannot disagree.
  it.each([
    ['cafemoede', /cafémøde/i],
    ['koordinerende-moede', /koordinerende møde/i],
    ['tal-om-oensker', /bolig, uddannelse, job og fritid/i],
    ['vaergemaal', /Familieretshuset om værgemål lige efter mødet/i],
    ['soeg-voksenydelser', /Søg om den hjælp/i],
    ['oekonomi', /jobcentret/i],
    ['fuldmagt', /fuldmagt/i],
    ['mitid', /MitID/],
  ] as const)('trinnet for "%s" siger det samme', (id, tekst) => {
    const p = overgangTjekliste.find((x) => x.id === id);
    expect(trinFor(p?.trin ?? '')?.tekst).toMatch(tekst);
  });

  it('alle punkter er med i testen ovenfor', () => {
    expect(tjeklisteIds).toEqual([
      'cafemoede',
      'tal-om-oensker',
      'koordinerende-moede',
      'vaergemaal',
      'soeg-voksenydelser',
      'oekonomi',
      'fuldmagt',
      'mitid',
    ]);
  });

  // A young person must not reach 18 without a representative because the family was told too late.
  it('værgemål skal tages op mindst et halvt år før 18-årsdagen', () => {
    const p = overgangTjekliste.find((x) => x.id === 'vaergemaal');
    expect(trinFor(p?.trin ?? '')?.maanederFoer18).toBeGreaterThanOrEqual(6);
  });

  it('står i samme rækkefølge som tidslinjen', () => {
    const maaneder = overgangTjekliste.map((p) => trinFor(p.trin)?.maanederFoer18 ?? 0);
    expect(maaneder).toEqual(maaneder.toSorted((a, b) => b - a));
  });

  it('et trin, der mangler i tidslinjen, er en fejl og ikke et punkt uden dato', () => {
    expect(() => tjeklisteMedFrister([])).toThrow(/hører til trinnet "02-ved-16-og-et-halvt-aar"/);
  });
});
