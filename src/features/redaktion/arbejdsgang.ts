/**
 * Redaktion (issue 16): how a version of a content entry moves from draft to published, and which
 * version the public reads at a given moment. Plain rules over plain values, so the writer, the
 * editor's pages and the scheduled publication all ask the same questions.
 *
 * A version is written as a draft, sent for approval, and approved by a second editor (four eyes),
 * unless the municipality has turned approval off. Approving adds a publication to the entry's
 * timeline, now or at a later time (a law that changes on 1 July); unpublishing adds one without a
 * version. What the public sees at a moment is the last publication due by then, so a scheduled
 * change goes live by itself and nothing has to run at midnight for it.
 */
import { type Dag, plusMaaneder } from '#/lib/dato.ts';

export type Versionstatus = 'kladde' | 'til-godkendelse' | 'godkendt';

export interface Version {
  nr: number;
  status: Versionstatus;
  /** Every editor who changed it: none of them may approve it. */
  forfattere: readonly string[];
}

/** One step on an entry's timeline: this version is what the public sees from `fra`; null takes the page down. */
export interface Publicering {
  versionNr: number | null;
  /** ISO time. */
  fra: string;
}

export interface Indstillinger {
  /** Publishing needs a second editor's approval (a small municipality may turn it off). */
  kraeverGodkendelse: boolean;
}

export type Handling =
  | { type: 'indsend' }
  | { type: 'afvis' }
  | { type: 'godkend'; fra?: Date }
  | { type: 'publicer'; fra?: Date };

export type Udfald = { ok: true; status: Versionstatus; publicering: Publicering | null } | { ok: false; fejl: string };

const fejl = (tekst: string): Udfald => ({ ok: false, fejl: tekst });

/** A time in the past publishes now: a scheduled time cannot be before the decision. */
const fraTid = (fra: Date | undefined, nu: Date) => (fra && fra > nu ? fra : nu).toISOString();

/**
 * What `redaktoer` doing `h` to version `v` leads to, or why it cannot be done (Danish, for the
 * editor). The caller writes the new status and, when there is one, the publication.
 */
export function naesteTrin(v: Version, h: Handling, redaktoer: string, ind: Indstillinger, nu: Date): Udfald {
  switch (h.type) {
    case 'indsend':
      if (v.status !== 'kladde') return fejl('Kun en kladde kan sendes til godkendelse.');
      return { ok: true, status: 'til-godkendelse', publicering: null };
    case 'afvis':
      if (v.status !== 'til-godkendelse') return fejl('Kun en version, der venter på godkendelse, kan sendes tilbage.');
      return { ok: true, status: 'kladde', publicering: null };
    case 'godkend':
      if (v.status !== 'til-godkendelse') return fejl('Kun en version, der venter på godkendelse, kan godkendes.');
      if (ind.kraeverGodkendelse && v.forfattere.includes(redaktoer))
        return fejl('En anden redaktør skal godkende det, du selv har skrevet.');
      return { ok: true, status: 'godkendt', publicering: { versionNr: v.nr, fra: fraTid(h.fra, nu) } };
    case 'publicer':
      if (ind.kraeverGodkendelse) return fejl('En anden redaktør skal godkende versionen, før den publiceres.');
      if (v.status === 'godkendt') return fejl('Versionen er allerede godkendt.');
      return { ok: true, status: 'godkendt', publicering: { versionNr: v.nr, fra: fraTid(h.fra, nu) } };
  }
}

/** Taking the page down, now or at a later time: a publication without a version. */
export function afpublicer(
  tidslinje: readonly Publicering[],
  fra: Date | undefined,
  nu: Date,
): { ok: true; publicering: Publicering } | { ok: false; fejl: string } {
  const tid = fraTid(fra, nu);
  // Only a page that is up then, or is going up later, can come down.
  const oppe = gaeldendeVersion(tidslinje, new Date(tid)) !== null;
  const paaVej = tidslinje.some((p) => p.fra > tid && p.versionNr !== null);
  if (!oppe && !paaVej) return { ok: false, fejl: 'Siden er ikke publiceret.' };
  return { ok: true, publicering: { versionNr: null, fra: tid } };
}

/** The last publication due at `nu` (ISO times compare as text); of two at the same time, the later added. */
function sidsteForfaldne(tidslinje: readonly Publicering[], nu: Date): Publicering | undefined {
  const tid = nu.toISOString();
  let sidste: Publicering | undefined;
  for (const p of tidslinje) if (p.fra <= tid && (!sidste || p.fra >= sidste.fra)) sidste = p;
  return sidste;
}

/** The version the public sees at `nu`, or null when the entry is not (or no longer) published. */
export function gaeldendeVersion(tidslinje: readonly Publicering[], nu: Date): number | null {
  return sidsteForfaldne(tidslinje, nu)?.versionNr ?? null;
}

export type Indholdsstatus = 'kladde' | 'til-godkendelse' | 'planlagt' | 'publiceret' | 'afpubliceret';

export const indholdsstatusTekst: Record<Indholdsstatus, string> = {
  kladde: 'Kladde',
  'til-godkendelse': 'Til godkendelse',
  planlagt: 'Planlagt',
  publiceret: 'Publiceret',
  afpubliceret: 'Afpubliceret',
};

/**
 * An entry's line in the editors' overview: where the public page stands now, the next scheduled
 * change, and whether a newer version is waiting (a draft, or one sent for approval) beside it.
 */
export function indholdsstatus(
  versioner: readonly Version[],
  tidslinje: readonly Publicering[],
  nu: Date,
): { status: Indholdsstatus; planlagt: Publicering | null; venter: 'kladde' | 'til-godkendelse' | null } {
  const nyeste = versioner.reduce<Version | undefined>((a, v) => (!a || v.nr > a.nr ? v : a), undefined);
  const venter = nyeste && nyeste.status !== 'godkendt' ? nyeste.status : null;
  const tid = nu.toISOString();
  const planlagt = tidslinje.filter((p) => p.fra > tid).sort((a, b) => a.fra.localeCompare(b.fra))[0] ?? null;
  const offentlig = gaeldendeVersion(tidslinje, nu) !== null;
  const status: Indholdsstatus = offentlig
    ? 'publiceret'
    : planlagt?.versionNr
      ? 'planlagt'
      : tidslinje.some((p) => p.fra <= tid)
        ? 'afpubliceret'
        : (venter ?? 'kladde');
  return { status, planlagt, venter: status === venter ? null : venter };
}

/** Months after which an entry is listed as due for review: the law and the offers may have changed. */
export const GENNEMSYN_EFTER_MAANEDER = 12;

/** Not reviewed for twelve months (or never): listed for the editors to read through again. */
export const skalGennemses = (sidstGennemset: Dag | null, idag: Dag): boolean =>
  sidstGennemset === null || plusMaaneder(sidstGennemset, GENNEMSYN_EFTER_MAANEDER) <= idag;
