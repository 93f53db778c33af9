/** The caseload's filters (query parameters, so they work without JavaScript) and its order: overdue first. */
import { z } from 'astro/zod';
import { erOverskredet, gaeldendeFrist } from '#/features/sager/frister.ts';
import type { Dag } from '#/lib/dato.ts';

export const SagslisteFilterSchema = z.object({
  visning: z.enum(['mine', 'enhed']).catch('mine'),
  trin: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
  status: z.enum(['aabne', 'alle']).catch('aabne'),
});
export type SagslisteFilter = z.output<typeof SagslisteFilterSchema>;

export function parseSagslisteFilter(params: URLSearchParams): SagslisteFilter {
  return SagslisteFilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
}

interface Raekke {
  sag: { aaben: boolean; trin: number; frist: Dag; nyFrist: Dag | null; sagsbehandlerId: string | null };
  /** The deadline of a complaint still waiting for its re-assessment, if any. */
  genvurderingFrist: Dag | null;
}

/** Whether a case passes the filter: the door then logs only the people actually shown. */
export const passerFilter =
  (filter: SagslisteFilter, medarbejderId: string) =>
  (r: Raekke): boolean =>
    (filter.visning === 'enhed' || r.sag.sagsbehandlerId === medarbejderId) &&
    (filter.status === 'alle' || r.sag.aaben) &&
    (filter.trin === undefined || r.sag.trin === filter.trin);

/**
 * The cases to show: filtered, then overdue first, then by the nearest deadline. A complaint waiting
 * for its re-assessment puts its own deadline first: that is what the municipality must keep now.
 */
export function sagsliste<R extends Raekke>(
  rows: readonly R[],
  filter: SagslisteFilter,
  medarbejderId: string,
  idag: Dag,
): (R & { overskredet: boolean; gaeldende: Dag; genvurdering: boolean })[] {
  return rows
    .filter(passerFilter(filter, medarbejderId))
    .map((r) =>
      r.genvurderingFrist
        ? { ...r, gaeldende: r.genvurderingFrist, overskredet: r.genvurderingFrist < idag, genvurdering: true }
        : { ...r, gaeldende: gaeldendeFrist(r.sag), overskredet: erOverskredet(r.sag, idag), genvurdering: false },
    )
    .sort((a, b) => Number(b.overskredet) - Number(a.overskredet) || a.gaeldende.localeCompare(b.gaeldende));
}
