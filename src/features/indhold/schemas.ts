/**
 * The contract for everything staff write in `content/`. Used by Astro's content
 * collections at build time and by `npm run content:check`, so both report the same errors.
 */
import { z } from 'astro/zod';
import { teamIds } from '#/config/kommune.ts';
import { trinNavn, trinOversigt } from '#/features/sager/trin.ts';

/** Areas of Social Omsorg a leaflet or offer belongs to. */
export const omraader = {
  boernehandicap: 'Børn og unge med handicap',
  voksenhandicap: 'Voksne med handicap',
  aeldre: 'Ældre',
  alle: 'Alle',
} as const;

/** Who an offer is for. The catalogue filters on these. */
export const maalgrupper = {
  aeldre: 'Ældre',
  'voksne-med-handicap': 'Voksne med handicap',
  'boern-og-unge': 'Børn og unge',
  paaroerende: 'Pårørende',
  hjerneskade: 'Mennesker med hjerneskade',
  alle: 'Alle',
} as const;

/** "mangler" when a required field is missing, otherwise what the field should hold. */
const fejl = (forventet: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `mangler (${forventet})` : forventet;

const tekst = z
  .string({ error: fejl('skal være en tekst') })
  .trim()
  .min(1, 'må ikke være tom');
const dato = z.coerce.date({ error: fejl('skal være en dato som 2026-11-24') });
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Where a claim comes from: the law or the authority's page, with its address when there is one. */
const kilder = z
  .array(
    z.object({
      titel: tekst,
      url: z.url({ error: 'skal være en webadresse som https://ast.dk/...' }).optional(),
    }),
    { error: fejl('skal være en liste af kilder, hver med en titel og evt. en url') },
  )
  .min(1, 'skal nævne mindst én kilde');

/** When a person last checked the text against the law and the sources: shown as "Senest gennemgået". */
const gennemgaaet = z.coerce.date({ error: 'skal være den dato, teksten sidst blev gennemgået, fx 2026-12-03' });

export const PjeceSchema = z.object({
  titel: tekst,
  resume: tekst.max(300, 'må højst være 300 tegn'),
  omraade: z.enum(keys(omraader), { error: fejl(`skal være en af: ${keys(omraader).join(', ')}`) }),
  opdateret: dato,
  gennemgaaet,
  kilder,
  raekkefoelge: z
    .number({ error: fejl('skal være et tal') })
    .int()
    .default(100),
});

export const ForloebstrinSchema = z
  .object({
    trin: z
      .number({ error: fejl('skal være et tal fra 1 til 7') })
      .int()
      .min(1, 'skal være fra 1 til 7')
      .max(7, 'skal være fra 1 til 7'),
    titel: tekst,
    kort: tekst.max(160, 'må højst være 160 tegn'),
    varighed: tekst,
    lov: tekst.optional(),
    duKan: z.array(tekst, { error: fejl('skal være en liste af tekster') }).min(1, 'skal have mindst ét punkt'),
    gennemgaaet,
    kilder,
  })
  .refine((t) => t.titel === trinNavn(t.trin), {
    // The case pages, staff pages and API name the steps from trin.ts; the page must say the same.
    path: ['titel'],
    message: `skal være trinnets navn (${trinOversigt})`,
  });

export const TilbudSchema = z.object({
  titel: tekst,
  resume: tekst.max(300, 'må højst være 300 tegn'),
  maalgrupper: z
    .array(z.enum(keys(maalgrupper), { error: fejl(`skal være en af: ${keys(maalgrupper).join(', ')}`) }), {
      error: fejl('skal være en liste'),
    })
    .min(1, 'skal have mindst én målgruppe'),
  teams: z
    .array(z.enum(teamIds, { error: fejl(`skal være en af: ${teamIds.join(', ')}`) }), {
      error: fejl('skal være en liste'),
    })
    .min(1, 'skal have mindst ét team'),
  sted: tekst,
  /** Street address of the place, e.g. "Kirkevej 2, 7171 Uldum". Left out when it happens at home or varies. */
  adresse: tekst.optional(),
  /**
   * Whether you can get in with a wheelchair or rollator, as a short sentence. Left out when nobody has
   * checked: the page then tells the citizen to ask.
   */
  tilgaengelighed: tekst.max(200, 'må højst være 200 tegn').optional(),
  hvornaar: tekst,
  pris: tekst,
  saadanDeltager: tekst,
  kontakt: z.object(
    {
      navn: tekst,
      telefon: tekst.optional(),
      email: z.email({ error: fejl('skal være en e-mailadresse') }).optional(),
    },
    { error: fejl('skal have navn og gerne telefon eller e-mail') },
  ),
});

export const OvergangSchema = z.object({
  titel: tekst,
  /** Months before the 18th birthday; negative for after it. Orders the timeline and dates it per person. */
  maanederFoer18: z
    .number({ error: fejl('skal være et tal (måneder før 18-årsdagen)') })
    .int()
    .min(-24)
    .max(36),
  alder: tekst,
  kommunenGoer: z.array(tekst).default([]),
  familienGoer: z.array(tekst).default([]),
  /** The same step told to the young person, for their own page ("du"): what they do, and what we do. */
  duGoer: z.array(tekst).default([]),
  kommunenGoerDu: z.array(tekst).default([]),
});

export const SideSchema = z.object({
  titel: tekst,
  beskrivelse: tekst.max(300, 'må højst være 300 tegn'),
  opdateret: dato,
});

/** Categories of the depot's catalogue. */
export const hjaelpemiddelKategorier = {
  mobilitet: 'Gang og mobilitet',
  'bad-og-toilet': 'Bad og toilet',
  'seng-og-forflytning': 'Seng og forflytning',
  koekken: 'Køkken og spisning',
  kommunikation: 'Kommunikation, syn og hørelse',
  bolig: 'Bolig og indretning',
} as const;

/**
 * How the citizen gets an aid: lent from the depot (§ 112), partly paid consumer good (§ 113), a change
 * to the home that the municipality pays and that is not lent or handed back (boligindretning, § 116), or
 * bought by the citizen.
 */
export const hjaelpemiddelOrdninger = {
  udlaan: 'Lånes fra hjælpemiddeldepotet',
  forbrugsgode: 'Forbrugsgode – du betaler en del selv',
  boligindretning: 'Ændring i dit hjem – kommunen betaler',
  'selv-koeb': 'Køber du normalt selv',
} as const;

export const HjaelpemiddelSchema = z.object({
  titel: tekst,
  resume: tekst.max(300, 'må højst være 300 tegn'),
  kategori: z.enum(keys(hjaelpemiddelKategorier), {
    error: fejl(`skal være en af: ${keys(hjaelpemiddelKategorier).join(', ')}`),
  }),
  lovgrundlag: tekst,
  ordning: z.enum(keys(hjaelpemiddelOrdninger), {
    error: fejl(`skal være en af: ${keys(hjaelpemiddelOrdninger).join(', ')}`),
  }),
  /** Can be borrowed for a short time (e.g. after a hospital stay) without an assessment. */
  korttidslaan: z.boolean({ error: fejl('skal være true eller false') }).default(false),
  /** Small, cheap things in the same area that people usually buy themselves. */
  koeberSelv: z.array(tekst, { error: fejl('skal være en liste af tekster') }).default([]),
});

/** Collection name -> folder under content/ -> schema. One table, used by Astro and the check script. */
export const samlinger = {
  pjecer: PjeceSchema,
  forloeb: ForloebstrinSchema,
  tilbud: TilbudSchema,
  overgang: OvergangSchema,
  sider: SideSchema,
  hjaelpemidler: HjaelpemiddelSchema,
} as const;

export type Pjece = z.output<typeof PjeceSchema>;
export type Forloebstrin = z.output<typeof ForloebstrinSchema>;
export type Tilbud = z.output<typeof TilbudSchema>;
export type Overgang = z.output<typeof OvergangSchema>;
export type Side = z.output<typeof SideSchema>;
export type Hjaelpemiddel = z.output<typeof HjaelpemiddelSchema>;
