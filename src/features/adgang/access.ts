/**
 * The one rule that decides who may see or do what. Every page, action and API route asks
 * `may`; nothing else decides access. Pure: the caller passes the facts and `now`.
 */
import { attenAarsdag, dagen, type Dag } from '../../lib/dato.ts';

/** What a relative can be given. The names are what the person sees when giving a fuldmagt. */
export const scopes = {
  'se-sager': 'Se sager',
  'se-moeder': 'Se møder',
  'se-plan': 'Se plan',
  'soege-hjaelpemidler': 'Søge hjælpemidler',
} as const;
export type Scope = keyof typeof scopes;
export const alleScopes = Object.keys(scopes) as Scope[];

/** Actions on a person's data. The scoped ones may be delegated; the rest only the person may do. */
export type Handling =
  | Scope
  /** Act on one's own case: complain, answer a partshøring, withdraw a consent. */
  | 'handle-i-sag'
  /** See "Hvem har set mine oplysninger". */
  | 'se-log'
  /** Give, accept or revoke a fuldmagt. */
  | 'give-fuldmagt'
  /** Staff: change a case, its plan and meetings. */
  | 'behandle-sag';

export interface Relation {
  type: 'foraeldremyndighed' | 'fuldmagt' | 'vaergemaal';
  tilPersonId: string;
  scopes: readonly string[];
  gyldigFra: Dag;
  gyldigTil: Dag | null;
  tilbagekaldt: string | null;
}

export type Aktoer =
  | { type: 'borger'; personId: string; relationer: readonly Relation[] }
  | { type: 'medarbejder'; medarbejderId: string; enhed: string };

/** The case facts access depends on. */
export interface SagAdgang {
  enhed: string;
  sagsbehandlerId: string | null;
}

/** A person's data, with the cases staff access is decided by. */
export interface Subjekt {
  personId: string;
  foedselsdato: Dag;
  /**
   * The cases in scope. For a case page or an item on a case: that case. For a person-level
   * page: for staff, the person's cases in their unit or assigned to them; for citizens, all.
   */
  sager: readonly SagAdgang[];
}

const kunPersonen: ReadonlySet<Handling> = new Set(['se-log', 'give-fuldmagt']);

/** Whether `aktoer` may do `handling` on `subjekt`'s data at `now` (dates in Europe/Copenhagen). */
export function may(aktoer: Aktoer, handling: Handling, subjekt: Subjekt, now: Date): boolean {
  if (aktoer.type === 'medarbejder') {
    if (!['se-sager', 'se-moeder', 'se-plan', 'behandle-sag'].includes(handling)) return false;
    return subjekt.sager.some((s) => s.enhed === aktoer.enhed || s.sagsbehandlerId === aktoer.medarbejderId);
  }
  if (aktoer.personId === subjekt.personId) return handling !== 'behandle-sag';
  if (kunPersonen.has(handling) || handling === 'behandle-sag') return false;
  const idag = dagen(now);
  return aktoer.relationer.some((r) => r.tilPersonId === subjekt.personId && relationGiver(r, handling, subjekt, idag));
}

function relationGiver(r: Relation, handling: Handling, subjekt: Subjekt, idag: Dag): boolean {
  if (r.tilbagekaldt !== null) return false;
  if (idag < r.gyldigFra || (r.gyldigTil !== null && idag > r.gyldigTil)) return false;
  if (r.type === 'foraeldremyndighed') {
    // Parental authority ends on the 18th birthday by itself (forældreansvarsloven § 1):
    // until the day before, the parent may do everything the child could.
    return idag < attenAarsdag(subjekt.foedselsdato);
  }
  return r.scopes.includes(handling);
}

/** The people an actor may act for today, with the scopes they hold, for "Du handler på vegne af". */
export function kanHandleFor<P extends { id: string; foedselsdato: Dag }>(aktoer: Aktoer & { type: 'borger' }, personer: readonly P[], now: Date): P[] {
  return personer.filter((p) => p.id !== aktoer.personId && alleScopes.some((s) => may(aktoer, s, { personId: p.id, foedselsdato: p.foedselsdato, sager: [] }, now)));
}
