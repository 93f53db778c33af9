/** Reading cases, always through the access door in adgang.server.ts. */
import { asc, desc, eq } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  iSkop,
  kraevPerson,
  kraevSag,
  type Person,
  personerMedAdgang,
  type Sag,
} from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import {
  afgoerelser,
  dokumenter,
  klager,
  medarbejdere,
  partshoeringer,
  personer,
  sager,
  sagsbehandlerskift,
  sagshaendelser,
} from '../../../db/schema.ts';
import { senesteAfgoerelse } from './klage.server.ts';
import { aabenPartshoering } from './partshoering.server.ts';

/** A person's cases, open first, newest first. */
export function sagerFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  const person = kraevPerson(db, bruger, 'se-sager', personId, { handling: 'se', hvad: 'Oversigt over sager' }, now);
  const rows = db
    .select({ sag: sager, sagsbehandler: medarbejdere.navn })
    .from(sager)
    .leftJoin(medarbejdere, eq(medarbejdere.id, sager.sagsbehandlerId))
    .where(eq(sager.personId, personId))
    .orderBy(desc(sager.aaben), desc(sager.modtaget))
    .all();
  return { person, sager: rows };
}

/** One case with everything its page shows: caseworker and changes, history, letters, decision, complaints, partshøring. */
export function sagMedHistorik(db: Db, bruger: Bruger, sagId: string, now: Date) {
  return historik(db, kraevSag(db, bruger, 'se-sager', sagId, { handling: 'se' }, now));
}

/** The same for the caseworker's page, which may change the case: one door call, one audit entry. */
export function sagTilBehandling(db: Db, bruger: Bruger, sagId: string, now: Date) {
  return historik(db, kraevSag(db, bruger, 'behandle-sag', sagId, { handling: 'se' }, now));
}

/** The complaint form's facts: the case (if the user may act in it) and its latest decision. */
export function klageformular(db: Db, bruger: Bruger, sagId: string, now: Date) {
  const { sag, person } = kraevSag(db, bruger, 'handle-i-sag', sagId, { handling: 'se', hvad: 'Klageformular' }, now);
  return { sag, person, afgoerelse: senesteAfgoerelse(db, sag.id) };
}

/** The partshøring page's facts: the case (if the user may act in it) and its partshøring, or not found. */
export function partshoeringTilSvar(db: Db, bruger: Bruger, sagId: string, now: Date) {
  const { sag, person } = kraevSag(db, bruger, 'handle-i-sag', sagId, { handling: 'se', hvad: 'Partshøring' }, now);
  const partshoering = aabenPartshoering(db, sag.id);
  if (!partshoering) throw new IkkeFundet();
  return { sag, person, partshoering };
}

function historik(db: Db, { sag, person }: { sag: Sag; person: Person }) {
  const medarbejder = (id: string | null) =>
    id ? db.select().from(medarbejdere).where(eq(medarbejdere.id, id)).get() : undefined;
  const sidsteSkift = db
    .select()
    .from(sagsbehandlerskift)
    .where(eq(sagsbehandlerskift.sagId, sag.id))
    .orderBy(desc(sagsbehandlerskift.dato))
    .get();
  return {
    sag,
    person,
    sagsbehandler: medarbejder(sag.sagsbehandlerId),
    skift: sidsteSkift && { ...sidsteSkift, fra: medarbejder(sidsteSkift.fraId), til: medarbejder(sidsteSkift.tilId) },
    historik: db
      .select()
      .from(sagshaendelser)
      .where(eq(sagshaendelser.sagId, sag.id))
      .orderBy(asc(sagshaendelser.tidspunkt))
      .all(),
    dokumenter: db
      .select({ id: dokumenter.id, type: dokumenter.type, titel: dokumenter.titel, dato: dokumenter.dato })
      .from(dokumenter)
      .where(eq(dokumenter.sagId, sag.id))
      .orderBy(desc(dokumenter.dato))
      .all(),
    afgoerelse: db
      .select()
      .from(afgoerelser)
      .where(eq(afgoerelser.sagId, sag.id))
      .orderBy(desc(afgoerelser.dato))
      .get(),
    klager: db.select().from(klager).where(eq(klager.sagId, sag.id)).orderBy(desc(klager.modtaget)).all(),
    partshoering: db
      .select()
      .from(partshoeringer)
      .where(eq(partshoeringer.sagId, sag.id))
      .orderBy(desc(partshoeringer.sendt))
      .get(),
  };
}

/** One letter on a case, to read or download. */
export function hentDokument(db: Db, bruger: Bruger, sagId: string, dokumentId: string, now: Date) {
  const dok = db.select().from(dokumenter).where(eq(dokumenter.id, dokumentId)).get();
  if (!dok || dok.sagId !== sagId) throw new IkkeFundet();
  const { sag, person } = kraevSag(db, bruger, 'se-sager', sagId, { handling: 'se', hvad: `Brev: ${dok.titel}` }, now);
  return { dok, sag, person };
}

/** A staff member's caseload: their unit's cases and those assigned to them, through the list door. */
export function sagslisteForMedarbejder(db: Db, bruger: Bruger, now: Date) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') return [];
  const rows = db
    .select({ sag: sager, person: { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato } })
    .from(sager)
    .innerJoin(personer, eq(personer.id, sager.personId))
    .where(iSkop(a))
    .orderBy(desc(sager.aaben), asc(sager.frist))
    .all();
  return personerMedAdgang(
    db,
    bruger,
    'se-sager',
    rows,
    (r) => ({ personId: r.person.id, foedselsdato: r.person.foedselsdato, sager: [r.sag] }),
    (vist) => `Sagsliste: ${vist.map((r) => r.sag.titel).join(', ')}`,
    now,
  );
}
