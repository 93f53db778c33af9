/**
 * The one date helper. A "dag" is a calendar day in Europe/Copenhagen as 'YYYY-MM-DD';
 * every date a person sees is formatted here, so a date never shifts around midnight UTC.
 * Nothing here reads the clock: callers pass `now`. Conversions between an instant and Copenhagen
 * wall-clock time go through @date-fns/tz, which knows the nights the clocks change.
 */
import { TZDate } from '@date-fns/tz';

export const TIDSZONE = 'Europe/Copenhagen';

export type Dag = string;

const datoFormat = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIDSZONE,
});
const tidFormat = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: TIDSZONE });

const to = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time in Copenhagen at the moment `d`, as 'YYYY-MM-DDTHH:MM:SS' (no zone). */
export function tilKoebenhavnstid(d: Date): string {
  const t = new TZDate(d.getTime(), TIDSZONE);
  const dag = `${String(t.getFullYear()).padStart(4, '0')}-${to(t.getMonth() + 1)}-${to(t.getDate())}`;
  return `${dag}T${to(t.getHours())}:${to(t.getMinutes())}:${to(t.getSeconds())}`;
}

/**
 * Copenhagen wall-clock time ('YYYY-MM-DDTHH:MM', e.g. from <input type="datetime-local">, seconds
 * optional) to an instant. A time skipped when the clocks go forward moves an hour on; a time that
 * occurs twice when they go back is read as the second (winter-time) one.
 */
export function fraKoebenhavnstid(lokal: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(lokal);
  if (!m) throw new Error(`Ugyldigt tidspunkt: ${lokal}`);
  const n = (i: number) => Number(m[i] ?? 0);
  return new Date(new TZDate(n(1), n(2) - 1, n(3), n(4), n(5), n(6), TIDSZONE).getTime());
}

// Copenhagen is always a whole number of hours from UTC and changes offset on the hour, so every
// moment within one UTC hour falls on the same Copenhagen day: a page asks for it many times.
const dagPrTime = new Map<number, Dag>();

/** The calendar day in Copenhagen at the moment `now`. */
export function dagen(now: Date): Dag {
  const time = Math.floor(now.getTime() / 3_600_000);
  let dag = dagPrTime.get(time);
  if (dag === undefined) {
    dag = tilKoebenhavnstid(now).slice(0, 10);
    if (dagPrTime.size >= 10_000) dagPrTime.clear();
    dagPrTime.set(time, dag);
  }
  return dag;
}

function parts(dag: Dag): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dag);
  if (!m) throw new Error(`Ugyldig dato: ${dag}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUTC(d: Date): Dag {
  return d.toISOString().slice(0, 10);
}

export function plusDage(dag: Dag, n: number): Dag {
  const [y, m, d] = parts(dag);
  return fromUTC(new Date(Date.UTC(y, m - 1, d + n)));
}

/** Whole days from `fra` to `til` (negative when `til` is before). */
export function dageMellem(fra: Dag, til: Dag): number {
  const [y1, m1, d1] = parts(fra);
  const [y2, m2, d2] = parts(til);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The same day `n` years later. A 29 February becomes 1 March in a year without one:
 * a person born on a leap day has not turned 18 until 28 February is over.
 */
export function plusAar(dag: Dag, n: number): Dag {
  const [y, m, d] = parts(dag);
  return fromUTC(new Date(Date.UTC(y + n, m - 1, d)));
}

/** The same day `n` months later (or earlier); the 31st becomes the month's last day where it has none. */
export function plusMaaneder(dag: Dag, n: number): Dag {
  const [y, m, d] = parts(dag);
  const maal = new Date(Date.UTC(y, m - 1 + n, 1));
  const sidste = new Date(Date.UTC(maal.getUTCFullYear(), maal.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUTC(new Date(Date.UTC(maal.getUTCFullYear(), maal.getUTCMonth(), Math.min(d, sidste))));
}

/** The day a person born on `foedselsdato` turns 18. */
export function attenAarsdag(foedselsdato: Dag): Dag {
  return plusAar(foedselsdato, 18);
}

/** Age in whole years on `dag`. */
export function alder(foedselsdato: Dag, dag: Dag): number {
  const [by] = parts(foedselsdato);
  const [y] = parts(dag);
  const aar = y - by;
  return plusAar(foedselsdato, aar) <= dag ? aar : aar - 1;
}

/** The Copenhagen day of a moment, or the day itself: what `formatDato` shows, as 'YYYY-MM-DD'. */
export function tilDag(d: Date | Dag): Dag {
  return typeof d === 'string' ? d : dagen(d);
}

// A list page formats the same few days again and again; Intl is the slow part.
const formateret = new Map<Dag, string>();

/** "24. november 2026" for a day or a moment. */
export function formatDato(d: Date | Dag): string {
  // The moment's Copenhagen day, which is cached: the same text as formatting the moment itself.
  if (typeof d !== 'string') return formatDato(dagen(d));
  let tekst = formateret.get(d);
  if (tekst === undefined) {
    const [y, m, day] = parts(d);
    tekst = datoFormat.format(new Date(Date.UTC(y, m - 1, day, 12)));
    if (formateret.size >= 10_000) formateret.clear();
    formateret.set(d, tekst);
  }
  return tekst;
}

/** "24. november 2026 kl. 14.30" */
export function formatTidspunkt(d: Date): string {
  return `${datoFormat.format(d)} kl. ${tidFormat.format(d)}`;
}

/** Copenhagen wall-clock time of a moment: "14.30". */
export function formatKlokken(d: Date): string {
  return tidFormat.format(d);
}

const UGEDAGE = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'] as const;

/** A day with its weekday, as a heading: "Torsdag 3. december 2026". */
export function formatUgedagOgDato(dag: Dag): string {
  const [y, m, d] = parts(dag);
  return `${UGEDAGE[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${formatDato(dag)}`;
}

/** How far away a day is, `dage` (0 or more) from today: "i dag", "i morgen", "om 5 dage". */
export function omDage(dage: number): string {
  if (dage === 0) return 'i dag';
  if (dage === 1) return 'i morgen';
  return `om ${dage} dage`;
}

/** A moment as it can stand in a file name (no colons or dots), sorting in time order: "2026-12-01T02-22-06-899Z". */
export function tidIFilnavn(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}
