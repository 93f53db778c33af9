/**
 * The door every page, action and API route goes through to reach a person's data: it
 * loads the facts `may` needs, asks it, writes the audit entry, and otherwise answers
 * "not found" (never revealing that a case exists).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { type AuditEntry, logAudit } from '#/features/audit/audit.server.ts';
import type { Session } from '#/features/login/session.ts';
import type { Dag } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { medarbejdere, personer, relationer, sager } from '../../../db/schema.ts';
import {
  type Aktoer,
  arbejderMedSager,
  type Handling,
  kanHandleFor,
  kanRedigereIndhold,
  manglendeRet,
  may,
  type SagAdgang,
  type Scope,
  type Subjekt,
} from './access.ts';
import type { Forespoergsel } from './forespoergsel.server.ts';

export class IkkeFundet extends Error {
  constructor() {
    super('Ikke fundet');
  }
}

/**
 * The editors' door (issue 16): their staff id, or "not found" for anyone else, as for a case they
 * may not see. Content is no person's data, so nothing is logged.
 */
export function kraevRedaktoer(bruger: Bruger): string {
  if (!kanRedigereIndhold(bruger.aktoer)) throw new IkkeFundet();
  return bruger.aktoer.medarbejderId;
}

/** Refused because the relative's fuldmagt does not hold the right: shown with an explanation, not as "not found". */
export class UdenforFuldmagt extends IkkeFundet {
  readonly ret: Scope;
  readonly personNavn: string;
  constructor(ret: Scope, personNavn: string) {
    super();
    this.ret = ret;
    this.personNavn = personNavn;
  }
}

export type Person = typeof personer.$inferSelect;
export type Sag = typeof sager.$inferSelect;

export interface Bruger {
  aktoer: Aktoer;
  navn: string;
  /** For a citizen: the person whose data are on screen (themselves unless they chose another). */
  handlerFor?: { id: string; navn: string };
  /** For a citizen: the people they may act for today. */
  kanHandleFor: { id: string; navn: string }[];
  /** This request's memory of facts read and audit rows to commit (forespoergsel.server.ts); reads only. */
  forespoergsel?: Forespoergsel;
}

// The door's hot reads, prepared once per connection.
const id = sql.placeholder('id');
const medarbejderVedId = (db: Db) =>
  forberedt(db, 'adgang.medarbejder', () =>
    db
      .select()
      .from(medarbejdere)
      .where(and(eq(medarbejdere.id, id), eq(medarbejdere.aktiv, true)))
      .prepare(),
  );
const personVedId = (db: Db) =>
  forberedt(db, 'adgang.person', () => db.select().from(personer).where(eq(personer.id, id)).prepare());
const relationerFra = (db: Db) =>
  forberedt(db, 'adgang.relationer', () =>
    db.select().from(relationer).where(eq(relationer.fraPersonId, id)).prepare(),
  );
const sagVedId = (db: Db) =>
  forberedt(db, 'adgang.sag', () => db.select().from(sager).where(eq(sager.id, id)).prepare());
const personensSager = (db: Db) =>
  forberedt(db, 'adgang.personens-sager', () => db.select().from(sager).where(eq(sager.personId, id)).prepare());

const personensSagerISkop = (db: Db) =>
  forberedt(db, 'adgang.personens-sager-i-skop', () =>
    db
      .select()
      .from(sager)
      .where(and(eq(sager.personId, id), iSkopForberedt()))
      .prepare(),
  );

/**
 * The logged-in user behind a session, with what they may act on today; with `forespoergsel`
 * (a GET or HEAD), the request's memory, which this read already uses.
 */
export async function loadBruger(
  db: Db,
  session: Session,
  now: Date,
  forespoergsel?: Forespoergsel,
): Promise<Bruger | null> {
  const bruger = await laesBruger(db, session, now, forespoergsel);
  return bruger && forespoergsel ? { ...bruger, forespoergsel } : bruger;
}

async function laesBruger(
  db: Db,
  session: Session,
  now: Date,
  forespoergsel: Forespoergsel | undefined,
): Promise<Bruger | null> {
  if (session.medarbejderId) {
    const m = foerste(await medarbejderVedId(db).execute({ id: session.medarbejderId }));
    return m
      ? {
          aktoer: { type: 'medarbejder', medarbejderId: m.id, enhed: m.enhed, rolle: m.rolle },
          navn: m.navn,
          kanHandleFor: [],
        }
      : null;
  }
  if (!session.personId) return null;
  const person = await personRaekke(db, forespoergsel, session.personId);
  if (!person) return null;
  const rel = await relationerFra(db).execute({ id: person.id });
  const aktoer: Aktoer = { type: 'borger', personId: person.id, relationer: rel };
  const andre = rel.length
    ? await db
        .select()
        .from(personer)
        .where(
          inArray(
            personer.id,
            rel.map((r) => r.tilPersonId),
          ),
        )
    : [];
  const tilladte = kanHandleFor(aktoer, andre, now).map((p) => ({ id: p.id, navn: p.navn }));
  const valgt = tilladte.find((p) => p.id === session.handlerForId) ?? { id: person.id, navn: person.navn };
  return { aktoer, navn: person.navn, handlerFor: valgt, kanHandleFor: tilladte };
}

/** A person's row, read once per request when it has a memory: the user, a case's person and the door's facts are often one. */
async function personRaekke(db: Db, f: Forespoergsel | undefined, id: string): Promise<Person | undefined> {
  const laes = async () => foerste(await personVedId(db).execute({ id }));
  return f && f.db === db ? await f.husk(`personraekke:${id}`, laes) : await laes();
}

function auditAktoer(bruger: Bruger) {
  return bruger.aktoer.type === 'medarbejder'
    ? {
        aktoerType: 'medarbejder' as const,
        aktoerId: bruger.aktoer.medarbejderId,
        aktoerNavn: `${bruger.navn} (medarbejder)`,
      }
    : { aktoerType: 'borger' as const, aktoerId: bruger.aktoer.personId, aktoerNavn: bruger.navn };
}

/** The door's audit entry: with this request's commit when there is one, otherwise written at once. */
async function auditer(db: Db, bruger: Bruger, entry: AuditEntry, now: Date) {
  if (bruger.forespoergsel) await bruger.forespoergsel.log(db, entry, now);
  else await logAudit(db, entry, now);
}

interface Spor {
  handling: AuditEntry['handling'];
  hvad: string;
}

/** The SQL condition for the cases a staff member works on: their unit's, and those assigned to them. */
export function iSkop(aktoer: Aktoer & { type: 'medarbejder' }) {
  if (!arbejderMedSager(aktoer.rolle)) return sql`1 = 0`;
  return or(eq(sager.enhed, aktoer.enhed), eq(sager.sagsbehandlerId, aktoer.medarbejderId));
}

/** `iSkop` for a prepared statement: the same condition, its values given by `skopVaerdier` when run. */
export const iSkopForberedt = () =>
  or(eq(sager.enhed, sql.placeholder('enhed')), eq(sager.sagsbehandlerId, sql.placeholder('medarbejderId')));
// A role without cases compares with NULL, which matches no case.
export const skopVaerdier = (aktoer: Aktoer & { type: 'medarbejder' }) =>
  arbejderMedSager(aktoer.rolle)
    ? { enhed: aktoer.enhed, medarbejderId: aktoer.medarbejderId }
    : { enhed: null, medarbejderId: null };

/**
 * A person with the facts access to their data depends on. For staff, `sager` holds only the
 * cases in scope, so a person-level read is decided (and later filtered) on those alone.
 */
async function personOgSubjekt(db: Db, bruger: Bruger, personId: string): Promise<PersonOgSubjekt | undefined> {
  const f = bruger.forespoergsel;
  // Read once per request: the actor is the same for the whole request, so are the facts.
  if (f && f.db === db)
    return await f.husk(`person:${personId}`, async () => await laesPersonOgSubjekt(db, bruger, personId));
  return await laesPersonOgSubjekt(db, bruger, personId);
}

interface PersonOgSubjekt {
  person: Person;
  subjekt: Subjekt;
  sager: Sag[];
}

async function laesPersonOgSubjekt(db: Db, bruger: Bruger, personId: string): Promise<PersonOgSubjekt | undefined> {
  const { aktoer } = bruger;
  const person = await personRaekke(db, bruger.forespoergsel, personId);
  if (!person) return undefined;
  const deresSager =
    aktoer.type === 'medarbejder'
      ? await personensSagerISkop(db).execute({ id: personId, ...skopVaerdier(aktoer) })
      : await personensSager(db).execute({ id: personId });
  return { person, sager: deresSager, subjekt: { personId, foedselsdato: person.foedselsdato, sager: deresSager } };
}

/** A person's data, if `bruger` may do `handling` on it; logs the access. */
export async function kraevPerson(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  personId: string,
  spor: Spor,
  now: Date,
): Promise<Person> {
  return (await kraevPersonMedSager(db, bruger, handling, personId, spor, now)).person;
}

/** What a person-level read may show: the person, and which of their items (by case) the user may see. */
export interface PersonAdgang {
  person: Person;
  /** The person's cases the user may see: all of them for a citizen, those in scope for staff. */
  sager: Sag[];
  /** Whether an item on case `sagId` may be shown. Staff see no item without a case. */
  maaSe: (sagId: string | null) => boolean;
}

/** Like `kraevPerson`, for a page that lists the person's items: each item is then shown only if `maaSe(item.sagId)`. */
export async function kraevPersonMedSager(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  personId: string,
  spor: Spor,
  now: Date,
): Promise<PersonAdgang> {
  const found = await personOgSubjekt(db, bruger, personId);
  if (!found) throw new IkkeFundet();
  if (!may(bruger.aktoer, handling, found.subjekt, now)) {
    const ret = manglendeRet(bruger.aktoer, handling, personId, now);
    throw ret ? new UdenforFuldmagt(ret, found.person.navn) : new IkkeFundet();
  }
  await auditer(db, bruger, { ...auditAktoer(bruger), personId, ...spor }, now);
  const ids = new Set(found.sager.map((s) => s.id));
  const staff = bruger.aktoer.type === 'medarbejder';
  return {
    person: found.person,
    sager: found.sager,
    maaSe: (sagId) => (sagId === null ? !staff : !staff || ids.has(sagId)),
  };
}

/**
 * One item of a person's (a meeting, a plan, an application) that belongs to case `sagId`:
 * staff are decided on that case alone, citizens on the person. An item without a case is
 * not shown to staff. Logs the access.
 */
export async function kraevElement(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  element: { personId: string; sagId: string | null },
  spor: Spor,
  now: Date,
): Promise<Person> {
  if (bruger.aktoer.type !== 'medarbejder') return await kraevPerson(db, bruger, handling, element.personId, spor, now);
  const sag = element.sagId === null ? undefined : foerste(await sagVedId(db).execute({ id: element.sagId }));
  if (!sag || sag.personId !== element.personId) throw new IkkeFundet();
  return (await kraevSag(db, bruger, handling, sag.id, spor, now)).person;
}

/** A case, if `bruger` may do `handling` on it; logs the access. */
export async function kraevSag(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  sagId: string,
  spor: Omit<Spor, 'hvad'> & { hvad?: string },
  now: Date,
): Promise<{ sag: Sag; person: Person }> {
  const sag = foerste(await sagVedId(db).execute({ id: sagId }));
  if (!sag) throw new IkkeFundet();
  const person = await personRaekke(db, bruger.forespoergsel, sag.personId);
  if (!person) throw new IkkeFundet();
  if (!may(bruger.aktoer, handling, { personId: person.id, foedselsdato: person.foedselsdato, sager: [sag] }, now)) {
    // As for a person's pages: a relative whose fuldmagt lacks the right is told so (kraevPersonMedSager).
    const ret = manglendeRet(bruger.aktoer, handling, person.id, now);
    throw ret ? new UdenforFuldmagt(ret, person.navn) : new IkkeFundet();
  }
  await auditer(
    db,
    bruger,
    { ...auditAktoer(bruger), personId: person.id, handling: spor.handling, hvad: spor.hvad ?? `Sag: ${sag.titel}` },
    now,
  );
  return { sag, person };
}

/** One row of a staff list, with the facts the door decides it on. */
export interface ListeFakta {
  personId: string;
  foedselsdato: Dag;
  /** The row's own case, or for a person-level row (a loan) the person's cases in scope. */
  sager: readonly SagAdgang[];
}

/**
 * The list form of the door, for staff lists: keeps the rows `may` allows (`handling` may
 * differ per row), decided on each row's own case, and writes one audit entry per person shown, naming what was shown.
 * The caller narrows the rows in SQL first (`iSkop`); this is the decision.
 */
export async function personerMedAdgang<R>(
  db: Db,
  bruger: Bruger,
  handling: Handling | ((r: R) => Handling),
  raekker: readonly R[],
  fakta: (r: R) => ListeFakta,
  hvad: (vist: readonly R[]) => string,
  now: Date,
): Promise<R[]> {
  const vist = raekker.filter((r) => {
    const f = fakta(r);
    return may(
      bruger.aktoer,
      typeof handling === 'function' ? handling(r) : handling,
      { personId: f.personId, foedselsdato: f.foedselsdato, sager: f.sager },
      now,
    );
  });
  const prPerson = Map.groupBy(vist, (r) => fakta(r).personId);
  for (const [personId, deres] of prPerson)
    await auditer(db, bruger, { ...auditAktoer(bruger), personId, handling: 'se', hvad: hvad(deres) }, now);
  return vist;
}

/** Whether a user may do something, without reading or logging anything: for showing a link or a button. */
export async function kan(db: Db, bruger: Bruger, handling: Handling, personId: string, now: Date): Promise<boolean> {
  return (await personHvisKan(db, bruger, handling, personId, now)) !== undefined;
}

/** `kan`, giving the person's row the door read: for a rule on the person's own facts (their age) after the door. Logs nothing. */
export async function personHvisKan(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  personId: string,
  now: Date,
): Promise<Person | undefined> {
  const found = await personOgSubjekt(db, bruger, personId);
  return found && may(bruger.aktoer, handling, found.subjekt, now) ? found.person : undefined;
}

/** Whether a user may do something on a case already opened through the door: for a button, or a second rule on one form. */
export function kanISag(bruger: Bruger, handling: Handling, sag: Sag, person: Person, now: Date): boolean {
  return may(bruger.aktoer, handling, { personId: person.id, foedselsdato: person.foedselsdato, sager: [sag] }, now);
}

/** A message thread's facts the door decides it on. */
export interface TraadFakta {
  personId: string;
  sagId: string | null;
  enhed: string;
  tildeltId: string | null;
}

/**
 * A message thread. A case's thread is decided on the case, as the case page is; a general thread
 * (no case) by the person for citizens, and for staff by the thread's unit, or its being handed to
 * them. Logs the access.
 */
export async function kraevTraad(
  db: Db,
  bruger: Bruger,
  handling: Handling,
  traad: TraadFakta,
  spor: Spor,
  now: Date,
): Promise<{ person: Person; sag: Sag | null }> {
  if (traad.sagId !== null) {
    const { sag, person } = await kraevSag(db, bruger, handling, traad.sagId, spor, now);
    if (person.id !== traad.personId) throw new IkkeFundet();
    return { sag, person };
  }
  if (bruger.aktoer.type !== 'medarbejder')
    return { person: await kraevPerson(db, bruger, handling, traad.personId, spor, now), sag: null };
  const person = foerste(await personVedId(db).execute({ id: traad.personId }));
  const subjekt = person && {
    personId: person.id,
    foedselsdato: person.foedselsdato,
    sager: [{ enhed: traad.enhed, sagsbehandlerId: traad.tildeltId }],
  };
  if (!person || !subjekt || !may(bruger.aktoer, handling, subjekt, now)) throw new IkkeFundet();
  await auditer(db, bruger, { ...auditAktoer(bruger), personId: person.id, ...spor }, now);
  return { person, sag: null };
}

/**
 * Whether person `modtagerId` may see `personId`'s cases at `now`, without a session: for a notice
 * to a relative, decided when it is written (a parent's ends on the 18th birthday, a fuldmagt when revoked).
 */
export async function maaSeSagerFor(
  db: Pick<Db, 'select'>,
  modtagerId: string,
  personId: string,
  now: Date,
): Promise<boolean> {
  if (modtagerId === personId) return true;
  const person = foerste(await db.select().from(personer).where(eq(personer.id, personId)));
  if (!person) return false;
  const rel = await db.select().from(relationer).where(eq(relationer.fraPersonId, modtagerId));
  const aktoer: Aktoer = { type: 'borger', personId: modtagerId, relationer: rel };
  return may(aktoer, 'se-sager', { personId, foedselsdato: person.foedselsdato, sager: [] }, now);
}
