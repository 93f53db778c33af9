/**
 * Checks an attachment by its content, not its name or the browser's claimed type: only
 * PDF, JPEG and PNG, recognised by their first bytes, and at most MAKS_BYTES.
 */
import { z } from 'astro/zod';
export const MAKS_BYTES = 5 * 1024 * 1024;
export const MAKS_TEKST = '5 MB';

export type Filtype = 'application/pdf' | 'image/jpeg' | 'image/png';

const signaturer: [Filtype, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The file's real type from its first bytes, or null if it is none of the accepted ones. */
export function genkendFiltype(bytes: Uint8Array): Filtype | null {
  for (const [type, sig] of signaturer) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

export type Filfejl = 'tom' | 'for-stor' | 'forkert-type';

export const filfejlTekst: Record<Filfejl, string> = {
  tom: 'Vælg en fil at vedhæfte.',
  'for-stor': `Filen er for stor. Den må højst være ${MAKS_TEKST}.`,
  'forkert-type': 'Filen skal være en PDF, et JPEG-billede eller et PNG-billede.',
};

export function tjekFil(
  stoerrelse: number,
  start: Uint8Array,
): { ok: true; type: Filtype } | { ok: false; fejl: Filfejl } {
  if (stoerrelse === 0) return { ok: false, fejl: 'tom' };
  if (stoerrelse > MAKS_BYTES) return { ok: false, fejl: 'for-stor' };
  const type = genkendFiltype(start);
  return type ? { ok: true, type } : { ok: false, fejl: 'forkert-type' };
}

/** A file name safe to show and to put in a header: no path, no control characters, not too long. */
export function sikkertFilnavn(navn: string): string {
  const base = navn.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const styretegn = /[\u0000-\u001f\u007f"<>]/g;
  const ren = base.replace(styretegn, '').trim().slice(-100);
  return ren || 'bilag';
}

const endelser: Record<Filtype, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/**
 * The download name: the uploader's name with the extension of the type found in the bytes,
 * so a PNG named "x.html" downloads as "x.png" and never opens as a web page.
 */
export function navnMedTypensEndelse(filnavn: string, type: Filtype): string {
  const uden = filnavn.replace(/(?<=.)\.[^.]{0,10}$/, '');
  return `${uden}${endelser[type]}`;
}

/** A form's file field, checked by its size and first bytes: the one check every upload form uses. */
export const filFelt = () =>
  z.instanceof(File, { error: filfejlTekst.tom }).superRefine(async (fil, ctx) => {
    if (fil.size > MAKS_BYTES) return ctx.addIssue({ code: 'custom', message: filfejlTekst['for-stor'] });
    const r = tjekFil(fil.size, new Uint8Array(await fil.slice(0, 16).arrayBuffer()));
    if (!r.ok) ctx.addIssue({ code: 'custom', message: filfejlTekst[r.fejl] });
  });

/** A file field that may be left empty: a browser sends an unnamed, empty file for it. */
export const valgfriFilFelt = () =>
  z.preprocess(
    // Astro gives a missing field as null.
    (v) => (v === null || v === '' || (v instanceof File && v.size === 0 && v.name === '') ? undefined : v),
    filFelt().optional(),
  );
