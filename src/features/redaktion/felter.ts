/**
 * The editor's form for a content entry's frontmatter, derived from the collection's own schema
 * (indhold/schemas.ts), so a new field in a schema shows up in the form without touching this file.
 * The form only carries values; gemKladde validates them with the same schema and its Danish messages.
 */
import { z } from 'astro/zod';
import { teamIds, teamNavn } from '#/config/kommune.ts';
import {
  hjaelpemiddelKategorier,
  hjaelpemiddelOrdninger,
  maalgrupper,
  omraader,
  samlinger,
} from '#/features/indhold/schemas.ts';
import type { Samling } from './versioner.server.ts';

export type Felt = {
  /** The form field's name; a nested object's fields as "kontakt.navn". */
  navn: string;
  label: string;
  hjaelp?: string;
  /** Optional or has a default. */
  valgfri: boolean;
} & (
  | { slags: 'tekst' | 'langtekst' | 'tal' | 'dato' | 'sandt' | 'linjer' }
  | { slags: 'valg' | 'flervalg'; valg: { vaerdi: string; tekst: string }[] }
  /** A list of objects of strings: one line per item, "a | b". */
  | { slags: 'tabel'; kolonner: string[] }
  | { slags: 'gruppe'; felter: Felt[] }
);

type Formular = { get(n: string): FormDataEntryValue | null; getAll(n: string): FormDataEntryValue[] };
type Skema = z.core.$ZodType;

const etiketter: Record<string, string> = {
  titel: 'Titel',
  resume: 'Resumé',
  omraade: 'Område',
  opdateret: 'Opdateret',
  gennemgaaet: 'Senest gennemgået',
  kilder: 'Kilder',
  url: 'Webadresse',
  raekkefoelge: 'Rækkefølge',
  trin: 'Trin',
  kort: 'Kort beskrivelse',
  varighed: 'Varighed',
  lov: 'Lov',
  duKan: 'Du kan',
  maalgrupper: 'Målgrupper',
  teams: 'Teams',
  sted: 'Sted',
  adresse: 'Adresse',
  tilgaengelighed: 'Tilgængelighed',
  hvornaar: 'Hvornår',
  pris: 'Pris',
  saadanDeltager: 'Sådan deltager du',
  kontakt: 'Kontakt',
  navn: 'Navn',
  telefon: 'Telefon',
  email: 'E-mail',
  maanederFoer18: 'Måneder før 18-årsdagen',
  alder: 'Alder',
  kommunenGoer: 'Det gør kommunen',
  familienGoer: 'Det gør familien',
  duGoer: 'Det gør du (til den unge)',
  kommunenGoerDu: 'Det gør vi (til den unge)',
  beskrivelse: 'Beskrivelse',
  kategori: 'Kategori',
  lovgrundlag: 'Lovgrundlag',
  ordning: 'Ordning',
  korttidslaan: 'Kan lånes i kort tid',
  koeberSelv: 'Køber man normalt selv',
};

/** The texts of a choice's values, by field name. */
const valgtekster: Record<string, Record<string, string>> = {
  omraade: omraader,
  maalgrupper,
  teams: Object.fromEntries(teamIds.map((id) => [id, teamNavn(id)])),
  kategori: hjaelpemiddelKategorier,
  ordning: hjaelpemiddelOrdninger,
};

const langeTekster = new Set(['resume', 'kort', 'beskrivelse']);
const ISO_DATO = /^\d{4}-\d{2}-\d{2}/;

const label = (navn: string) => etiketter[navn] ?? etiketter[sidste(navn)] ?? sidste(navn);
const sidste = (navn: string) => navn.slice(navn.lastIndexOf('.') + 1);

/** What the form edits: the schema inside optional/default/pipe, whether it may be left out, and its default. */
function udpak(s: Skema): { skema: Skema; valgfri: boolean; standard?: unknown } {
  let valgfri = false;
  let standard: unknown;
  for (;;) {
    if (s instanceof z.core.$ZodOptional) {
      valgfri = true;
      s = s._zod.def.innerType;
    } else if (s instanceof z.core.$ZodDefault || s instanceof z.core.$ZodPrefault) {
      valgfri = true;
      standard = s._zod.def.defaultValue;
      s = s._zod.def.innerType;
    } else if (s instanceof z.core.$ZodPipe) {
      // The form gives what goes into the pipe; its output is the schema's business.
      s = s._zod.def.in;
    } else return { skema: s, valgfri, standard };
  }
}

const ikkeUnderstoettet = (navn: string, s: Skema) =>
  new Error(`Feltet "${navn}" er af en slags (${s._zod.def.type}), som redaktionens formular ikke kan vise.`);

const enumValg = (navn: string, s: z.core.$ZodEnum) =>
  Object.values(s._zod.def.entries).map((v) => ({
    vaerdi: String(v),
    tekst: valgtekster[sidste(navn)]?.[String(v)] ?? String(v),
  }));

function tabelKolonner(navn: string, s: z.core.$ZodObject): { kolonner: string[]; hjaelp: string } {
  const kolonner = Object.keys(s._zod.def.shape);
  const valgfrie = Object.entries(s._zod.def.shape).flatMap(([k, v]) => {
    const { skema, valgfri } = udpak(v);
    if (!(skema instanceof z.core.$ZodString)) throw ikkeUnderstoettet(`${navn}.${k}`, skema);
    return valgfri ? [k] : [];
  });
  const navne = (ks: string[]) => ks.map((k) => label(k).toLowerCase());
  const udelades = valgfrie.length ? ` (${navne(valgfrie).join(' og ')} kan udelades)` : '';
  return { kolonner, hjaelp: `Én pr. linje: ${navne(kolonner).join(' | ')}${udelades}.` };
}

function felt(navn: string, s: Skema): Felt {
  const { skema, valgfri, standard } = udpak(s);
  const f = { navn, label: label(navn), valgfri };
  const visStandard = (typeof standard === 'number' || typeof standard === 'string') && standard !== '';
  const med = (hjaelp: string | undefined) => (hjaelp ? { hjaelp } : {});
  if (skema instanceof z.core.$ZodString) {
    // The bag fills in lazily; classic zod's getter reads the checks themselves.
    const max = skema instanceof z.ZodString ? skema.maxLength : null;
    const lang = langeTekster.has(sidste(navn)) || (max ?? 0) >= 200;
    return { ...f, slags: lang ? 'langtekst' : 'tekst', ...med(max ? `Højst ${max} tegn.` : undefined) };
  }
  if (skema instanceof z.core.$ZodNumber)
    return { ...f, slags: 'tal', ...med(visStandard ? `Står feltet tomt, bruges ${standard}.` : undefined) };
  if (skema instanceof z.core.$ZodDate) return { ...f, slags: 'dato', hjaelp: 'Skriv datoen som 2026-12-03.' };
  if (skema instanceof z.core.$ZodBoolean) {
    // An unchecked box cannot say "not set", so it is only optional when not set means false.
    if (valgfri && standard !== undefined && standard !== false) throw ikkeUnderstoettet(navn, s);
    return { ...f, slags: 'sandt' };
  }
  if (skema instanceof z.core.$ZodEnum) return { ...f, slags: 'valg', valg: enumValg(navn, skema) };
  if (skema instanceof z.core.$ZodObject)
    return {
      ...f,
      slags: 'gruppe',
      felter: Object.entries(skema._zod.def.shape).map(([k, v]) => felt(`${navn}.${k}`, v)),
    };
  if (skema instanceof z.core.$ZodArray) {
    const element = udpak(skema._zod.def.element).skema;
    if (element instanceof z.core.$ZodEnum) return { ...f, slags: 'flervalg', valg: enumValg(navn, element) };
    if (element instanceof z.core.$ZodString) return { ...f, slags: 'linjer', hjaelp: 'Ét punkt pr. linje.' };
    if (element instanceof z.core.$ZodObject) return { ...f, slags: 'tabel', ...tabelKolonner(navn, element) };
    throw ikkeUnderstoettet(navn, element);
  }
  throw ikkeUnderstoettet(navn, skema);
}

/** The id of a field's control on the page: "kontakt.navn" is fm-kontakt-navn. */
export const feltId = (navn: string): string => `fm-${navn.replaceAll('.', '-')}`;

/** Every field, a group's own fields after the group. */
export const alleFelter = (felter: readonly Felt[]): Felt[] =>
  felter.flatMap((f) => (f.slags === 'gruppe' ? [f, ...alleFelter(f.felter)] : [f]));

/** The fields of a collection's frontmatter, in the schema's key order, derived from the schema itself. */
export function formularFelter(samling: Samling): Felt[] {
  const skema = udpak(samlinger[samling]).skema;
  if (!(skema instanceof z.core.$ZodObject)) throw ikkeUnderstoettet(samling, skema);
  return Object.entries(skema._zod.def.shape).map(([k, v]) => felt(k, v));
}

/** A stored value as text: dates as YYYY-MM-DD, nothing as ''. */
function tekstAf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const liste = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const objekt = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** "a | b" for one item; empty cells at the end are left off. */
function raekke(kolonner: string[], v: unknown): string {
  const celler = kolonner.map((k) => tekstAf(objekt(v)[k]));
  while (celler.length > 1 && celler.at(-1) === '') celler.pop();
  return celler.join(' | ');
}

function vaerdier(felter: Felt[], fm: Record<string, unknown>, ud: Record<string, string | string[]>): void {
  for (const f of felter) {
    const v = fm[sidste(f.navn)];
    if (f.slags === 'gruppe') vaerdier(f.felter, objekt(v), ud);
    else if (f.slags === 'flervalg') ud[f.navn] = liste(v).map(tekstAf);
    else if (f.slags === 'linjer') ud[f.navn] = liste(v).map(tekstAf).join('\n');
    else if (f.slags === 'tabel')
      ud[f.navn] = liste(v)
        .map((r) => raekke(f.kolonner, r))
        .join('\n');
    else if (f.slags === 'sandt') ud[f.navn] = v === true ? 'ja' : '';
    else if (f.slags === 'dato') {
      const t = tekstAf(v);
      ud[f.navn] = ISO_DATO.test(t) ? t.slice(0, 10) : t;
    } else ud[f.navn] = tekstAf(v);
  }
}

/** A stored frontmatter as the form's values, by field name ('flervalg' as a list). */
export function formularVaerdier(
  samling: Samling,
  frontmatter: Record<string, unknown>,
): Record<string, string | string[]> {
  const ud: Record<string, string | string[]> = {};
  vaerdier(formularFelter(samling), frontmatter, ud);
  return ud;
}

const tekstFra = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v.trim() : '');
const linjer = (t: string) =>
  t
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A typed number as a number; anything else as typed, so the schema gives its message. */
function tal(t: string): number | string {
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** 2026-12-03 as it is; a Danish 3.12.2026 or 3/12/2026 turned round, so it is never read month first. */
function dato(t: string): string {
  const dansk = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  return dansk ? `${dansk[3]}-${dansk[2]?.padStart(2, '0')}-${dansk[1]?.padStart(2, '0')}` : t;
}

/** One "a | b" line as an object; extra cells stay in the last column, so the schema sees them. */
function tabelRaekke(kolonner: string[], linje: string): Record<string, string> {
  const celler = linje.split('|').map((c) => c.trim());
  const rest = celler.splice(kolonner.length - 1).join(' | ');
  return Object.fromEntries(
    [...celler, rest].map((c, i) => [kolonner[i], c] as const).filter(([, c]) => c !== ''),
  ) as Record<string, string>;
}

/** The field's value from the form; undefined when it is empty, so it is left out. */
function vaerdi(f: Felt, form: Formular): unknown {
  switch (f.slags) {
    case 'gruppe': {
      const o = frontmatter(f.felter, form);
      return Object.keys(o).length ? o : undefined;
    }
    case 'flervalg': {
      const valgt = form.getAll(f.navn).map(tekstFra).filter(Boolean);
      return valgt.length ? valgt : undefined;
    }
    case 'sandt':
      if (tekstFra(form.get(f.navn)) === 'ja') return true;
      return f.valgfri ? undefined : false;
  }
  const t = tekstFra(form.get(f.navn));
  if (t === '') return undefined;
  switch (f.slags) {
    case 'tal':
      return tal(t);
    case 'dato':
      return dato(t);
    case 'linjer':
      return linjer(t).length ? linjer(t) : undefined;
    case 'tabel':
      return linjer(t).map((l) => tabelRaekke(f.kolonner, l));
    default:
      return t;
  }
}

function frontmatter(felter: Felt[], form: Formular): Record<string, unknown> {
  const ud: Record<string, unknown> = {};
  for (const f of felter) {
    const v = vaerdi(f, form);
    if (v !== undefined) ud[sidste(f.navn)] = v;
  }
  return ud;
}

/** The posted form as frontmatter, not validated (gemKladde does that); empty fields are left out. */
export function frontmatterFraFormular(samling: Samling, form: Formular): Record<string, unknown> {
  return frontmatter(formularFelter(samling), form);
}

/** The form field an error path ("kilder[0].url" or "kilder.0.url") belongs to, and the line when it names one. */
function feltForSti(felter: Felt[], sti: string): { navn: string; linje?: number } | undefined {
  const [forrest, ...dele] = sti.split(/[.[\]]+/).filter(Boolean);
  let f = felter.find((x) => x.navn === forrest);
  while (f?.slags === 'gruppe' && dele.length) {
    const navn: string = `${f.navn}.${dele.shift()}`;
    f = f.felter.find((x) => x.navn === navn);
  }
  if (!f) return undefined;
  const linje = Number(dele[0]);
  return (f.slags === 'tabel' || f.slags === 'linjer') && Number.isInteger(linje)
    ? { navn: f.navn, linje: linje + 1 }
    : { navn: f.navn };
}

/** The writer's errors per form field name, the first message per field; unknown paths under ''. */
export function fejlPerFelt(
  samling: Samling,
  fejl: readonly { felt: string; besked: string }[],
): Record<string, string> {
  const felter = formularFelter(samling);
  const ud: Record<string, string> = {};
  for (const { felt, besked } of fejl) {
    const f = feltForSti(felter, felt);
    const navn = f?.navn ?? '';
    ud[navn] ??= f?.linje ? `Linje ${f.linje}: ${besked}` : besked;
  }
  return ud;
}
