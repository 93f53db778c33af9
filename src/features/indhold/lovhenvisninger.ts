/**
 * Citations of the law ("Serviceloven § 112", "barnets lov §§ 122–123") found in a text and
 * checked against the paragraphs the portal may cite (src/config/lovgrundlag.ts). Pure: the
 * caller passes the day, so a paragraph repealed from a date is caught on that date.
 */
import { type Lov, type Paragraf, paragraffer } from '#/config/lovgrundlag.ts';
import type { Dag } from '#/lib/dato.ts';

const LOVE: Record<string, Lov> = {
  serviceloven: 'Serviceloven',
  'barnets lov': 'Barnets Lov',
  ældreloven: 'Ældreloven',
  retssikkerhedsloven: 'Retssikkerhedsloven',
  forvaltningsloven: 'Forvaltningsloven',
  offentlighedsloven: 'Offentlighedsloven',
  forældreansvarsloven: 'Forældreansvarsloven',
  værgemålsloven: 'Værgemålsloven',
  sundhedsloven: 'Sundhedsloven',
};

// A number with an optional letter ("113 b"), then more joined by "–", "-", "," or "og" ("§§ 83–84").
const NR = String.raw`\d+(?:\s?[a-h](?!\p{L}))?`;
const ALLE_NR = new RegExp(NR, 'gu');
const HENVISNING = new RegExp(
  String.raw`(?<!\p{L})(${Object.keys(LOVE).join('|')})s?,?\s+§§?\s*(${NR}(?:\s*(?:[–-]|,|og)\s*${NR})*)`,
  'giu',
);

export interface Henvisning {
  lov: Lov;
  nr: string;
  /** The citation as written. */
  tekst: string;
}

/** Every paragraph cited by law and number in `tekst`; a range gives its two ends. */
export function lovhenvisninger(tekst: string): Henvisning[] {
  const fundet: Henvisning[] = [];
  for (const m of tekst.matchAll(HENVISNING)) {
    const lov = LOVE[(m[1] ?? '').toLowerCase()];
    if (!lov) continue;
    for (const nr of (m[2] ?? '').match(ALLE_NR) ?? []) fundet.push({ lov, nr: nr.replace(/\s+/, ' '), tekst: m[0] });
  }
  return fundet;
}

/** The listed paragraph a legal basis such as "Serviceloven § 85" cites first, or undefined. */
export function paragrafFor(lovgrundlag: string, liste: readonly Paragraf[] = paragraffer): Paragraf | undefined {
  const [h] = lovhenvisninger(lovgrundlag);
  return h && liste.find((p) => p.lov === h.lov && p.nr === h.nr);
}

/** A legal basis in words, the law last: "Serviceloven § 97 om ledsagelse". */
export function reglerneITekst(lovgrundlag: string): string {
  const p = paragrafFor(lovgrundlag);
  return p ? `${lovgrundlag} om ${p.titel.charAt(0).toLowerCase()}${p.titel.slice(1)}` : lovgrundlag;
}

/** What is wrong with the citations in `tekst` on `idag`, in words an editor can act on. */
export function forkerteHenvisninger(tekst: string, idag: Dag, liste: readonly Paragraf[] = paragraffer): string[] {
  const fejl = new Set<string>();
  for (const h of lovhenvisninger(tekst)) {
    const p = liste.find((x) => x.lov === h.lov && x.nr === h.nr);
    if (!p)
      fejl.add(
        `henviser til ${h.lov} § ${h.nr} ("${h.tekst}"), som ikke står i listen over paragraffer, portalen må henvise til (src/config/lovgrundlag.ts)`,
      );
    else if (p.ophaevet && p.ophaevet <= idag)
      fejl.add(`henviser til ${h.lov} § ${h.nr}, som er ophævet fra ${p.ophaevet} ("${h.tekst}")`);
  }
  return [...fejl];
}
