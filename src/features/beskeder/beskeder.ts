/**
 * The rules of a conversation, without a database: when the municipality answers at the latest,
 * where a thread stands, the inboxes' order, and how a writer is named to the other side.
 */
import { beskedConfig } from '#/config/beskeder.ts';
import { plusArbejdsdage } from '#/lib/arbejdsdage.ts';
import { type Dag, dagen } from '#/lib/dato.ts';

/** The day a message sent at `sendt` is answered at the latest: the response time in working days. */
export const beskedSvarfrist = (sendt: Date): Dag => plusArbejdsdage(dagen(sendt), beskedConfig.svartidArbejdsdage);

export interface BeskedFakta {
  fra: 'borger' | 'kommune';
  sendt: string;
  svarFrist: Dag | null;
}

export type TraadStatus =
  /** The citizen wrote last, and the thread is not closed: the municipality owes an answer. */
  | 'ubesvaret'
  | 'besvaret'
  /** Closed without an answer after the citizen's last message. */
  | 'lukket';

export interface TraadTilstand {
  status: TraadStatus;
  /** For an unanswered thread: the answer date of the oldest message waiting. */
  svarFrist: Dag | null;
  overskredet: boolean;
}

/**
 * Where a thread stands. The citizen's messages after the municipality's last one wait for an
 * answer; closing settles them, and a message after the closing opens the thread again.
 */
export function traadTilstand(beskeder: readonly BeskedFakta[], lukket: string | null, idag: Dag): TraadTilstand {
  const sorteret = beskeder.toSorted((a, b) => a.sendt.localeCompare(b.sendt));
  const sidsteSvar = sorteret.findLast((b) => b.fra === 'kommune')?.sendt ?? '';
  const afsluttet = lukket !== null && lukket > sidsteSvar ? lukket : sidsteSvar;
  const venter = sorteret.filter((b) => b.fra === 'borger' && b.sendt > afsluttet);
  if (venter.length === 0)
    return {
      status: lukket !== null && lukket >= sidsteSvar ? 'lukket' : 'besvaret',
      svarFrist: null,
      overskredet: false,
    };
  const svarFrist = venter[0]?.svarFrist ?? null;
  return { status: 'ubesvaret', svarFrist, overskredet: svarFrist !== null && idag > svarFrist };
}

/** The inboxes' order: overdue first, then unanswered by answer date, then the rest newest first. */
export function indbakkeOrden<T extends { tilstand: TraadTilstand; senest: string }>(traade: readonly T[]): T[] {
  const vaegt = (t: T) => (t.tilstand.overskredet ? 0 : t.tilstand.status === 'ubesvaret' ? 1 : 2);
  return traade.toSorted(
    (a, b) =>
      vaegt(a) - vaegt(b) ||
      (vaegt(a) < 2 ? (a.tilstand.svarFrist ?? '').localeCompare(b.tilstand.svarFrist ?? '') : 0) ||
      b.senest.localeCompare(a.senest),
  );
}

/** The citizen's side: the person themselves, or "Karin Madsen på vegne af Jens Madsen". */
export const borgerAfsender = (
  skriver: string,
  person: { id: string; navn: string },
  skriverPersonId: string,
): string => (skriverPersonId === person.id ? skriver : `${skriver} på vegne af ${person.navn}`);

const rolleTekst: Record<string, string> = {
  sagsbehandler: 'sagsbehandler',
  visitator: 'visitator',
  terapeut: 'terapeut',
  depot: 'hjælpemiddeldepotet',
  leder: 'leder',
  redaktoer: 'redaktør',
};

/** The municipality's side: "Sofie Lund, sagsbehandler". */
export const medarbejderAfsender = (navn: string, rolle: string): string => `${navn}, ${rolleTekst[rolle] ?? rolle}`;
