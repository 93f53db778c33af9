/** The caseload's filters (query parameters, so they work without JavaScript) and its order: overdue first. */
import { z } from 'astro/zod';
import { gaeldendeFrist, venterPaaSvar } from '#/features/sager/frister.ts';
import type { Dag } from '#/lib/dato.ts';

export const SagslisteFilterSchema = z.object({
  visning: z.enum(['mine', 'enhed']).catch('mine'),
  trin: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
  status: z.enum(['aabne', 'alle']).catch('aabne'),
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type SagslisteFilter = z.output<typeof SagslisteFilterSchema>;

export function parseSagslisteFilter(params: URLSearchParams): SagslisteFilter {
  return SagslisteFilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
}

interface Raekke {
  sag: { aaben: boolean; trin: number; frist: Dag; nyFrist: Dag | null; sagsbehandlerId: string | null };
  /** The deadline of a complaint still waiting for its re-assessment, if any. */
  genvurderingFrist: Dag | null;
  /** The earliest deadline of a request for aktindsigt not yet answered, if any. */
  aktindsigtFrist: Dag | null;
}

/** Which deadline a row shows: the case's own, a complaint's re-assessment, or an aktindsigt answer. */
export type FristFor = 'sag' | 'genvurdering' | 'aktindsigt';

/** Whether a case passes the filter: the door then logs only the people actually shown. */
export const passerFilter =
  (filter: SagslisteFilter, medarbejderId: string) =>
  (r: Raekke): boolean =>
    (filter.visning === 'enhed' || r.sag.sagsbehandlerId === medarbejderId) &&
    (filter.status === 'alle' || r.sag.aaben) &&
    (filter.trin === undefined || r.sag.trin === filter.trin);

/**
 * The cases to show: filtered, then overdue first, then by the nearest deadline. Each row shows the
 * nearest deadline the municipality must keep now: the case's own while it waits for its answer, or
 * instead a complaint's re-assessment, and an unanswered aktindsigt when that comes first.
 */
export function sagsliste<R extends Raekke>(
  rows: readonly R[],
  filter: SagslisteFilter,
  medarbejderId: string,
  idag: Dag,
): (R & { overskredet: boolean; gaeldende: Dag; fristFor: FristFor })[] {
  return rows
    .filter(passerFilter(filter, medarbejderId))
    .map((r) => {
      const bindende = [
        r.genvurderingFrist
          ? { gaeldende: r.genvurderingFrist, fristFor: 'genvurdering' as const }
          : venterPaaSvar(r.sag)
            ? { gaeldende: gaeldendeFrist(r.sag), fristFor: 'sag' as const }
            : null,
        r.aktindsigtFrist ? { gaeldende: r.aktindsigtFrist, fristFor: 'aktindsigt' as const } : null,
      ]
        .filter((f) => f !== null)
        .sort((a, b) => a.gaeldende.localeCompare(b.gaeldende));
      const [naermeste] = bindende;
      // A decided case with nothing pending shows its deadline, which it can no longer exceed.
      return naermeste
        ? { ...r, ...naermeste, overskredet: naermeste.gaeldende < idag }
        : { ...r, gaeldende: gaeldendeFrist(r.sag), fristFor: 'sag' as const, overskredet: false };
    })
    .sort((a, b) => Number(b.overskredet) - Number(a.overskredet) || a.gaeldende.localeCompare(b.gaeldende));
}
