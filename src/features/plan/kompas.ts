/**
 * Forandringskompasset: the citizen's scores (1-10) per life dimension at each assessment,
 * as a table and as geometry for a server-rendered bar chart. Pure: no database, no clock.
 */

import { type Dag, formatDato } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';

/** The known dimensions in display order, with their Danish labels. */
export const kompasDimensioner = {
  bolig: 'Bolig',
  oekonomi: 'Økonomi',
  netvaerk: 'Netværk',
  helbred: 'Helbred',
  dagligdag: 'Dagligdag',
  job: 'Job og uddannelse',
  fritid: 'Fritid',
  misbrug: 'Misbrug',
  psyke: 'Psykisk trivsel',
  selvbestemmelse: 'Selvbestemmelse',
} as const satisfies Record<string, string>;

export type KompasDimension = keyof typeof kompasDimensioner;
export type KompasScore = { dato: Dag; dimension: string; score: number };
export type KompasRaekke = { dimension: string; label: string; scores: (number | null)[]; aendring: number | null };
export type KompasTabel = { datoer: Dag[]; raekker: KompasRaekke[] };

const kendte: readonly string[] = Object.keys(kompasDimensioner);

/** The Danish label of a dimension; an id we do not know is shown as it is. */
export function kompasLabel(dimension: string): string {
  return Object.hasOwn(kompasDimensioner, dimension) ? kompasDimensioner[dimension as KompasDimension] : dimension;
}

function raekkefoelge(a: string, b: string): number {
  const ia = kendte.indexOf(a);
  const ib = kendte.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
  return a.localeCompare(b, 'da');
}

/**
 * One row per scored dimension and one column per assessment date (ascending).
 * `aendring` is the latest assessment minus the first, when the dimension was scored at both.
 */
export function kompasTabel(scores: KompasScore[]): KompasTabel {
  const datoer = [...new Set(scores.map((s) => s.dato))].sort();
  const dimensioner = [...new Set(scores.map((s) => s.dimension))].sort(raekkefoelge);
  const raekker = dimensioner.map((dimension) => {
    const raekke: (number | null)[] = datoer.map(() => null);
    // If a date holds two scores for one dimension, the later row wins.
    for (const s of scores) if (s.dimension === dimension) raekke[datoer.indexOf(s.dato)] = s.score;
    const foerste = raekke[0];
    const sidste = raekke[raekke.length - 1];
    const aendring = datoer.length >= 2 && foerste != null && sidste != null ? sidste - foerste : null;
    return { dimension, label: kompasLabel(dimension), scores: raekke, aendring };
  });
  return { datoer, raekker };
}

/**
 * A stable id prefix for the chart's SVG ids, from its content: a page may show several
 * compasses (one per plan), and ids must not collide. Equal tables may share ids, as their
 * titles and patterns are equal too.
 */
export function kompasId(tabel: KompasTabel): string {
  // FNV-1a, 32 bit: short, deterministic, and good enough to tell a few charts apart.
  let h = 0x811c9dc5;
  for (const tegn of JSON.stringify(tabel)) {
    h ^= defined(tegn.codePointAt(0), 'Tegnet');
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `kompas-${h.toString(36)}`;
}

/** A change as the table shows it: "+2", "−1" (a real minus sign) or "0". */
export function formatAendring(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${-n}`;
  return '0';
}

/** A short title and a plain-language description of the change, for the chart's <title> and <desc>. */
export function kompasOpsummering(tabel: KompasTabel): { titel: string; beskrivelse: string } {
  const { datoer, raekker } = tabel;
  const [foerste] = datoer;
  const sidste = datoer.at(-1);
  if (foerste === undefined || sidste === undefined || raekker.length === 0) {
    return { titel: 'Forandringskompasset', beskrivelse: 'Der er ingen vurderinger endnu.' };
  }
  if (datoer.length === 1) {
    const liste = raekker.map((r) => `${r.label} ${r.scores[0]}`).join(', ');
    return { titel: `Forandringskompasset ${formatDato(foerste)}`, beskrivelse: `Dine scorer: ${liste}.` };
  }
  const saetninger = raekker.map((r) => {
    const fra = r.scores[0];
    const til = r.scores[r.scores.length - 1];
    if (r.aendring === null || fra == null || til == null)
      return `${r.label} blev ikke vurderet både første og seneste gang.`;
    if (r.aendring > 0) return `${r.label} steg fra ${fra} til ${til}.`;
    if (r.aendring < 0) return `${r.label} faldt fra ${fra} til ${til}.`;
    return `${r.label} var uændret på ${til}.`;
  });
  return {
    titel: `Forandringskompasset fra ${formatDato(foerste)} til ${formatDato(sidste)}`,
    beskrivelse: saetninger.join(' '),
  };
}

/**
 * Which assessments the chart draws: all of them up to `maks`, otherwise the first and the
 * latest ones. The chart can only tell a few fills apart; the table always shows every date.
 */
export function diagramDatoIndekser(antal: number, maks = 3): number[] {
  if (antal <= maks) return Array.from({ length: antal }, (_, i) => i);
  return [0, ...Array.from({ length: maks - 1 }, (_, i) => antal - maks + 1 + i)];
}

/** A bar; `midte` is its horizontal centre, for the value label above it. */
export type KompasSoejle = {
  x: number;
  y: number;
  bredde: number;
  hoejde: number;
  midte: number;
  datoIndex: number;
  serie: number;
  vaerdi: number;
  dimension: string;
};
export type KompasGruppe = { dimension: string; label: string; x: number; y: number; linjer: string[] };
export type KompasGeometri = {
  bredde: number;
  hoejde: number;
  plot: { x: number; y: number; bredde: number; hoejde: number };
  yAkse: { vaerdi: number; y: number }[];
  grupper: KompasGruppe[];
  /** Group labels are turned (degrees, around their x, y) when a word is wider than its group. */
  labelRotation: number;
  soejler: KompasSoejle[];
  /** The drawn dates as indexes into tabel.datoer; position in this list = the bar's fill. */
  serier: number[];
  visVaerdier: boolean;
  fontStoerrelse: number;
};

const SKALA = 10;
const FONT = 13;
// A rough average glyph width for a sans-serif font; enough to decide wrapping, not to kern.
const TEGNBREDDE = FONT * 0.6;
const LINJEHOEJDE = FONT * 1.25;
const ROTATION = -40;

const rund = (n: number) => Math.round(n * 100) / 100;

function ombryd(tekst: string, maksTegn: number): string[] {
  const linjer: string[] = [];
  for (const ord of tekst.split(/\s+/).filter(Boolean)) {
    const sidste = linjer[linjer.length - 1];
    if (sidste !== undefined && sidste.length + 1 + ord.length <= maksTegn)
      linjer[linjer.length - 1] = `${sidste} ${ord}`;
    else linjer.push(ord);
  }
  return linjer;
}

/** Geometry for a grouped bar chart: one group per dimension, one bar per drawn date, y axis 0-10. */
export function kompasDiagram(tabel: KompasTabel, opts: { bredde?: number; hoejde?: number } = {}): KompasGeometri {
  const bredde = opts.bredde ?? 560;
  const hoejde = opts.hoejde ?? 320;
  const venstre = 32;
  const hoejre = 8;
  const top = FONT + 8; // room for a value label above a bar of 10
  const plotBredde = bredde - venstre - hoejre;
  const n = Math.max(tabel.raekker.length, 1);
  const gruppeBredde = plotBredde / n;

  const maksTegn = Math.max(1, Math.floor((gruppeBredde - 4) / TEGNBREDDE));
  const ordPasser = tabel.raekker.every((r) => r.label.split(/\s+/).every((ord) => ord.length <= maksTegn));
  const linjerFor = (label: string) => (ordPasser ? ombryd(label, maksTegn) : [label]);
  const labelLinjer = tabel.raekker.map((r) => linjerFor(r.label));
  const laengst = Math.max(0, ...tabel.raekker.map((r) => r.label.length));
  const bund = ordPasser
    ? 8 + Math.max(1, ...labelLinjer.map((l) => l.length)) * LINJEHOEJDE
    : 8 + FONT + laengst * TEGNBREDDE * Math.sin((-ROTATION * Math.PI) / 180);
  const plot = { x: venstre, y: top, bredde: plotBredde, hoejde: Math.max(hoejde - top - bund, 40) };
  const bundY = plot.y + plot.hoejde;
  const yFor = (v: number) => rund(bundY - (Math.min(Math.max(v, 0), SKALA) / SKALA) * plot.hoejde);

  const serier = diagramDatoIndekser(tabel.datoer.length);
  const mellemrum = 2;
  const soejleBredde =
    serier.length === 0 ? 0 : Math.min((gruppeBredde * 0.8 - mellemrum * (serier.length - 1)) / serier.length, 40);
  const samlet = serier.length * soejleBredde + (serier.length - 1) * mellemrum;

  const soejler: KompasSoejle[] = [];
  const grupper: KompasGruppe[] = tabel.raekker.map((r, g) => {
    const venstreKant = plot.x + g * gruppeBredde + (gruppeBredde - samlet) / 2;
    serier.forEach((datoIndex, serie) => {
      const vaerdi = r.scores[datoIndex];
      if (vaerdi == null) return;
      const y = yFor(vaerdi);
      const x = venstreKant + serie * (soejleBredde + mellemrum);
      soejler.push({
        x: rund(x),
        y,
        bredde: rund(soejleBredde),
        hoejde: rund(bundY - y),
        midte: rund(x + soejleBredde / 2),
        datoIndex,
        serie,
        vaerdi,
        dimension: r.dimension,
      });
    });
    return {
      dimension: r.dimension,
      label: r.label,
      x: rund(plot.x + (g + 0.5) * gruppeBredde),
      y: rund(bundY + 8 + FONT),
      linjer: linjerFor(r.label),
    };
  });

  return {
    bredde,
    hoejde: rund(plot.y + plot.hoejde + bund),
    plot: { x: plot.x, y: plot.y, bredde: rund(plot.bredde), hoejde: rund(plot.hoejde) },
    yAkse: [0, 2, 4, 6, 8, 10].map((vaerdi) => ({ vaerdi, y: yFor(vaerdi) })),
    grupper,
    labelRotation: ordPasser ? 0 : ROTATION,
    soejler,
    serier,
    visVaerdier: soejleBredde >= 16,
    fontStoerrelse: FONT,
  };
}
