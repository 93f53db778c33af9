/** Shared setup for the API tests: a migrated in-memory database with the demo people. */
import type { Db } from '../../../db/client.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { ApiFejl } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type {
  AfgoerelseInput,
  BrevInput,
  MoedeInput,
  PartshoeringInput,
  PersonInput,
  PlanInput,
  SagInput,
} from './schemas.ts';

export const IDAG = '2026-11-24';
export const NU = new Date('2026-11-24T09:00:00Z');

export async function nyDemoDb(): Promise<{ db: Db; demo: Awaited<ReturnType<typeof seedDemo>> }> {
  const db = await nyTestDatabase();
  return { db, demo: await seedDemo(db, IDAG) };
}

/** Nexus serves the adult teams (voksenhandicap and the teams oest, vest, midt); DUBU the children's unit. */
export const nexus: ApiKlient = {
  noegleId: 'noegle-nexus',
  system: 'Nexus',
  enheder: ['voksenhandicap', 'oest', 'vest', 'midt'],
};
export const dubu: ApiKlient = { noegleId: 'noegle-dubu', system: 'DUBU', enheder: ['boernehandicap'] };

/** Else Nielsen, born 1 February 1950: not in the demo data. */
export const else_ = (over: Partial<PersonInput> = {}): PersonInput => ({
  cpr: '0102501234',
  navn: 'Else Nielsen',
  foedselsdato: '1950-02-01',
  adresse: 'Kirkevej 2, 7130 Juelsminde',
  by: 'Juelsminde',
  telefon: '12 34 56 78',
  email: null,
  ...over,
});

export const elsesSag = (over: Partial<SagInput> = {}): SagInput => ({
  personKildeId: 'P-1',
  enhed: 'oest',
  titel: 'Praktisk hjælp i hjemmet',
  lovgrundlag: 'Serviceloven § 83',
  trin: 1,
  trinTekst: 'Vi har modtaget din ansøgning.',
  aaben: true,
  sagsbehandlerOidcSub: 'medarbejder-maria-kjaer',
  modtaget: '2026-11-20',
  frist: '2026-12-18',
  nyFrist: null,
  nyFristBegrundelse: null,
  kildeAendret: NEXUS_AENDRET,
  ...over,
});

/** When Nexus last changed Else's case, and a later change of it. */
export const NEXUS_AENDRET = '2026-11-24T08:00:00.000Z';
export const NEXUS_SENERE = '2026-11-24T10:00:00.000Z';

export const elsesAfgoerelse = (over: Partial<AfgoerelseInput> = {}): AfgoerelseInput => ({
  udfald: 'afslag',
  dato: '2026-11-24',
  begrundelse: 'Du kan selv gøre rent.',
  klagevejledning: 'Du kan klage inden 4 uger.',
  klagefrist: '2026-12-22',
  forsendelse: 'digital-post',
  ...over,
});

export const elsesBrev = (over: Partial<BrevInput> = {}): BrevInput => ({
  personKildeId: 'P-1',
  sagKildeId: 'S-1',
  titel: 'Vi har modtaget oplysninger fra din læge',
  dato: '2026-11-24',
  tekst: 'Kære Else Nielsen. Vi har nu fået oplysningerne fra din læge.',
  ...over,
});

export const elsesPartshoering = (over: Partial<PartshoeringInput> = {}): PartshoeringInput => ({
  personKildeId: 'P-1',
  sagKildeId: 'S-1',
  materiale: 'Din læge skriver, at du kan gå 200 meter med rollator.',
  svarfrist: '2026-12-08',
  ...over,
});

export const elsesMoede = (over: Partial<MoedeInput> = {}): MoedeInput => ({
  personKildeId: 'P-1',
  sagKildeId: 'S-1',
  type: 'foerste',
  titel: 'Første møde om din ansøgning',
  start: '2026-12-01T10:00:00+01:00',
  slut: '2026-12-01T11:00:00+01:00',
  sted: 'Hjemme hos dig',
  videolink: null,
  deltagere: ['Else Nielsen', 'Maria Kjær'],
  dagsorden: ['Hvad er svært i hverdagen'],
  ...over,
});

export const elsesPlan = (over: Partial<PlanInput> = {}): PlanInput => ({
  personKildeId: 'P-1',
  sagKildeId: 'S-1',
  retningsgivendeMaal: 'Klare indkøb selv igen',
  delmaal: [
    {
      titel: 'Gå til købmanden med rollator',
      status: 'i-gang',
      evaluering: null,
      indsatser: [{ beskrivelse: 'Gangtræning to gange om ugen', hvem: 'Træningsenheden' }],
    },
    { titel: 'Lave mad selv', status: 'ikke-startet', indsatser: [] },
  ],
  kompas: [
    { dato: '2026-11-20', dimension: 'helbred', score: 4 },
    { dato: '2026-11-20', dimension: 'dagligdag', score: 3 },
  ],
  ...over,
});

/** The ApiFejl `fn` throws; fails the test if it throws nothing or something else. */
export async function fejlFra(fn: () => Promise<unknown>): Promise<ApiFejl> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ApiFejl) return e;
    throw e;
  }
  throw new Error('Forventede en ApiFejl, men intet blev kastet.');
}
