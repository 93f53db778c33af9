/**
 * The entry a public page shows (issue 16): the published version, or, for an editor who asks with
 * `?forhaandsvisning=<nr>`, that version of it (a draft, or one waiting for approval), rendered by
 * the very page the public will see. Only the published version is marked as the same for every
 * visitor (sidecache.ts); a preview has a query string and is never kept.
 */

import type { z } from 'astro/zod';
import { kanRedigereIndhold } from '#/features/adgang/access.ts';
import type { Bruger } from '#/features/adgang/adgang.server.ts';
import { samlinger } from '#/features/indhold/schemas.ts';
import type { Db } from '../../../db/client.ts';
import { markdownTilHtml, type OffentligSide, offentligtIndhold } from './offentlig.server.ts';
import { type Samling, versionen } from './versioner.server.ts';

export interface Visning<S extends Samling> {
  side: OffentligSide<S>;
  html: string;
  /** The version shown as a preview, or null for the published page. */
  forhaandsvisning: number | null;
}

export async function sideTilVisning<S extends Samling>(
  db: Pick<Db, 'select'>,
  samling: S,
  slug: string,
  anmodning: { bruger: Bruger | undefined; nu: Date; url: URL; headers: Headers },
): Promise<Visning<S> | undefined> {
  const nr = Number(anmodning.url.searchParams.get('forhaandsvisning'));
  const b = anmodning.bruger;
  if (Number.isInteger(nr) && nr > 0 && b && kanRedigereIndhold(b.aktoer)) {
    const v = await versionen(db, samling, slug, nr);
    const data = v && samlinger[samling].safeParse(v.frontmatter);
    if (!v || !data?.success) return undefined;
    const side = { id: slug, nr, data: data.data as z.output<(typeof samlinger)[S]>, tekst: v.tekst };
    return { side, html: await markdownTilHtml(v.tekst), forhaandsvisning: nr };
  }
  const side = await offentligtIndhold.side(db, samling, slug, anmodning.nu);
  if (!side) return undefined;
  const html = await offentligtIndhold.tekstSomHtml(samling, side);
  offentligtIndhold.sammeForAlle(anmodning.headers);
  return { side, html, forhaandsvisning: null };
}
