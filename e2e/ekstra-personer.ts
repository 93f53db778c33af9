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
