/**
 * "Hvem har set mine oplysninger" as the person reads it: others first (their own visits are
 * most of the rows and buried the staff's), a page at a time, each relative with their role,
 * and the page's rows grouped by day and by who, so fifty visits by three people read as three lines.
 */
import { z } from 'astro/zod';
import { type Dag, dagen, formatKlokken, formatUgedagOgDato } from '#/lib/dato.ts';

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

export type Handling = 'se' | 'opret' | 'ret';

const HANDLING: Record<Handling, string> = { se: 'Så', opret: 'Oprettede', ret: 'Ændrede' };

/** One audit row as the log page reads it. */
export interface LogRaekke {
  /** An ISO instant. */
  tidspunkt: string;
  aktoerType: 'borger' | 'medarbejder' | 'system';
  aktoerId: string;
  aktoerNavn: string;
  handling: Handling;
  hvad: string;
}

/** One person or system on one day: how many times, between which times, and what. */
export interface LogHvem {
  /** `hvemTekst`: "Maria Kjær (medarbejder)", "Dig selv". */
  hvem: string;
  antal: number;
  /** Copenhagen wall-clock time of the first and the last time that day, "09.05". */
  foerste: string;
  sidste: string;
  /** What they saw or changed, each once, in the order they first did it that day: "Så: Sag: Ledsagelse". */
  hvad: string[];
}

export interface LogDag {
  dag: Dag;
  hvem: LogHvem[];
}

interface Samler {
  hvem: string;
  antal: number;
  foerste: number;
  sidste: number;
  /** The place of their newest row on the page (0 = the page's newest). */
  nyeste: number;
  /** Each text with when it was first done: the instant, and the row's place for rows of the same instant. */
  hvad: Map<string, [number, number]>;
}

/**
 * A page of log rows (newest first, as `auditFor` gives them) grouped by Copenhagen day, newest
 * day first, and within a day by who did it, whoever was there most recently first. Who is the
 * actor itself (type and id), not their name: two people with the same name stay two entries.
 * Every row counts in exactly one entry.
 */
export function grupperLog(
  raekker: readonly LogRaekke[],
  personId: string,
  relationer: ReadonlyMap<string, Relationstype>,
): LogDag[] {
  const dage = new Map<Dag, Map<string, Samler>>();
  raekker.forEach((r, plads) => {
    const tid = new Date(r.tidspunkt).getTime();
    const dag = dagen(new Date(tid));
    let paaDagen = dage.get(dag);
    if (!paaDagen) {
      paaDagen = new Map();
      dage.set(dag, paaDagen);
    }
    const noegle = `${r.aktoerType}:${r.aktoerId}`;
    let s = paaDagen.get(noegle);
    if (!s) {
      const hvem = hvemTekst(r, personId, relationer);
      s = { hvem, antal: 0, foerste: tid, sidste: tid, nyeste: plads, hvad: new Map() };
      paaDagen.set(noegle, s);
    }
    s.antal++;
    s.foerste = Math.min(s.foerste, tid);
    s.sidste = Math.max(s.sidste, tid);
    const tekst = `${HANDLING[r.handling]}: ${r.hvad}`;
    const foer = s.hvad.get(tekst);
    // Later on the page is older: of two rows of the same instant, the later one came first.
    if (!foer || tid < foer[0] || (tid === foer[0] && plads > foer[1])) s.hvad.set(tekst, [tid, plads]);
  });
  return [...dage]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([dag, paaDagen]) => ({
      dag,
      hvem: [...paaDagen.values()]
        .sort((a, b) => b.sidste - a.sidste || a.nyeste - b.nyeste)
        .map((s) => ({
          hvem: s.hvem,
          antal: s.antal,
          foerste: formatKlokken(new Date(s.foerste)),
          sidste: formatKlokken(new Date(s.sidste)),
          hvad: [...s.hvad].sort(([, [ta, pa]], [, [tb, pb]]) => ta - tb || pb - pa).map(([tekst]) => tekst),
        })),
    }));
}

/** A day's heading: "Torsdag 3. december 2026". */
export const dagOverskrift = formatUgedagOgDato;

// A no-break space: a narrow column breaks between "kl. 09.05" and "til", never inside either.
const NBSP = '\u00a0';

/** "1 gang", "2 gange". */
export function gangeTekst(antal: number): string {
  return antal === 1 ? `1${NBSP}gang` : `${antal}${NBSP}gange`;
}

/** When that day: "kl. 09.05", or "kl. 09.05 til 14.30" when the first and last time differ. */
export function tidsrumTekst(g: Pick<LogHvem, 'foerste' | 'sidste'>): string {
  const kl = `kl.${NBSP}${g.foerste}`;
  return g.foerste === g.sidste ? kl : `${kl} til ${g.sidste}`;
}
