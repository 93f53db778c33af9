/**
 * The paragraphs the portal may cite: in content, configuration, seed data and decisions. The
 * content check (src/features/indhold/lovhenvisninger.ts) fails on a citation of a paragraph that
 * is not here, or that is repealed on the day of the build, so the next change of law is caught.
 * When a law changes, set `ophaevet` on the old paragraph and add the new one: the check then lists
 * every page that still cites the old one. Sources: retsinformation.dk (checked December 2026).
 */
import type { Dag } from '#/lib/dato.ts';

export type Lov =
  | 'Serviceloven'
  | 'Barnets Lov'
  | 'Ældreloven'
  | 'Retssikkerhedsloven'
  | 'Forvaltningsloven'
  | 'Offentlighedsloven'
  | 'Forældreansvarsloven'
  | 'Værgemålsloven'
  | 'Sundhedsloven';

export interface Paragraf {
  lov: Lov;
  /** The paragraph's number as written after "§": "85", "113 b". */
  nr: string;
  titel: string;
  /** The first day it applies in the form the portal cites it. */
  gaelderFra: Dag;
  /** The first day it no longer applies; the portal must not cite it from then. */
  ophaevet?: Dag;
  /** What a case under it is about, in everyday words: the line under a case whose title is the law's word. */
  forklaring?: string;
}

export const paragraffer: readonly Paragraf[] = [
  {
    lov: 'Serviceloven',
    nr: '83',
    titel: 'Praktisk hjælp, personlig pleje (under folkepensionsalderen)',
    gaelderFra: '1998-07-01',
  },
  { lov: 'Serviceloven', nr: '83 b', titel: 'Madservice (under folkepensionsalderen)', gaelderFra: '2025-07-01' },
  {
    lov: 'Serviceloven',
    nr: '84',
    titel: 'Afløsning, aflastning og midlertidigt ophold',
    gaelderFra: '1998-07-01',
    forklaring: 'Aflastning, så de pårørende, der passer dig, kan få en pause.',
  },
  {
    lov: 'Serviceloven',
    nr: '85',
    titel: 'Socialpædagogisk støtte',
    gaelderFra: '1998-07-01',
    forklaring: 'Støtte til at klare hverdagen selv, fx til at lave aftaler, handle ind og holde styr på økonomien.',
  },
  {
    lov: 'Serviceloven',
    nr: '97',
    titel: 'Ledsagelse',
    gaelderFra: '1998-07-01',
    forklaring: 'En ledsager, der kan tage med dig til aktiviteter, du selv vælger.',
  },
  { lov: 'Serviceloven', nr: '141', titel: 'Handleplan', gaelderFra: '1998-07-01' },
  {
    lov: 'Serviceloven',
    nr: '100',
    titel: 'Kompensationsydelse (før 1.9.2025: merudgifter) til voksne',
    gaelderFra: '1998-07-01',
    forklaring: 'Penge til de ekstra udgifter, et handicap giver i hverdagen.',
  },
  {
    lov: 'Serviceloven',
    nr: '112',
    titel: 'Hjælpemidler',
    gaelderFra: '1998-07-01',
    forklaring: 'Et hjælpemiddel, der gør hverdagen lettere eller sikrere.',
  },
  { lov: 'Serviceloven', nr: '113', titel: 'Forbrugsgoder', gaelderFra: '1998-07-01' },
  {
    lov: 'Serviceloven',
    nr: '113 b',
    titel: 'Hjælpemidler og forbrugsgoder i en kortere periode',
    gaelderFra: '2018-01-01',
  },
  { lov: 'Serviceloven', nr: '114', titel: 'Støtte til køb af bil', gaelderFra: '1998-07-01' },
  {
    lov: 'Serviceloven',
    nr: '115',
    titel: 'Tilskud til hjælpemidler og forbrugsgoder i særlige tilfælde',
    gaelderFra: '1998-07-01',
  },
  {
    lov: 'Serviceloven',
    nr: '116',
    titel: 'Boligindretning',
    gaelderFra: '1998-07-01',
    forklaring: 'Ændringer i boligen, så du kan bo og klare dig der.',
  },
  {
    lov: 'Barnets Lov',
    nr: '86',
    titel: 'Kompensationsydelse (før 1.9.2025: merudgifter) til børn',
    gaelderFra: '2024-01-01',
    forklaring: 'Penge til de ekstra udgifter, barnets handicap giver familien i hverdagen.',
  },
  { lov: 'Barnets Lov', nr: '87', titel: 'Tabt arbejdsfortjeneste', gaelderFra: '2024-01-01' },
  {
    lov: 'Barnets Lov',
    nr: '90',
    titel: 'Hjælpemidler, forbrugsgoder, bil og boligindretning til børn',
    gaelderFra: '2024-01-01',
  },
  { lov: 'Barnets Lov', nr: '111', titel: 'Afgørelse om ungestøtte før 18 år', gaelderFra: '2024-01-01' },
  { lov: 'Barnets Lov', nr: '114', titel: 'Ungestøtte efter 18 år', gaelderFra: '2024-01-01' },
  {
    lov: 'Barnets Lov',
    nr: '122',
    titel: 'Overgangen til voksenlivet: forberedelse fra 16 år',
    gaelderFra: '2024-01-01',
  },
  {
    lov: 'Barnets Lov',
    nr: '123',
    titel: 'Overgangen til voksenlivet: afgørelser klar til 18-årsdagen',
    gaelderFra: '2024-01-01',
  },
  { lov: 'Ældreloven', nr: '2', titel: 'Hvem loven gælder for', gaelderFra: '2025-07-01' },
  {
    lov: 'Ældreloven',
    nr: '10',
    titel: 'Helhedspleje',
    gaelderFra: '2025-07-01',
    forklaring: 'Hjælp i hjemmet, fx til rengøring, indkøb og personlig pleje.',
  },
  { lov: 'Ældreloven', nr: '16', titel: 'Afløsning og aflastning af pårørende', gaelderFra: '2025-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '3', titel: 'Sagsbehandlingsfrister', gaelderFra: '1998-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '11 a', titel: 'Samtykke til at indhente oplysninger', gaelderFra: '1998-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '11 b', titel: 'Afgørelse på det foreliggende grundlag', gaelderFra: '1998-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '66', titel: 'Genvurdering i kommunen', gaelderFra: '2013-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '67', titel: 'Klagefrist på 4 uger', gaelderFra: '1998-07-01' },
  { lov: 'Retssikkerhedsloven', nr: '72', titel: 'Klage har ikke opsættende virkning', gaelderFra: '1998-07-01' },
  { lov: 'Forvaltningsloven', nr: '7', titel: 'Vejledning', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '8', titel: 'Bisidder og partsrepræsentant', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '9', titel: 'Aktindsigt', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '16', titel: 'Svar på aktindsigt', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '17', titel: 'Aktindsigt og klagefristen', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '19', titel: 'Partshøring', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '22', titel: 'Begrundelse', gaelderFra: '1987-01-01' },
  {
    lov: 'Forvaltningsloven',
    nr: '23',
    titel: 'Skriftlig begrundelse for en mundtlig afgørelse',
    gaelderFra: '1987-01-01',
  },
  { lov: 'Forvaltningsloven', nr: '24', titel: 'Begrundelsens indhold', gaelderFra: '1987-01-01' },
  { lov: 'Forvaltningsloven', nr: '25', titel: 'Klagevejledning', gaelderFra: '1987-01-01' },
  { lov: 'Offentlighedsloven', nr: '36', titel: 'Svarfrist for aktindsigt', gaelderFra: '2014-01-01' },
  { lov: 'Forældreansvarsloven', nr: '1', titel: 'Forældremyndighed', gaelderFra: '2007-10-01' },
  {
    lov: 'Forældreansvarsloven',
    nr: '6',
    titel: 'Forældremyndighed over for børn under 18 år',
    gaelderFra: '2007-10-01',
  },
  { lov: 'Værgemålsloven', nr: '1', titel: 'Umyndighed ved 18 år', gaelderFra: '1997-01-01' },
  { lov: 'Værgemålsloven', nr: '5', titel: 'Økonomisk og personligt værgemål', gaelderFra: '1997-01-01' },
  { lov: 'Værgemålsloven', nr: '6', titel: 'Fratagelse af den retlige handleevne', gaelderFra: '1997-01-01' },
  { lov: 'Sundhedsloven', nr: '74', titel: 'Behandlingsredskaber', gaelderFra: '2007-01-01' },
];
