/**
 * Full-text search over the public content, run on the server so it works without
 * JavaScript and under a strict CSP. The content is small (tens of pages), so a linear
 * scan over pre-tokenised documents is enough.
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

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words; Danish letters kept as they are. */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
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

export function buildIndex(docs: readonly SearchDoc[]): IndexedDoc[] {
  return docs.map((doc) => ({
    doc,
    titel: tokenize(doc.titel),
    resume: tokenize(doc.resume),
    tekst: tokenize(doc.tekst),
  }));
}

/** A query word matches a word that starts with it, so "hjælpemid" finds "hjælpemidler". */
const matches = (word: string, term: string) => word.startsWith(term);
const count = (words: string[], term: string) => words.reduce((n, w) => n + (matches(w, term) ? 1 : 0), 0);

/** Documents containing every query word, best first: title counts most, then summary, then body. */
export function search(index: readonly IndexedDoc[], query: string, maxHits = 50): SearchHit[] {
  const terms = [...new Set(tokenize(query))].slice(0, 10);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = 10 * count(entry.titel, term) + 3 * count(entry.resume, term) + Math.min(count(entry.tekst, term), 20);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) hits.push({ doc: entry.doc, score, uddrag: excerpt(entry.doc.tekst || entry.doc.resume, terms) });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.titel.localeCompare(b.doc.titel, 'da')).slice(0, maxHits);
}

/** About `length` characters around the first match, with every match marked. */
export function excerpt(text: string, terms: readonly string[], length = 220): SearchHit['uddrag'] {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), text.length);
  const start = first === text.length ? 0 : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - 60)) + 1);
  let slice = text.slice(start, start + length);
  if (start + length < text.length) slice = `${slice.slice(0, slice.lastIndexOf(' '))} …`;
  if (start > 0) slice = `… ${slice}`;
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return slice
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ tekst: part, match: terms.includes(part.toLowerCase()) }));
}
