/**
 * Full-text search over the public content, run on the server so it works without
 * JavaScript and under a strict CSP. The content is small (tens of pages), so a linear
 * scan over pre-tokenised documents is enough. It forgives as people type: "koerestol" is
 * "kørestol", "rollatoren" is "rollator", "rolator" is a typo of "rollator" (with "Mente du …?"),
 * and everyday words find the law's (the synonym list, content/synonymer.yaml).
 */

export interface SearchDoc {
  url: string;
  titel: string;
  resume: string;
  /** Plain text of the body. */
  tekst: string;
  /** What kind of page, e.g. "Pjece" or "Tilbud". */
  type: string;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** A short excerpt around the first match, split so matches can be highlighted safely. */
  uddrag: { tekst: string; match: boolean }[];
}

interface IndexedDoc {
  doc: SearchDoc;
  titel: string[];
  resume: string[];
  tekst: string[];
}

export interface SoegeIndeks {
  docs: IndexedDoc[];
  /** Every word of the content, folded, with its first spelling as written (for "Mente du" and highlights). */
  ord: Map<string, string>;
  /** A folded word → the other ways to say it, each as its folded words. */
  synonymer: Map<string, string[][]>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words; Danish letters kept as they are. */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** One spelling for the ways Danish letters are typed without a Danish keyboard: "kørestol" and "koerestol". */
export function fold(ord: string): string {
  return ord.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/é/g, 'e');
}

// Danish inflections, longest first: "rollatoren", "rollatorer", "rollatorerne" are "rollator".
const ENDELSER = ['erne', 'ene', 'ens', 'ers', 'ets', 'er', 'en', 'et', 'es', 'e', 's'];

/** A light Danish stem of a folded query word; the rest of the word must stay 4 letters or more. */
export function stamme(ord: string): string {
  const endelse = ENDELSER.find((e) => ord.endsWith(e) && ord.length - e.length >= 4);
  return endelse ? ord.slice(0, -endelse.length) : ord;
}

/** Strips Markdown syntax so excerpts read as plain sentences. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `synonymer`: groups of words or phrases that mean the same to a reader, e.g. ["hjemmehjælp", "praktisk hjælp"]. */
export function buildIndex(docs: readonly SearchDoc[], synonymer: readonly (readonly string[])[] = []): SoegeIndeks {
  const ord = new Map<string, string>();
  const foldet = (tekst: string) =>
    tokenize(tekst).map((w) => {
      const f = fold(w);
      if (!ord.has(f)) ord.set(f, w);
      return f;
    });
  const indexed = docs.map((doc) => ({
    doc,
    titel: foldet(doc.titel),
    resume: foldet(doc.resume),
    tekst: foldet(doc.tekst),
  }));
  const syn = new Map<string, string[][]>();
  for (const gruppe of synonymer) {
    const udtryk = gruppe.map((u) => tokenize(u).map(fold));
    for (const [i, u] of udtryk.entries()) {
      const [eneste] = u;
      // Only one-word keys: a single word typed finds the phrases it stands for.
      if (u.length !== 1 || !eneste) continue;
      syn.set(eneste, [...(syn.get(eneste) ?? []), ...udtryk.filter((_, j) => j !== i)]);
    }
  }
  return { docs: indexed, ord, synonymer: syn };
}

/** A query word matches a word that starts with it, so "hjælpemid" finds "hjælpemidler". */
const matches = (word: string, term: string) => word.startsWith(term);
const count = (words: string[], term: string) => words.reduce((n, w) => n + (matches(w, term) ? 1 : 0), 0);

/** Edits between two words (Levenshtein), stopping early beyond `max`. */
export function afstand(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let forrige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const raekke = [i];
    let mindst = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (forrige[j] ?? 0) + 1,
        (raekke[j - 1] ?? 0) + 1,
        (forrige[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      raekke.push(v);
      mindst = Math.min(mindst, v);
    }
    if (mindst > max) return max + 1;
    forrige = raekke;
  }
  return forrige[b.length] ?? max + 1;
}

/** How many typos a word of this length may have: none in short words, where they change the meaning. */
const tilladteFejl = (laengde: number) => (laengde <= 4 ? 0 : laengde <= 7 ? 1 : 2);

/** The content's words closest to a word that is not in it, or none; `laengde` as typed, before folding. */
function naermeste(indeks: SoegeIndeks, term: string, laengde: number): string[] {
  const max = tilladteFejl(laengde);
  if (max === 0) return [];
  let bedst = max + 1;
  let ord: string[] = [];
  for (const w of indeks.ord.keys()) {
    const d = afstand(term, w, Math.min(max, bedst));
    if (d < bedst) [bedst, ord] = [d, [w]];
    else if (d === bedst && d <= max) ord.push(w);
  }
  return bedst <= max ? ord : [];
}

/** One query word and the ways it may be found: itself (stemmed), a corrected spelling, or a synonym. */
interface Led {
  /** Each alternative is a list of words that must all be in the document. */
  alternativer: string[][];
  /** The spelling to suggest, when the word was not in the content at all. */
  rettet?: string;
}

function led(indeks: SoegeIndeks, ord: string): Led {
  const f = fold(ord);
  const egen = stamme(f);
  const synonymer = indeks.synonymer.get(f) ?? indeks.synonymer.get(egen) ?? [];
  const findes = [...indeks.ord.keys()].some((w) => matches(w, egen));
  if (findes || synonymer.length > 0) return { alternativer: [[egen], ...synonymer] };
  const rettet = naermeste(indeks, egen, ord.length);
  const [foerste] = rettet;
  if (!foerste) return { alternativer: [[egen]] };
  return { alternativer: rettet.map((r) => [r]), rettet: indeks.ord.get(foerste) ?? foerste };
}

const pointFor = (entry: IndexedDoc, term: string) =>
  10 * count(entry.titel, term) + 3 * count(entry.resume, term) + Math.min(count(entry.tekst, term), 20);

/** The best score of any alternative in which every word is found, or 0. */
function point(entry: IndexedDoc, l: Led): number {
  let bedst = 0;
  for (const alt of l.alternativer) {
    const dele = alt.map((t) => pointFor(entry, t));
    if (dele.every((p) => p > 0)) bedst = Math.max(bedst, dele.reduce((a, b) => a + b, 0) / alt.length);
  }
  return bedst;
}

export interface Soegning {
  hits: SearchHit[];
  /** The query as the content spells it, when a word was corrected ("Mente du …?"), or null. */
  menteDu: string | null;
}

/** Documents containing every query word, best first: title counts most, then summary, then body. */
export function soeg(indeks: SoegeIndeks, query: string, maxHits = 50): Soegning {
  const ordene = [...new Set(tokenize(query))].slice(0, 10);
  if (ordene.length === 0) return { hits: [], menteDu: null };
  const led_ = ordene.map((o) => led(indeks, o));
  // The words as written in the content that the query found, for the excerpt's highlights.
  const stammer = led_.flatMap((l) => l.alternativer.flat());
  const fremhaev = [...indeks.ord.entries()]
    .filter(([f]) => stammer.some((s) => matches(f, s)))
    .map(([, w]) => w)
    .slice(0, 200);
  const hits: SearchHit[] = [];
  for (const entry of indeks.docs) {
    let score = 0;
    for (const l of led_) {
      const p = point(entry, l);
      if (p === 0) {
        score = 0;
        break;
      }
      score += p;
    }
    if (score > 0) hits.push({ doc: entry.doc, score, uddrag: excerpt(entry.doc.tekst || entry.doc.resume, fremhaev) });
  }
  const rettet = led_.some((l) => l.rettet);
  return {
    hits: hits.sort((a, b) => b.score - a.score || a.doc.titel.localeCompare(b.doc.titel, 'da')).slice(0, maxHits),
    menteDu: rettet ? led_.map((l, i) => l.rettet ?? ordene[i]).join(' ') : null,
  };
}

/** About `length` characters around the first match, with every match marked. */
export function excerpt(text: string, terms: readonly string[], length = 220): SearchHit['uddrag'] {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), text.length);
  const start = first === text.length ? 0 : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - 60)) + 1);
  let slice = text.slice(start, start + length);
  if (start + length < text.length) slice = `${slice.slice(0, slice.lastIndexOf(' '))} …`;
  if (start > 0) slice = `… ${slice}`;
  if (terms.length === 0) return [{ tekst: slice, match: false }];
  // Longest first, so "rollatoren" is marked whole rather than as "rollator" + "en".
  const laengst = [...terms].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${laengst.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return slice
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ tekst: part, match: terms.includes(part.toLowerCase()) }));
}
