/** The catalogue of offers without visitation, filtered by query parameters so it works without JavaScript. */
import { z } from 'astro/zod';
import { type TeamId, teamIds } from '#/config/kommune.ts';
import { maalgrupper, type Tilbud } from '#/features/indhold/schemas.ts';

type Maalgruppe = keyof typeof maalgrupper;
const maalgruppeIds = Object.keys(maalgrupper) as [Maalgruppe, ...Maalgruppe[]];

/** Unknown values are dropped rather than rejected: a stale bookmark still shows the catalogue. */
export const TilbudFilterSchema = z.object({
  maalgruppe: z.enum(maalgruppeIds).optional().catch(undefined),
  team: z.enum(teamIds).optional().catch(undefined),
});
export type TilbudFilter = z.output<typeof TilbudFilterSchema>;

/** Reads the filter from a URL's query string; empty values mean "alle". */
export function parseTilbudFilter(params: URLSearchParams): TilbudFilter {
  const { omraade, ...raw } = Object.fromEntries([...params].filter(([, v]) => v !== ''));
  // `?omraade=` was the parameter's old name; shared links and bookmarks with it still filter. `?team=` wins.
  return TilbudFilterSchema.parse({ team: omraade, ...raw });
}

/**
 * Offers matching every chosen filter. An offer for "alle" matches any target group,
 * because it is open to everyone.
 */
export function filterTilbud<T extends { data: Pick<Tilbud, 'maalgrupper' | 'teams' | 'titel'> }>(
  tilbud: readonly T[],
  filter: TilbudFilter,
): T[] {
  return tilbud
    .filter(
      ({ data }) =>
        !filter.maalgruppe || data.maalgrupper.includes(filter.maalgruppe) || data.maalgrupper.includes('alle'),
    )
    .filter(({ data }) => !filter.team || data.teams.includes(filter.team as TeamId))
    .toSorted((a, b) => a.data.titel.localeCompare(b.data.titel, 'da'));
}
