/**
 * The deadlines of a case: the published handling deadline, the complaint deadline and the
 * municipality's re-assessment deadline. Pure: the caller passes `idag`.
 */
import { type Forsendelse, forsendelser } from '#/config/forsendelse.ts';
import { sagsbehandlingsfrister } from '#/config/sagsbehandlingsfrister.ts';
import { erArbejdsdag, flytTilArbejdsdag, plusArbejdsdage } from '#/lib/arbejdsdage.ts';
import { type Dag, dageMellem, plusDage } from '#/lib/dato.ts';
import { VENTENDE_KLAGESTATUS } from '../../../db/schema.ts';
import { AFGOERELSE_TRIN } from './trin.ts';

// "Serviceloven §85" and "Serviceloven § 85" (often with a no-break space) mean the same.
function normaliser(lovgrundlag: string): string {
  return lovgrundlag.replace(/\s+/g, ' ').replace(/§ ?/g, '§ ').trim().toLowerCase();
}

/** The municipality's published deadline for a kind of case, as configured. */
export function publiceretFrist(lovgrundlag: string) {
  const noegle = normaliser(lovgrundlag);
  return sagsbehandlingsfrister.find((f) => normaliser(f.lovgrundlag) === noegle);
}

/** The published deadline in words, e.g. "12 uger". */
export function fristITekst(frist: { uger: number } | { dage: number }): string {
  return 'uger' in frist
    ? `${frist.uger} ${frist.uger === 1 ? 'uge' : 'uger'}`
    : `${frist.dage} ${frist.dage === 1 ? 'dag' : 'dage'}`;
}

/** The published handling deadline for a case received on `modtaget`, or null if none is configured. */
export function fristFor(lovgrundlag: string, modtaget: Dag): Dag | null {
  const fundet = publiceretFrist(lovgrundlag);
  if (!fundet) return null;
  const dage = 'uger' in fundet.frist ? fundet.frist.uger * 7 : fundet.frist.dage;
  return plusDage(modtaget, dage);
}

/** The day a decision dated `dato` counts as received, by how it was sent (src/config/forsendelse.ts). */
export function afgoerelseModtaget(dato: Dag, forsendelse: Forsendelse): Dag {
  const regel = forsendelser[forsendelse];
  return plusDage(plusArbejdsdage(dato, regel.hverdage), regel.dage);
}

// Not public holidays, but offices close and forældelsesloven § 27, stk. 2 treats them as closed:
// a complaint deadline ending on one moves on, which can only give the citizen more time.
const LUKKEDAGE = new Set(['06-05', '12-24', '12-31']);
const erAaben = (dag: Dag): boolean => erArbejdsdag(dag) && !LUKKEDAGE.has(dag.slice(5));

/**
 * The last day to complain: 4 weeks after the decision was received (retssikkerhedsloven § 67,
 * stk. 1). A deadline that ends on a Saturday, Sunday, public holiday or closed day runs to the
 * next open day, because the citizen cannot reach the municipality then.
 */
export function klagefrist(afgoerelseModtaget: Dag): Dag {
  return flytTilArbejdsdag(plusDage(afgoerelseModtaget, 28), erAaben);
}

/** The complaint deadline of a decision dated `dato` and sent by `forsendelse`: 4 weeks from its receipt. */
export const klagefristFor = (dato: Dag, forsendelse: Forsendelse): Dag =>
  klagefrist(afgoerelseModtaget(dato, forsendelse));

/**
 * A complaint after the deadline is still received, marked late and re-assessed: only
 * Ankestyrelsen may decide to set an exceeded deadline aside (retssikkerhedsloven § 67).
 */
export const klageErForSen = (afg: { klagefrist: Dag | null }, idag: Dag): boolean =>
  afg.klagefrist !== null && idag > afg.klagefrist;

/**
 * The day a request for aktindsigt must be answered by: 7 working days after it was received
 * (forvaltningsloven § 16, stk. 2, and offentlighedsloven § 36, stk. 2). The municipality may
 * then instead explain why it needs longer and when the answer comes.
 */
export const aktindsigtSvarfrist = (modtaget: Dag): Dag => plusArbejdsdage(modtaget, 7);

/** A request for aktindsigt still unanswered after its deadline: overdue on the case pages (and in the caseload's SQL). */
export const aktindsigtOverskredet = (a: { besvaret: string | null; svarFrist: Dag }, idag: Dag): boolean =>
  a.besvaret === null && a.svarFrist < idag;

/** The day by which the municipality must have re-assessed a complaint: 4 weeks after receiving it. */
export function genvurderingsfrist(klageModtaget: Dag): Dag {
  // Not moved to a working day: it binds the municipality, and moving it would only delay the citizen.
  return plusDage(klageModtaget, 28);
}

/** A complaint the municipality has not re-assessed yet. */
export const venterPaaGenvurdering = (klage: { status: string }): boolean =>
  (VENTENDE_KLAGESTATUS as readonly string[]).includes(klage.status);

/** A complaint still waiting for its re-assessment after the 4 weeks: overdue on the case and in the caseload. */
export function genvurderingOverskredet(klage: { status: string; genvurderingFrist: Dag }, idag: Dag): boolean {
  return venterPaaGenvurdering(klage) && klage.genvurderingFrist < idag;
}

/** A partshøring the citizen may still answer: not answered, and its deadline not passed. Another waits for it. */
export const partshoeringVenter = (ph: { besvaret: string | null; svarfrist: Dag } | undefined, idag: Dag): boolean =>
  !!ph && !ph.besvaret && ph.svarfrist >= idag;

/** After answering, the citizen may add to the answer up to and including the deadline's day. */
export const kanTilfoeje = (ph: { besvaret: string | null; svarfrist: Dag }, idag: Dag): boolean =>
  ph.besvaret !== null && idag <= ph.svarfrist;

type Frister = { frist: Dag; nyFrist: Dag | null };

/** The deadline in force: a new deadline (`nyFrist`), when set, replaces the original. */
export const gaeldendeFrist = (sag: Frister): Dag => sag.nyFrist ?? sag.frist;

/** A case waits for its answer while it is open and not yet decided; only then can it be overdue. */
export const venterPaaSvar = (sag: { aaben: boolean; trin: number }): boolean =>
  sag.aaben && sag.trin < AFGOERELSE_TRIN;

/** Whether the case waits for its answer past the deadline in force on `idag` (the day itself is in time). */
export function erOverskredet(sag: Frister & { aaben: boolean; trin: number }, idag: Dag): boolean {
  return venterPaaSvar(sag) && gaeldendeFrist(sag) < idag;
}

export type FristStatus = { gaeldende: Dag; dageTilbage: number; overskredet: boolean; forlaenget: boolean };

/** Where a deadline stands on `idag`; a new deadline (`nyFrist`), when set, replaces the original. */
export function fristStatus(frist: Dag, nyFrist: Dag | null, idag: Dag): FristStatus {
  const gaeldende = gaeldendeFrist({ frist, nyFrist });
  const dageTilbage = dageMellem(idag, gaeldende);
  return {
    gaeldende,
    dageTilbage,
    // The deadline day itself still counts as in time.
    overskredet: dageTilbage < 0,
    forlaenget: nyFrist != null && nyFrist > frist,
  };
}
