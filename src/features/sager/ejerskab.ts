/**
 * Who owns each fact of a case. A case made in the portal: the portal owns all of it. A case
 * mirrored from a case system (DUBU, Nexus, CURA; its source id is "<system>:<id>", see
 * src/features/api/faelles.server.ts): the system owns what it journalises and decides, and the
 * portal owns its own channel to the citizen. The case's writers (sagsskrivning.server.ts, the
 * decision) ask here, so a staff member cannot change in the portal what the next sync would undo.
 */

/** The facts of a case, as the owner table knows them. */
export type Fakta =
  | 'oplysninger'
  | 'trin'
  | 'frist'
  | 'sagsbehandler'
  | 'afgoerelse'
  | 'breve'
  | 'beskeder'
  | 'moeder'
  | 'plan'
  | 'svar';

/** The owner table for a mirrored case. */
export const EJER_AF_SPEJLET_SAG: Readonly<Record<Fakta, 'kildesystem' | 'portal'>> = {
  // What the case is: title, legal basis, unit, when it arrived, open or closed.
  oplysninger: 'kildesystem',
  trin: 'kildesystem',
  frist: 'kildesystem',
  sagsbehandler: 'kildesystem',
  afgoerelse: 'kildesystem',
  breve: 'kildesystem',
  // Plain-language messages to the citizen, meetings and their agendas, the plan and its
  // evaluations, answers to the citizen's messages.
  beskeder: 'portal',
  moeder: 'portal',
  plan: 'portal',
  svar: 'portal',
};

/** How a staff member reads a refusal: "<the fact> ændres i <system>". */
const FAKTA_TEKST: Readonly<Record<Fakta, string>> = {
  oplysninger: 'Sagens oplysninger',
  trin: 'Sagens trin',
  frist: 'Fristen',
  sagsbehandler: 'Sagsbehandleren',
  afgoerelse: 'Afgørelsen',
  breve: 'Brevene',
  beskeder: 'Beskederne',
  moeder: 'Møderne',
  plan: 'Planen',
  svar: 'Svarene',
};

/** The case system a case is mirrored from, or null for a case made in the portal. */
export function kildesystem(sag: { kildeId: string | null }): string | null {
  const kolon = sag.kildeId?.indexOf(':') ?? -1;
  return sag.kildeId && kolon > 0 ? sag.kildeId.slice(0, kolon) : null;
}

/** The system that owns `fakta` of `sag`, or null when the portal does. */
export function ejer(sag: { kildeId: string | null }, fakta: Fakta): string | null {
  const system = kildesystem(sag);
  return system && EJER_AF_SPEJLET_SAG[fakta] === 'kildesystem' ? system : null;
}

/** A write refused because another system owns the fact, with a Danish message for the staff member. */
export class EjerskabsFejl extends Error {}

/**
 * Refuses a write of `fakta` on `sag` unless the writer owns it: `skribent` is the case system
 * that writes (through the API), or null for the portal (staff, citizens, the portal's own rules).
 */
export function kraevEjerskab(sag: { kildeId: string | null }, fakta: Fakta, skribent: string | null): void {
  const system = ejer(sag, fakta);
  if (system === skribent) return;
  throw new EjerskabsFejl(
    system
      ? `${FAKTA_TEKST[fakta]} ændres i ${system}, hvor sagen hører hjemme. Portalen viser det, når ${system} sender det.`
      : `${FAKTA_TEKST[fakta]} ændres i portalen, ikke af ${skribent}.`,
  );
}
