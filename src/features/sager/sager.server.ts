/** Reading cases, always through the access door in adgang.server.ts. */
import { asc, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { medarbejdere, personer, sager, sagshaendelser } from '../../../db/schema.ts';
import { kraevPerson, kraevSag, type Bruger } from '../adgang/adgang.server.ts';
import { may } from '../adgang/access.ts';
import { logAudit } from '../audit/audit.server.ts';

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

/** One case with its caseworker and history. */
export function sagMedHistorik(db: Db, bruger: Bruger, sagId: string, now: Date) {
  const { sag, person } = kraevSag(db, bruger, 'se-sager', sagId, { handling: 'se' }, now);
  const sagsbehandler = sag.sagsbehandlerId ? db.select().from(medarbejdere).where(eq(medarbejdere.id, sag.sagsbehandlerId)).get() : undefined;
  const historik = db.select().from(sagshaendelser).where(eq(sagshaendelser.sagId, sag.id)).orderBy(asc(sagshaendelser.tidspunkt)).all();
  return { sag, person, sagsbehandler, historik };
}

/** A staff member's caseload: their unit's cases and those assigned to them. */
export function sagslisteForMedarbejder(db: Db, bruger: Bruger, now: Date) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') return [];
  const rows = db
    .select({ sag: sager, person: { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato } })
    .from(sager)
    .innerJoin(personer, eq(personer.id, sager.personId))
    .where(or(eq(sager.enhed, a.enhed), eq(sager.sagsbehandlerId, a.medarbejderId)))
    .orderBy(desc(sager.aaben), asc(sager.frist))
    .all()
    .filter((r) => may(a, 'se-sager', { personId: r.person.id, foedselsdato: r.person.foedselsdato, sager: [r.sag] }, now));
  for (const r of rows) {
    logAudit(db, { aktoerType: 'medarbejder', aktoerId: a.medarbejderId, aktoerNavn: `${bruger.navn} (medarbejder)`, personId: r.person.id, handling: 'se', hvad: `Sagsliste: ${r.sag.titel}` }, now);
  }
  return rows;
}
