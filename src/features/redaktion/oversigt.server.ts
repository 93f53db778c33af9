/**
 * The editors' overview (issue 16): every entry with where it stands, whether it is due for a
 * review, and the paragraphs of the law it cites, so when a law changes the editors find every
 * page it touches.
 */
import { z } from 'astro/zod';
import { asc } from 'drizzle-orm';
import type { Lov } from '#/config/lovgrundlag.ts';
import { type Bruger, kraevRedaktoer } from '#/features/adgang/adgang.server.ts';
import { type Henvisning, lovhenvisninger } from '#/features/indhold/lovhenvisninger.ts';
import { type Dag, dagen } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { indholdspubliceringer, indholdsversioner } from '../../../db/schema.ts';
import { type Indholdsstatus, indholdsstatus, type Publicering, skalGennemses } from './arbejdsgang.ts';
import type { Indholdsversion, Samling } from './versioner.server.ts';

export interface Indholdslinje {
  samling: Samling;
  slug: string;
  titel: string;
  status: Indholdsstatus;
  planlagt: Publicering | null;
  venter: 'kladde' | 'til-godkendelse' | null;
  sidstGennemset: Dag | null;
  skalGennemses: boolean;
  henvisninger: Henvisning[];
}

export interface Oversigtsfilter {
  /** Words in the title or the slug. */
  soeg?: string;
  /** Only entries citing this paragraph, e.g. "Serviceloven § 112". */
  paragraf?: string;
  /** Only entries due for a review. */
  tilGennemsyn?: boolean;
}

const noegle = (r: { samling: string; slug: string }) => `${r.samling}/${r.slug}`;

/**
 * When the text was last read through: the frontmatter's `gennemgaaet` where the collection has
 * one, else the day its newest version was approved.
 */
function sidstGennemset(v: Indholdsversion, godkendt: Indholdsversion | undefined): Dag | null {
  const felt = v.frontmatter.gennemgaaet;
  if (typeof felt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(felt)) return felt.slice(0, 10);
  return godkendt?.godkendt ? dagen(new Date(godkendt.godkendt)) : null;
}

/** The paragraphs a version cites, in its body and its frontmatter (the sources), each once. */
function citerer(v: Indholdsversion): Henvisning[] {
  const alle = lovhenvisninger(`${JSON.stringify(v.frontmatter)}\n${v.tekst}`);
  return alle.filter((h, i) => alle.findIndex((a) => a.lov === h.lov && a.nr === h.nr) === i);
}

const citererParagraf = (l: Indholdslinje, p: { lov: Lov; nr: string }) =>
  l.henvisninger.some((h) => h.lov === p.lov && h.nr === p.nr);

/**
 * Every entry, by collection and slug, narrowed by the filter. A paragraph the filter names that
 * cannot be read as one ("§ 112" without a law) matches nothing rather than everything.
 */
export async function indholdsoversigt(db: Db, now: Date, filter: Oversigtsfilter = {}): Promise<Indholdslinje[]> {
  const versioner = await db
    .select()
    .from(indholdsversioner)
    .orderBy(asc(indholdsversioner.samling), asc(indholdsversioner.slug), asc(indholdsversioner.nr));
  const publiceringer = await db.select().from(indholdspubliceringer).orderBy(asc(indholdspubliceringer.loebenr));
  const tidslinjer = Map.groupBy(publiceringer, noegle);
  const idag = dagen(now);
  const linjer = [...Map.groupBy(versioner, noegle).values()].map((vs): Indholdslinje => {
    const nyeste = vs[vs.length - 1] as Indholdsversion;
    const godkendt = vs.findLast((v) => v.status === 'godkendt');
    const s = indholdsstatus(vs, tidslinjer.get(noegle(nyeste)) ?? [], now);
    const gennemset = sidstGennemset(nyeste, godkendt);
    return {
      samling: nyeste.samling as Samling,
      slug: nyeste.slug,
      titel: typeof nyeste.frontmatter.titel === 'string' ? nyeste.frontmatter.titel : nyeste.slug,
      ...s,
      sidstGennemset: gennemset,
      skalGennemses: skalGennemses(gennemset, idag),
      henvisninger: citerer(nyeste),
    };
  });
  const ord = filter.soeg?.trim().toLowerCase();
  const paragraf = filter.paragraf === undefined ? undefined : (lovhenvisninger(filter.paragraf)[0] ?? null);
  return linjer.filter(
    (l) =>
      (!ord || `${l.titel} ${l.slug}`.toLowerCase().includes(ord)) &&
      (paragraf === undefined || (paragraf !== null && citererParagraf(l, paragraf))) &&
      (!filter.tilGennemsyn || l.skalGennemses),
  );
}

/** The overview's search form, as the query string gives it. */
export const OversigtsfilterSchema = z.object({
  soeg: z.string().trim().max(100, 'Skriv højst 100 tegn.').optional(),
  paragraf: z
    .string()
    .trim()
    .max(100, 'Skriv højst 100 tegn.')
    .refine((p) => p === '' || lovhenvisninger(p).length > 0, 'Skriv loven og paragraffen, fx Serviceloven § 112.')
    .optional(),
  tilGennemsyn: z.literal('ja').optional(),
});

/**
 * The overview for an editor, narrowed by the form. Only editors reach it (404 for anyone else,
 * as for every page a person may not see). A field that cannot be read keeps what was typed and
 * gets its message; the list is then unfiltered by it.
 */
export async function indholdForRedaktoer(db: Db, bruger: Bruger, now: Date, query: URLSearchParams) {
  kraevRedaktoer(bruger);
  const raa = {
    soeg: query.get('soeg') ?? undefined,
    paragraf: query.get('paragraf') ?? undefined,
    tilGennemsyn: query.get('tilGennemsyn') ?? undefined,
  };
  const r = OversigtsfilterSchema.safeParse(raa);
  const fejl = r.success ? {} : z.flattenError(r.error).fieldErrors;
  const gyldig = r.success ? r.data : {};
  const linjer = await indholdsoversigt(db, now, {
    ...(gyldig.soeg ? { soeg: gyldig.soeg } : {}),
    ...(gyldig.paragraf ? { paragraf: gyldig.paragraf } : {}),
    ...(gyldig.tilGennemsyn ? { tilGennemsyn: true } : {}),
  });
  return { linjer, vaerdier: raa, fejl };
}

/** How the overview names a collection. */
export const samlingTekst: Record<Samling, string> = {
  pjecer: 'Pjece',
  forloeb: 'Trin i sagen',
  tilbud: 'Tilbud',
  overgang: 'Den Gode Overgang',
  sider: 'Fast side',
  hjaelpemidler: 'Hjælpemiddel',
};
