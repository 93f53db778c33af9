/**
 * The steps of an application for a hjælpemiddel, each with its own schema and Danish
 * messages. Pure: the pages and actions use these, and the tests call them directly.
 */
import { z } from 'astro/zod';

import { fornavn, genitiv } from '#/lib/sprog.ts';

export const skridt = ['behov', 'hjaelpemiddel', 'varighed', 'kontakt', 'bilag', 'tjek'] as const;
export type Skridt = (typeof skridt)[number];

export const skridtNavne: Record<Skridt, string> = {
  behov: 'Hvad er svært',
  hjaelpemiddel: 'Hjælpemiddel',
  varighed: 'Hvor længe',
  kontakt: 'Kontakt og levering',
  bilag: 'Bilag',
  tjek: 'Tjek dine svar',
};

export const VED_IKKE = 'ved-ikke';

/** The questions' words: to the applicant ("din hverdag") or, when a relative applies, about the person ("Jens' hverdag"). */
export function ansoegerOrd(selv: boolean, navn: string) {
  const f = fornavn(navn);
  return selv
    ? {
        hverdag: 'din hverdag',
        dig: 'dig',
        varighed: 'Hvor længe regner du med at have brug for det?',
        eksempel: 'Fx: Jeg kan ikke stå op, mens jeg går i bad.',
      }
    : {
        hverdag: `${genitiv(f)} hverdag`,
        dig: f,
        varighed: `Hvor længe regner du med, at ${f} har brug for det?`,
        eksempel: `Fx: ${f} kan ikke stå op i badet og er bange for at falde.`,
      };
}

export const varigheder = {
  'under-6-maaneder': 'Under 6 måneder',
  'over-6-maaneder': '6 måneder eller mere',
  varigt: 'Resten af livet',
  [VED_IKKE]: 'Jeg ved det ikke',
} as const;

export const besoegstider = {
  formiddag: 'Formiddag (kl. 8-12)',
  eftermiddag: 'Eftermiddag (kl. 12-16)',
  ligegyldigt: 'Det er lige meget',
} as const;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const skridtSchemas = {
  behov: z.object({
    behov: z
      .string({ error: 'Skriv, hvad der er svært i hverdagen.' })
      .trim()
      .min(10, 'Skriv, hvad der er svært i hverdagen – mindst 10 tegn.')
      .max(3000, 'Højst 3.000 tegn. Du kan fortælle mere ved hjemmebesøget.'),
  }),
  hjaelpemiddel: z.object({
    hjaelpemiddel: z
      .string({ error: 'Vælg et hjælpemiddel, eller vælg "Jeg ved det ikke".' })
      .min(1, 'Vælg et hjælpemiddel, eller vælg "Jeg ved det ikke".'),
  }),
  varighed: z.object({
    varighed: z.enum(keys(varigheder), { error: 'Vælg, hvor længe du regner med at have brug for hjælpemidlet.' }),
  }),
  kontakt: z.object({
    telefon: z
      .string({ error: 'Skriv dit telefonnummer.' })
      .trim()
      .transform((t) => t.replace(/[\s-]/g, '').replace(/^\+45/, ''))
      .pipe(z.string().regex(/^\d{8}$/, 'Skriv et dansk telefonnummer med 8 cifre, fx 20 30 40 50.')),
    besoegstid: z.enum(keys(besoegstider), { error: 'Vælg, hvornår det passer dig bedst, at vi kommer på besøg.' }),
    leveringsadresse: z
      .string({ error: 'Skriv, hvor hjælpemidlet skal leveres.' })
      .trim()
      .min(5, 'Skriv, hvor hjælpemidlet skal leveres – vej, nummer og by.')
      .max(200, 'Adressen må højst være 200 tegn.'),
  }),
} as const;

export type Kladde = Partial<
  Record<'behov' | 'hjaelpemiddel' | 'varighed' | 'telefon' | 'besoegstid' | 'leveringsadresse', string>
>;

/** The first step that still lacks a valid answer, or 'tjek' when all are answered. */
export function foersteManglende(kladde: Kladde): Skridt {
  for (const t of ['behov', 'hjaelpemiddel', 'varighed', 'kontakt'] as const) {
    if (!skridtSchemas[t].safeParse(kladde).success) return t;
  }
  return 'tjek';
}

/** The step after `t`; from "Tjek dine svar" a change goes straight back there. */
export function naesteSkridt(t: Skridt, fraTjek: boolean): Skridt {
  if (fraTjek) return 'tjek';
  // Past the last step stays on the last, 'tjek'.
  return skridt[skridt.indexOf(t) + 1] ?? 'tjek';
}

export function forrigeSkridt(t: Skridt): Skridt | null {
  return skridt[skridt.indexOf(t) - 1] ?? null;
}
