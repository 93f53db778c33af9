/**
 * "Det skal du gøre": what the citizen must do or decide soon, from their cases and meetings.
 * Pure: the caller passes what the access door let it read, and `idag`.
 */
import { type Dag, dageMellem, dagen, formatDato } from '#/lib/dato.ts';
import { partshoeringVenter } from './frister.ts';

export interface Opgave {
  tekst: string;
  /** The day it must be done by, if there is one: the list is sorted by it. */
  frist: Dag | null;
  href: string;
  linktekst: string;
}

/** How far ahead a deadline or a meeting is shown. */
export const OPGAVE_DAGE = 14;

type SagFakta = {
  sag: { id: string; titel: string };
  partshoering?: { besvaret: string | null; svarfrist: Dag } | undefined;
  afgoerelse?: { id: string; udfald: string; klagefrist: Dag | null } | undefined;
  klager: readonly { afgoerelseId: string }[];
};

/** A partshøring to answer, and a complaint deadline soon over for a decision not fully granted. */
export function opgaverForSag(f: SagFakta, idag: Dag): Opgave[] {
  const opgaver: Opgave[] = [];
  if (f.partshoering && partshoeringVenter(f.partshoering, idag))
    opgaver.push({
      tekst: `Svar på partshøringen i sagen "${f.sag.titel}" senest ${formatDato(f.partshoering.svarfrist)}.`,
      frist: f.partshoering.svarfrist,
      href: `/sager/${f.sag.id}/partshoering`,
      linktekst: 'Læs oplysningerne og svar',
    });
  const afg = f.afgoerelse;
  // No deadline runs while the klagevejledning is missing (afgoerelser.klagefrist): nothing is due.
  const frist = afg?.klagefrist;
  if (
    afg &&
    frist &&
    afg.udfald !== 'bevilling' &&
    !f.klager.some((k) => k.afgoerelseId === afg.id) &&
    frist >= idag &&
    dageMellem(idag, frist) <= OPGAVE_DAGE
  )
    opgaver.push({
      tekst: `Er du uenig i afgørelsen i sagen "${f.sag.titel}"? Klagefristen er ${formatDato(frist)}.`,
      frist,
      href: `/sager/${f.sag.id}`,
      linktekst: 'Se afgørelsen, og klag hvis du vil',
    });
  return opgaver;
}

/** A meeting in the coming days: time to think about what to talk about. */
export function opgaveForMoede(m: { id: string; titel: string; start: string }, nu: Date): Opgave | null {
  const dag = dagen(new Date(m.start));
  const idag = dagen(nu);
  if (dag < idag || dageMellem(idag, dag) > OPGAVE_DAGE) return null;
  return {
    tekst: `Forbered dig til mødet "${m.titel}" den ${formatDato(dag)}: skriv, hvad du gerne vil tale om.`,
    frist: dag,
    href: `/min-side/moeder/${m.id}`,
    linktekst: 'Se mødet og tilføj emner',
  };
}

/** The soonest first; those without a day last. */
export const sorterOpgaver = (opgaver: readonly Opgave[]): Opgave[] =>
  opgaver.toSorted((a, b) => (a.frist ?? '9999').localeCompare(b.frist ?? '9999'));
