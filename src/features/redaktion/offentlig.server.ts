/**
 * The published content as the public pages and search read it (issue 16): per entry the version
 * the public sees now, its body rendered to HTML, kept in memory. An instance asks the database at
 * most once a second whether anything was published since it last looked (the newest publication's
 * number), so a change made on any instance is live on every instance within a second or two, with
 * no build and no restart. A scheduled change needs no asking: the cache knows when the next
 * publication falls due and is dropped at that moment.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { z } from 'astro/zod';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { samlinger } from '#/features/indhold/schemas.ts';
import type { Db } from '../../../db/client.ts';
import { indholdspubliceringer, indholdsversioner } from '../../../db/schema.ts';
import { gaeldendeVersion, type Publicering } from './arbejdsgang.ts';
import type { Samling } from './versioner.server.ts';

/** Where the public reads an entry. */
export function offentligAdresse(samling: Samling, slug: string, data: Record<string, unknown>): string {
  switch (samling) {
    case 'sider':
      return `/${slug}`;
    case 'forloeb':
      return `/sagsbehandling#trin-${String(data.trin)}`;
    case 'overgang':
      return `/overgang#${slug}`;
    default:
      return `/${samling}/${slug}`;
  }
}

export interface OffentligSide<S extends Samling> {
  /** The slug, named as Astro names a collection entry's. */
  id: string;
  nr: number;
  data: z.output<(typeof samlinger)[S]>;
  /** The body, Markdown. */
  tekst: string;
}

/** What the cache was built from: the newest publication, and the span of time its answer holds. */
interface Udgave {
  sidste: number | null;
  /** The latest publication due when it was read (ISO); a clock before it needs another answer. */
  gyldigFra: string | null;
  /** The next publication to fall due (ISO), when the answer changes by itself. */
  naeste: string | null;
}

const TJEK_HVERT_MS = 1_000;

/**
 * The response header by which a page says it is the same for every visitor, holding the edition
 * it was rendered from: the server keeps it (src/server/sidecache.ts) and strips the header.
 */
export const SAMME_FOR_ALLE = 'x-samme-for-alle';

let renderer: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/** A Markdown body as HTML, by the processor Astro renders content with. */
export async function markdownTilHtml(tekst: string): Promise<string> {
  renderer ??= createSatteriMarkdownProcessor({ syntaxHighlight: false });
  return (await (await renderer).render(tekst)).code;
}

async function laesUdgave(db: Pick<Db, 'select'>, now: Date): Promise<Udgave> {
  const tid = now.toISOString();
  const p = indholdspubliceringer;
  const [r] = await db
    .select({
      sidste: max(p.loebenr),
      gyldigFra: sql<string | null>`max(case when ${p.fra} <= ${tid} then ${p.fra} end)`,
      naeste: sql<string | null>`min(case when ${p.fra} > ${tid} then ${p.fra} end)`,
    })
    .from(p);
  return { sidste: r?.sidste ?? null, gyldigFra: r?.gyldigFra ?? null, naeste: r?.naeste ?? null };
}

/** The edition as text two instances (or two copies of this module) can compare: the same text is the same published content. */
const noegleAf = (u: Udgave) => `${u.sidste ?? ''}|${u.gyldigFra ?? ''}|${u.naeste ?? ''}`;

const holder = (u: Udgave, tid: string) =>
  (u.gyldigFra === null || u.gyldigFra <= tid) && (u.naeste === null || tid < u.naeste);

/**
 * One instance's cache of the published content. The portal has one (`offentligtIndhold`); tests
 * make two over one database to play two instances.
 */
export class OffentligtIndhold {
  private udgave: Udgave | undefined;
  private tjekket = 0;
  private sider = new Map<Samling, Promise<Map<string, OffentligSide<Samling>>>>();
  private html = new Map<string, Promise<string>>();

  private readonly ur: () => number;
  constructor(ur: () => number = Date.now) {
    this.ur = ur;
  }

  /** The edition the last `aktuel` read ('' before the first). */
  noegle(): string {
    return this.udgave ? noegleAf(this.udgave) : '';
  }

  /** Marks a page as the same for every visitor of this edition (call after reading the content). */
  sammeForAlle(headers: Headers): void {
    headers.set(SAMME_FOR_ALLE, this.noegle());
  }

  /** Drops everything at the next read: this instance just published something. */
  glem(): void {
    this.udgave = undefined;
  }

  /**
   * The edition valid at `now` (`noegle`); asks the database when the last answer is older than a
   * second or does not hold at `now`, and drops what it keeps when the edition has changed.
   */
  async aktuel(db: Pick<Db, 'select'>, now: Date): Promise<string> {
    const u = this.udgave;
    if (u && holder(u, now.toISOString()) && this.ur() - this.tjekket < TJEK_HVERT_MS) return noegleAf(u);
    const ny = await laesUdgave(db, now);
    this.tjekket = this.ur();
    // An answer that no longer holds at `now` was read with other bounds, so its text differs too.
    if (!u || noegleAf(ny) !== noegleAf(u)) {
      this.sider.clear();
      this.html.clear();
    }
    this.udgave = ny;
    return noegleAf(ny);
  }

  /** Every entry of `samling` the public sees at `now`, by slug, in the order of their slugs (as the files were). */
  async alle<S extends Samling>(db: Pick<Db, 'select'>, samling: S, now: Date): Promise<Map<string, OffentligSide<S>>> {
    await this.aktuel(db, now);
    let sider = this.sider.get(samling);
    if (!sider) {
      sider = laesSider(db, samling, now);
      this.sider.set(samling, sider);
      // A failed read is not kept: the next request tries again.
      const laest = sider;
      sider.catch(() => {
        if (this.sider.get(samling) === laest) this.sider.delete(samling);
      });
    }
    return (await sider) as Map<string, OffentligSide<S>>;
  }

  async side<S extends Samling>(
    db: Pick<Db, 'select'>,
    samling: S,
    slug: string,
    now: Date,
  ): Promise<OffentligSide<S> | undefined> {
    return (await this.alle(db, samling, now)).get(slug);
  }

  /** The entries as a list, in the order of their slugs. */
  async liste<S extends Samling>(db: Pick<Db, 'select'>, samling: S, now: Date): Promise<OffentligSide<S>[]> {
    return [...(await this.alle(db, samling, now)).values()];
  }

  /** The entry's body as HTML, rendered once per version. */
  async tekstSomHtml(samling: Samling, side: OffentligSide<Samling>): Promise<string> {
    const noegle = `${samling}/${side.id}/${side.nr}`;
    let html = this.html.get(noegle);
    if (!html) {
      html = markdownTilHtml(side.tekst);
      this.html.set(noegle, html);
    }
    return await html;
  }
}

async function laesSider<S extends Samling>(
  db: Pick<Db, 'select'>,
  samling: S,
  now: Date,
): Promise<Map<string, OffentligSide<S>>> {
  const tidslinjer = new Map<string, Publicering[]>();
  for (const p of await db
    .select({
      slug: indholdspubliceringer.slug,
      versionNr: indholdspubliceringer.versionNr,
      fra: indholdspubliceringer.fra,
    })
    .from(indholdspubliceringer)
    .where(eq(indholdspubliceringer.samling, samling))
    .orderBy(indholdspubliceringer.loebenr)) {
    const t = tidslinjer.get(p.slug) ?? [];
    t.push(p);
    tidslinjer.set(p.slug, t);
  }
  const gaeldende = new Map<string, number>();
  for (const [slug, t] of tidslinjer) {
    const nr = gaeldendeVersion(t, now);
    if (nr !== null) gaeldende.set(slug, nr);
  }
  const sider = new Map<string, OffentligSide<S>>();
  if (gaeldende.size === 0) return sider;
  const versioner = await db
    .select()
    .from(indholdsversioner)
    .where(
      and(
        eq(indholdsversioner.samling, samling),
        eq(indholdsversioner.status, 'godkendt'),
        inArray(indholdsversioner.slug, [...gaeldende.keys()]),
      ),
    );
  // By code point, the same on both engines (a PostgreSQL collation may order hyphens otherwise).
  versioner.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const v of versioner) {
    if (gaeldende.get(v.slug) !== v.nr) continue;
    // Checked on save with the same schema; parsing gives the typed values (dates, defaults).
    const data = samlinger[samling].parse(v.frontmatter) as z.output<(typeof samlinger)[S]>;
    sider.set(v.slug, { id: v.slug, nr: v.nr, data, tekst: v.tekst });
  }
  return sider;
}

/** This instance's published content. */
export const offentligtIndhold = new OffentligtIndhold();

/** Every address a published page answers at `now` (without its #part): what a link may point to. */
export async function publiceredeAdresser(db: Pick<Db, 'select'>, now: Date): Promise<Set<string>> {
  const adresser = new Set<string>();
  for (const samling of Object.keys(samlinger) as Samling[])
    for (const side of await offentligtIndhold.liste(db, samling, now))
      adresser.add(offentligAdresse(samling, side.id, side.data).split('#')[0] ?? '');
  return adresser;
}
