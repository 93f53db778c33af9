import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { OvergangSchema } from '#/features/indhold/schemas.ts';
import { plusMaaneder } from '#/lib/dato.ts';
import { overgangsTidslinje } from './tidslinje.ts';
import { overgangTjekliste, tjeklisteIds, tjeklisteMedFrister, tjeklistenNu } from './tjekliste.ts';

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

describe('tjeklistenNu: hvad siden siger om hvert punkt', () => {
  // Freja turns 18 on 15 February 2027; on 4 December 2026 every step but the last has passed.
  const punkter = tjeklisteMedFrister(overgangsTidslinje('2009-02-15', trin, '2026-12-04').punkter);
  const nu = (mere: Partial<Parameters<typeof tjeklistenNu>[1]> = {}) =>
    tjeklistenNu(punkter, { idag: '2026-12-04', selv: false, afkrydset: new Set(), moeder: [], ...mere });
  const punkt = (liste: ReturnType<typeof nu>, id: string) => liste.find((p) => p.id === id);

  it('et passeret punkt, der ikke er krydset af, siger, hvad man kan gøre nu', () => {
    expect(punkt(nu(), 'cafemoede')?.forSent).toMatch(/materialet/);
    expect(punkt(nu(), 'oekonomi')?.forSent).toMatch(/jobcentret/);
  });

  it('et afkrydset punkt og et punkt, hvis dato ikke er nået, siger intet om at være sent på den', () => {
    expect(punkt(nu({ afkrydset: new Set(['cafemoede']) }), 'cafemoede')?.forSent).toBeUndefined();
    expect(punkt(nu({ idag: '2024-01-01' }), 'mitid')?.forSent).toBeUndefined();
  });

  it('et aftalt møde af punktets slags giver mødets dag i stedet for "senest"', () => {
    const liste = nu({ moeder: [{ type: 'overgang', dag: '2026-12-23' }] });
    expect(punkt(liste, 'koordinerende-moede')).toMatchObject({ moedeDag: '2026-12-23', forSent: undefined });
    // A meeting of another kind, or one held already, changes nothing.
    expect(punkt(liste, 'cafemoede')?.moedeDag).toBeUndefined();
    expect(
      punkt(nu({ moeder: [{ type: 'overgang', dag: '2026-11-01' }] }), 'koordinerende-moede')?.forSent,
    ).toBeDefined();
  });

  it('den unge læser punkterne skrevet til sig selv', () => {
    expect(punkt(nu({ selv: true }), 'mitid')?.tekst).toBe(
      'Sørg for, at du har dit eget MitID og kan bruge Digital Post',
    );
    expect(punkt(nu(), 'mitid')?.tekst).toMatch(/den unge/);
    for (const p of nu({ selv: true })) expect(p.tekst, p.id).not.toMatch(/den unge/);
  });
});

describe('tidslinjen er også skrevet til den unge', () => {
  it.each(trin.map((t) => [t.id, t] as const))(
    '%s har "Det skal du gøre" og "Det gør kommunen" til den unge',
    (_, t) => {
      expect(t.duGoer.length).toBeGreaterThan(0);
      expect(t.kommunenGoerDu.length).toBe(t.kommunenGoer.length);
      for (const x of [...t.duGoer, ...t.kommunenGoerDu]) expect(x).not.toMatch(/den unge|\bjer(es)?\b/i);
    },
  );
});
