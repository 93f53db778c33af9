/** The public catalogue of assistive devices, filtered by query parameters so it works without JavaScript. */
import { z } from 'astro/zod';
import { type Hjaelpemiddel, hjaelpemiddelKategorier, hjaelpemiddelOrdninger } from '#/features/indhold/schemas.ts';

type Kategori = keyof typeof hjaelpemiddelKategorier;
type Ordning = keyof typeof hjaelpemiddelOrdninger;
const kategoriIds = Object.keys(hjaelpemiddelKategorier) as [Kategori, ...Kategori[]];
const ordningIds = Object.keys(hjaelpemiddelOrdninger) as [Ordning, ...Ordning[]];

/** Unknown values are dropped rather than rejected: a stale bookmark still shows the catalogue. */
export const KatalogFilterSchema = z.object({
  kategori: z.enum(kategoriIds).optional().catch(undefined),
  ordning: z.enum(ordningIds).optional().catch(undefined),
  /** Free text, matched against title and summary. Longer input is cut, not rejected. */
  q: z
    .string()
    .transform((s) => s.slice(0, 100).trim() || undefined)
    .optional()
    .catch(undefined),
});
export type KatalogFilter = z.output<typeof KatalogFilterSchema>;

/** Reads the filter from a URL's query string; empty values mean "alle". */
export function parseKatalogFilter(params: URLSearchParams): KatalogFilter {
  const raw = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ''));
  return KatalogFilterSchema.parse(raw);
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('da');

/** Aids matching every chosen filter, sorted by Danish title. The text must occur in the title or the summary. */
export function filterKatalog<T extends { data: Pick<Hjaelpemiddel, 'titel' | 'resume' | 'kategori' | 'ordning'> }>(
  items: readonly T[],
  filter: KatalogFilter,
): T[] {
  const q = filter.q && fold(filter.q);
  return items
    .filter(({ data }) => !filter.kategori || data.kategori === filter.kategori)
    .filter(({ data }) => !filter.ordning || data.ordning === filter.ordning)
    .filter(({ data }) => !q || fold(data.titel).includes(q) || fold(data.resume).includes(q))
    .toSorted((a, b) => a.data.titel.localeCompare(b.data.titel, 'da'));
}
