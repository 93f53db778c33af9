/**
 * "Hvem har set mine oplysninger" as the person reads it: others first (their own visits are
 * most of the rows and buried the staff's), a page at a time, and each relative with their role.
 */
import { z } from 'astro/zod';

export const LOG_SIDE = 50;

/** The query string: `vis=alle` adds the person's own visits; `foer` is the page's cursor (an audit id). */
export const LogFilterSchema = z.object({
  vis: z.enum(['andre', 'alle']).catch('andre'),
  foer: z.coerce.number().int().positive().optional().catch(undefined),
});
export type LogFilter = z.output<typeof LogFilterSchema>;

export function parseLogFilter(params: URLSearchParams): LogFilter {
  return LogFilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
}

export type Relationstype = 'foraeldremyndighed' | 'fuldmagt' | 'vaergemaal';

const ROLLE: Record<Relationstype, string> = {
  fuldmagt: 'pårørende med fuldmagt',
  foraeldremyndighed: 'forælder',
  vaergemaal: 'værge',
};

/**
 * Who, in words: "Dig selv", a relative with the role they had towards the person (or
 * "pårørende" once it has ended), and staff and case systems as they were logged.
 */
export function hvemTekst(
  raekke: { aktoerType: 'borger' | 'medarbejder' | 'system'; aktoerId: string; aktoerNavn: string },
  personId: string,
  relationer: ReadonlyMap<string, Relationstype>,
): string {
  if (raekke.aktoerType !== 'borger') return raekke.aktoerNavn;
  if (raekke.aktoerId === personId) return 'Dig selv';
  const type = relationer.get(raekke.aktoerId);
  return `${raekke.aktoerNavn} (${type ? ROLLE[type] : 'pårørende'})`;
}
