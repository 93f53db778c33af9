/**
 * People the journeys add beside the demo personas, so what they change is seen by no other
 * journey: Jonna Lind (a citizen), and staff in units where no demo staff member works. Each is
 * added once, whichever test comes first (on both engines: `on conflict do nothing`).
 */
import { spoerg } from './database.ts';

/** Jonna Lind, 61, in Tørring (Team Vest). */
export async function jonnaLind(): Promise<void> {
  await spoerg(
    `insert into personer (id, cpr, navn, foedselsdato, adresse, by)
     values ('e2e-jonna', '1203651234', 'Jonna Lind', '1965-03-12', 'Skolegade 3, 7160 Tørring', 'Tørring')
     on conflict do nothing`,
  );
}

async function medarbejder(id: string, navn: string, rolle: string, enhed: string): Promise<void> {
  await spoerg(
    `insert into medarbejdere (id, oidc_sub, navn, rolle, enhed, telefon, email, aktiv)
     values ('e2e-${id}', 'medarbejder-e2e-${id}', '${navn}', '${rolle}', '${enhed}', null, null, 1)
     on conflict do nothing`,
  );
}

/** Vibeke Vest, caseworker in Team Vest. */
export const vibekeVest = () => medarbejder('vibeke', 'Vibeke Vest', 'sagsbehandler', 'vest');

/** Dorte Depot, in the depot. */
export const dorteDepot = () => medarbejder('dorte', 'Dorte Depot', 'depot', 'depot');

/** Rikke Redaktør, an editor registered in Team Øst: the unit must give her no case. */
export const rikkeRedaktoer = () => medarbejder('rikke', 'Rikke Redaktør', 'redaktoer', 'oest');
export const rasmusRedaktoer = () => medarbejder('rasmus', 'Rasmus Redaktør', 'redaktoer', 'vest');

interface JonnasSag {
  titel: string;
  lovgrundlag?: string;
  trin: number;
  trinTekst: string;
  modtaget: string;
  frist: string;
}

interface Afgoerelse {
  udfald: 'bevilling' | 'delvis' | 'afslag';
  dato: string;
  begrundelse: string;
  klagefrist: string;
}

/**
 * A portal case of Jonna's in Team Vest with Vibeke as its caseworker (both added if missing);
 * with a decision on it when one is given (its id is the case's with "-afg").
 */
export async function jonnasSag(id: string, s: JonnasSag, afg?: Afgoerelse): Promise<void> {
  await jonnaLind();
  await vibekeVest();
  // Literals, not parameters: the two engines write placeholders differently ("?" and "$1").
  const v = (...x: (string | number)[]) =>
    x.map((y) => (typeof y === 'number' ? String(y) : `'${y.replaceAll("'", "''")}'`)).join(', ');
  await spoerg(
    `insert into sager (id, person_id, enhed, titel, lovgrundlag, trin, trin_tekst, aaben, sagsbehandler_id, modtaget, frist)
     values (${v(id, 'e2e-jonna', 'vest', s.titel, s.lovgrundlag ?? 'Serviceloven § 83', s.trin, s.trinTekst, 1, 'e2e-vibeke', s.modtaget, s.frist)})
     on conflict do nothing`,
  );
  if (afg)
    await spoerg(
      `insert into afgoerelser (id, sag_id, udfald, dato, begrundelse, klagevejledning, klagefrist)
       values (${v(`${id}-afg`, id, afg.udfald, afg.dato, afg.begrundelse, 'Du kan klage inden 4 uger.', afg.klagefrist)})
       on conflict do nothing`,
    );
}

/**
 * Birthe Bunke, the only caseworker in Hjerneskadekoordinatoren, with `antal` open cases of one
 * citizen, Poul Bunke, due far in the future: a caseload longer than one page, seen by no other journey.
 */
export async function birtheBunkesSager(antal: number): Promise<void> {
  await medarbejder('bunke', 'Birthe Bunke', 'sagsbehandler', 'hjerneskadekoordinator');
  await spoerg(
    `insert into personer (id, cpr, navn, foedselsdato, adresse, by)
     values ('e2e-poul', '0101501234', 'Poul Bunke', '1950-01-01', 'Vestergade 1, 7160 Tørring', 'Tørring')
     on conflict do nothing`,
  );
  const raekker = Array.from({ length: antal }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `('e2e-bunke-${n}', 'e2e-poul', 'hjerneskadekoordinator', 'Bunkesag ${n}', 'Serviceloven § 85', 3, 1, 'e2e-bunke', '2026-01-01', '2030-01-${String((i % 28) + 1).padStart(2, '0')}')`;
  });
  await spoerg(
    `insert into sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, sagsbehandler_id, modtaget, frist)
     values ${raekker.join(', ')}
     on conflict do nothing`,
  );
}
