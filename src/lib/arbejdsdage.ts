/**
 * Working days in Denmark: weekends and the public holidays (helligdage) are days off.
 * Built on the days of dato.ts; nothing here reads the clock.
 */
import { type Dag, dageMellem, plusDage } from './dato.ts';

// A Monday, so (days since it) mod 7 gives 0 = Monday ... 6 = Sunday without parsing again.
const EN_MANDAG: Dag = '2024-01-01';

/** Day of the week: 1 = Monday ... 7 = Sunday (ISO 8601). */
export function ugedag(dag: Dag): number {
  return (((dageMellem(EN_MANDAG, dag) % 7) + 7) % 7) + 1;
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function paaskedag(aar: number): Dag {
  const a = aar % 19;
  const b = Math.floor(aar / 100);
  const c = aar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maaned = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(aar).padStart(4, '0')}-${String(maaned).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/**
 * The Danish public holidays of a year, in date order, with their names.
 * Store bededag is not one from 2024 (abolished by law in 2023). Grundlovsdag (5 June),
 * juleaftensdag (24 December) and nytårsaftensdag (31 December) are not public holidays,
 * although many workplaces close and some laws' deadline rules also skip them; they count
 * as working days here.
 */
export function danskeHelligdageMedNavn(aar: number): { dag: Dag; navn: string }[] {
  const paaske = paaskedag(aar);
  const y = String(aar).padStart(4, '0');
  return [
    { dag: `${y}-01-01`, navn: 'Nytårsdag' },
    { dag: plusDage(paaske, -3), navn: 'Skærtorsdag' },
    { dag: plusDage(paaske, -2), navn: 'Langfredag' },
    { dag: paaske, navn: 'Påskedag' },
    { dag: plusDage(paaske, 1), navn: '2. påskedag' },
    { dag: plusDage(paaske, 39), navn: 'Kristi himmelfartsdag' },
    { dag: plusDage(paaske, 49), navn: 'Pinsedag' },
    { dag: plusDage(paaske, 50), navn: '2. pinsedag' },
    { dag: `${y}-12-25`, navn: 'Juledag' },
    { dag: `${y}-12-26`, navn: '2. juledag' },
  ];
}

/** The Danish public holidays of a year, in date order. */
export function danskeHelligdage(aar: number): Dag[] {
  return danskeHelligdageMedNavn(aar).map((h) => h.dag);
}

/** The holiday's name ("2. påskedag") if `dag` is a Danish public holiday, otherwise null. */
export function helligdag(dag: Dag): string | null {
  const aar = Number(dag.slice(0, 4));
  return danskeHelligdageMedNavn(aar).find((h) => h.dag === dag)?.navn ?? null;
}

/** True on Monday to Friday unless it is a Danish public holiday. */
export function erArbejdsdag(dag: Dag): boolean {
  return ugedag(dag) <= 5 && helligdag(dag) === null;
}

/** `dag` itself if it is a working day, otherwise the first working day after it (by `erAaben`, if given). */
export function flytTilArbejdsdag(dag: Dag, erAaben: (dag: Dag) => boolean = erArbejdsdag): Dag {
  let d = dag;
  while (!erAaben(d)) d = plusDage(d, 1);
  return d;
}

/** The day `n` working days after `dag` (before it when `n` is negative); `dag` itself when 0. */
export function plusArbejdsdage(dag: Dag, n: number): Dag {
  if (!Number.isInteger(n)) throw new Error(`Antal arbejdsdage skal være et helt tal: ${n}`);
  const skridt = n < 0 ? -1 : 1;
  let d = dag;
  for (let tilbage = Math.abs(n); tilbage > 0; ) {
    d = plusDage(d, skridt);
    if (erArbejdsdag(d)) tilbage--;
  }
  return d;
}
