/**
 * The rules that decide who may see or do what: `may` for citizens and staff, `maySystem`
 * for the case systems' API keys. Pure: the caller passes the facts and `now`. Pages, actions
 * and features reach a person's data only through the door in adgang.server.ts (`kraevPerson`,
 * `kraevSag`, `kraevElement`, `personerMedAdgang`, `kan`), which loads the facts and asks `may`;
 * the API asks `maySystem` for the route and narrows its lists with its SQL form
 * (system.server.ts). architecture.test.ts keeps it so.
 */

import { attenAarsdag, type Dag, dagen } from '#/lib/dato.ts';
import type { medarbejdere, relationer } from '../../../db/schema.ts';

/** What a relative can be given. The names are what the person sees when giving a fuldmagt. */
export const scopes = {
  'se-sager': 'Se sager',
  'se-moeder': 'Se møder',
  'se-plan': 'Se plan',
  'soege-hjaelpemidler': 'Søge hjælpemidler',
} as const;
export type Scope = keyof typeof scopes;

/** What each right lets the relative do, in words to the person asked (Freja, 17, reads it). */
export const scopeForklaring: Record<Scope, string> = {
  'se-sager': 'se dine sager: hvor de står, dine breve og dine afgørelser',
  'se-moeder': 'se dine møder: hvornår og hvor de er, og hvad I skal tale om',
  'se-plan': 'se din plan og dine mål',
  'soege-hjaelpemidler': 'søge om hjælpemidler for dig',
};
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
  /** Ask the person for a fuldmagt: a relative the person has not revoked, also after parental authority ended. */
  | 'anmode-om-fuldmagt'
  /** Staff: change a case, its plan and meetings. */
  | 'behandle-sag'
  /** Staff: grant or refuse a hjælpemiddel (a decision on its case). Needs the role visitator or terapeut. */
  | 'afgoere-hjaelpemiddel'
  /** Staff: the depot's work on a loan: defects, pick-ups, delivery. The depot does it for everyone. */
  | 'haandtere-udlaan'
  /** Staff: register a paper fuldmagt or a værgemål for the person. Needs the role leder. */
  | 'registrere-relation';

/** A staff member's stored role (`medarbejdere.rolle`). */
export type Rolle = (typeof medarbejdere.rolle.enumValues)[number];

/**
 * Roles that work on no citizen's case: the depot (loans, which have no case) and the editors
 * (content). Neither sees a case, whatever unit they are registered in, nor is handed a message.
 */
export const ROLLER_UDEN_SAGER: readonly Rolle[] = ['depot', 'redaktoer'];
export const arbejderMedSager = (rolle: Rolle): boolean => !ROLLER_UDEN_SAGER.includes(rolle);

/** Editors write, review and publish the portal's content (issue 16). */
export const kanRedigereIndhold = (aktoer: Aktoer): aktoer is Extract<Aktoer, { type: 'medarbejder' }> =>
  aktoer.type === 'medarbejder' && aktoer.rolle === 'redaktoer';

export interface Relation {
  type: (typeof relationer.type.enumValues)[number];
  tilPersonId: string;
  scopes: readonly string[];
  gyldigFra: Dag;
  gyldigTil: Dag | null;
  tilbagekaldt: string | null;
}

export type Aktoer =
  | { type: 'borger'; personId: string; relationer: readonly Relation[] }
  | { type: 'medarbejder'; medarbejderId: string; enhed: string; rolle: Rolle };

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

/** What staff may do at all; none of it may a citizen do, not even on their own data. */
const medarbejderHandlinger: ReadonlySet<Handling> = new Set([
  'se-sager',
  'se-moeder',
  'se-plan',
  'behandle-sag',
  'afgoere-hjaelpemiddel',
  'haandtere-udlaan',
  'registrere-relation',
]);
const kunMedarbejdere: ReadonlySet<Handling> = new Set([
  'behandle-sag',
  'afgoere-hjaelpemiddel',
  'haandtere-udlaan',
  'registrere-relation',
]);

/** Handlings that only some roles may do, on the cases in their scope. */
const rolleKrav: Partial<Record<Handling, readonly Rolle[]>> = {
  'afgoere-hjaelpemiddel': ['visitator', 'terapeut'],
  'registrere-relation': ['leder'],
};

/** Whether `aktoer` may do `handling` on `subjekt`'s data at `now` (dates in Europe/Copenhagen). */
export function may(aktoer: Aktoer, handling: Handling, subjekt: Subjekt, now: Date): boolean {
  if (aktoer.type === 'medarbejder') return medarbejderMaa(aktoer, handling, subjekt);
  if (kunMedarbejdere.has(handling)) return false;
  if (aktoer.personId === subjekt.personId) return handling !== 'anmode-om-fuldmagt';
  if (kunPersonen.has(handling)) return false;
  if (handling === 'anmode-om-fuldmagt') {
    // Asking shows only the person's name; a relative whose relation the person revoked may not ask again here.
    return aktoer.relationer.some((r) => r.tilPersonId === subjekt.personId && r.tilbagekaldt === null);
  }
  const idag = dagen(now);
  return aktoer.relationer.some((r) => r.tilPersonId === subjekt.personId && relationGiver(r, handling, subjekt, idag));
}

/**
 * Staff act on the cases in scope (`subjekt.sager`): their unit's and those assigned to them.
 * The depot serves every citizen's loans and sees nothing else.
 */
function medarbejderMaa(aktoer: Aktoer & { type: 'medarbejder' }, handling: Handling, subjekt: Subjekt): boolean {
  if (!medarbejderHandlinger.has(handling)) return false;
  if (aktoer.rolle === 'depot') return handling === 'haandtere-udlaan';
  if (!arbejderMedSager(aktoer.rolle)) return false;
  if (!(rolleKrav[handling] ?? [aktoer.rolle]).includes(aktoer.rolle)) return false;
  return subjekt.sager.some((s) => s.enhed === aktoer.enhed || s.sagsbehandlerId === aktoer.medarbejderId);
}

export type RelationStatus = 'kommende' | 'aktiv' | 'udloebet' | 'tilbagekaldt';

/** Whether a relation is in force on `idag`: not revoked, from its first day to its last day inclusive. */
export function relationStatus(
  r: Pick<Relation, 'gyldigFra' | 'gyldigTil' | 'tilbagekaldt'>,
  idag: Dag,
): RelationStatus {
  if (r.tilbagekaldt !== null) return 'tilbagekaldt';
  if (idag < r.gyldigFra) return 'kommende';
  if (r.gyldigTil !== null && idag > r.gyldigTil) return 'udloebet';
  return 'aktiv';
}

function relationGiver(r: Relation, handling: Handling, subjekt: Subjekt, idag: Dag): boolean {
  if (relationStatus(r, idag) !== 'aktiv') return false;
  if (handling === 'anmode-om-fuldmagt') return false;
  if (r.type === 'foraeldremyndighed') {
    // Parental authority ends on the 18th birthday by itself (forældreansvarsloven § 1):
    // until the day before, the parent may do everything the child could.
    return idag < attenAarsdag(subjekt.foedselsdato);
  }
  return r.scopes.includes(handling);
}

/**
 * The right a relative's fuldmagt (or værgemål) in force today lacks for `handling`, or null: then
 * the refusal may explain itself ("Din fuldmagt fra Jens giver ikke adgang til planen"), since the
 * relative knows what they were given. Without a relation in force it stays a plain "not found".
 */
export function manglendeRet(aktoer: Aktoer, handling: Handling, personId: string, now: Date): Scope | null {
  if (aktoer.type !== 'borger' || !(handling in scopes) || aktoer.personId === personId) return null;
  const idag = dagen(now);
  const iKraft = aktoer.relationer.some(
    (r) => r.tilPersonId === personId && r.type !== 'foraeldremyndighed' && relationStatus(r, idag) === 'aktiv',
  );
  return iKraft ? (handling as Scope) : null;
}

/** The people an actor may act for today, with the scopes they hold, for "Du handler på vegne af". */
export function kanHandleFor<P extends { id: string; foedselsdato: Dag }>(
  aktoer: Aktoer & { type: 'borger' },
  personer: readonly P[],
  now: Date,
): P[] {
  return personer.filter(
    (p) =>
      p.id !== aktoer.personId &&
      alleScopes.some((s) => may(aktoer, s, { personId: p.id, foedselsdato: p.foedselsdato, sager: [] }, now)),
  );
}

/** A case system's API key: the system it speaks for, the scopes it holds and the units it serves. */
export interface SystemNoegle {
  system: string;
  scopes: readonly string[];
  /** Units whose unowned items the key receives; "*" is every unit and items without one. */
  enheder: readonly string[];
}

/** The unit binding that reaches every unit, and the items that have none (a loan's consent, an old request). */
export const ALLE_ENHEDER = '*';

/**
 * The integration API's rule, beside `may`: a key may use a route if it holds the route's
 * scope, and reach an item if the item's case is its own system's (its kilde_id starts with
 * "<system>:"), or if no system owns the item and the key is bound to the item's unit (a case
 * made in the portal goes to the system serving its unit, not to every system: M5 of the
 * security review). Never another system's. `genstand` left out: the route alone is decided.
 */
export function maySystem(
  noegle: SystemNoegle,
  scope: string,
  genstand?: { kildeId: string | null; enhed: string | null },
): boolean {
  if (!noegle.scopes.includes(scope)) return false;
  if (genstand === undefined) return true;
  if (genstand.kildeId !== null) return genstand.kildeId.startsWith(`${noegle.system}:`);
  return noegle.enheder.includes(ALLE_ENHEDER) || (genstand.enhed !== null && noegle.enheder.includes(genstand.enhed));
}

/**
 * Which handling opens an attachment of a hjælpemiddel application. Staff open it on the
 * application's case, and only once it is sent; the person, and whoever may apply for them,
 * open it on the person (a draft's files too: the draft's author uploaded them). Null: nobody.
 */
export function bilagHandling(aktoer: Aktoer, ansoegning: { sendt: boolean }): Handling | null {
  if (aktoer.type === 'medarbejder') return ansoegning.sendt ? 'se-sager' : null;
  return 'soege-hjaelpemidler';
}
