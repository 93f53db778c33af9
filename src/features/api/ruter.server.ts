/**
 * Every API route in one table: method, path, scope, schemas and the feature function it
 * calls. The HTTP layer (http.server.ts) and the OpenAPI document (openapi.ts) both read it,
 * so a route cannot exist without its description.
 */
import type { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { upsertBeskedSvar } from './beskeder.server.ts';
import { upsertBrev, upsertPartshoering } from './breve.server.ts';
import type { UpsertUdfald } from './faelles.server.ts';
import { upsertForaeldremyndighed } from './foraeldremyndighed.server.ts';
import { hentHaendelser, kvitter } from './haendelser.server.ts';
import {
  hentHjaelpemiddelAnsoegninger,
  hentKlager,
  hentPartshoeringssvar,
  hentTilbagekaldteSamtykker,
  type Side,
} from './lister.server.ts';
import { upsertMoede } from './moeder.server.ts';
import type { ApiKlient, ApiRettighed } from './noegler.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertPlan } from './planer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import * as s from './schemas.ts';
import { iSynkorden } from './synkorden.server.ts';
import { type Valideret, valider } from './validering.ts';

interface Faelles {
  /** The OpenAPI operationId. */
  id: string;
  /** The path as OpenAPI writes it, e.g. /api/v1/personer/{kildeId}. */
  sti: string;
  scope: ApiRettighed;
  tag: string;
  resume: string;
  beskrivelse: string;
}

/** PUT of one record by the source system's id; the body is validated with `krop`. */
/** The inboxes are the feed filtered by type: said once, on each of them. */
const SOM_FEEDET =
  'Listen er hændelserne af denne type i GET /api/v1/haendelser, med posten, som den er nu: de samme poster til de samme nøgler i samme rækkefølge. "naeste" fører videre med haendelse=<id>; en ældre markør med siden og efter virker stadig.';

export interface UpsertRute extends Faelles {
  type: 'upsert';
  metode: 'PUT';
  krop: z.ZodType;
  /** Answers besides 200/201/400/401/403/415, e.g. 404, 409, 422. */
  fejlkoder: Record<number, string>;
  /** Validates the body with `krop` and, when it is valid, calls the feature function with its output. */
  udfoer: (db: Db, klient: ApiKlient, kildeId: string, krop: unknown, now: Date) => Promise<Valideret<UpsertUdfald>>;
}

/** GET of a page of what citizens sent (or the portal wrote) since a cursor; the query is validated with `query`. */
export interface ListeRute extends Faelles {
  type: 'liste';
  metode: 'GET';
  query: z.ZodObject;
  svar: z.ZodType;
  udfoer: (db: Db, klient: ApiKlient, query: unknown, now: Date) => Promise<Valideret<Side<unknown>>>;
}

/** POST of an action with a JSON body (e.g. a receipt), answered 200 with `svar`. */
export interface HandlingRute extends Faelles {
  type: 'handling';
  metode: 'POST';
  krop: z.ZodType;
  svar: z.ZodType;
  fejlkoder: Record<number, string>;
  udfoer: (db: Db, klient: ApiKlient, krop: unknown, now: Date) => Promise<Valideret<unknown>>;
}

export type Rute = UpsertRute | ListeRute | HandlingRute;

/** Ties a body schema to the function that takes its output. */
/**
 * Validates `raa` with `schema` and, when it is valid, runs `koer` with its output. The schema and
 * the function meet here, where both know S: no cast of the validated input.
 */
async function gyldigt<S extends z.ZodType, T>(
  schema: S,
  raa: unknown,
  koer: (input: z.output<S>) => Promise<T>,
): Promise<Valideret<T>> {
  const input = valider(schema, raa);
  return input.ok ? { ok: true, data: await koer(input.data) } : input;
}

/** The body's `kildeAendret`, which every PUT schema may carry. */
const kildeAendretI = (input: unknown): string | undefined =>
  typeof input === 'object' && input !== null && 'kildeAendret' in input && typeof input.kildeAendret === 'string'
    ? input.kildeAendret
    : undefined;

/**
 * A PUT: validated, then written in sync order (synkorden.server.ts) under the route's id. A case
 * keeps its own order on the case row (`egenSynkorden`), where the portal's changes also count.
 */
export function upsert<S extends z.ZodType>(
  r: Omit<UpsertRute, 'type' | 'metode' | 'krop' | 'udfoer'> & {
    krop: S;
    udfoer: (db: Db, klient: ApiKlient, kildeId: string, input: z.output<S>, now: Date) => Promise<UpsertUdfald>;
    egenSynkorden?: true;
  },
): UpsertRute {
  const { egenSynkorden, ...rute } = r;
  const aeldre =
    'Portalen har en nyere udgave af posten fra jeres system (kildeAendret er senere end den sendte); svaret har den gældende kildeAendret.';
  const fejlkoder = egenSynkorden
    ? r.fejlkoder
    : { ...r.fejlkoder, 409: r.fejlkoder[409] ? `${r.fejlkoder[409]} Eller: ${aeldre}` : aeldre };
  return {
    ...rute,
    fejlkoder,
    type: 'upsert',
    metode: 'PUT',
    udfoer: (db, klient, kildeId, krop, now) =>
      gyldigt(r.krop, krop, (input) =>
        egenSynkorden
          ? r.udfoer(db, klient, kildeId, input, now)
          : iSynkorden(db, klient, r.id, kildeId, kildeAendretI(input), (tx) =>
              r.udfoer(tx, klient, kildeId, input, now),
            ),
      ),
  };
}

/** Ties a query schema to the list function that takes its output. */
function liste<Q extends z.ZodObject>(
  r: Omit<ListeRute, 'type' | 'metode' | 'query' | 'udfoer'> & {
    query: Q;
    udfoer: (db: Db, klient: ApiKlient, q: z.output<Q>, now: Date) => Promise<Side<unknown>>;
  },
): ListeRute {
  return {
    ...r,
    type: 'liste',
    metode: 'GET',
    udfoer: (db, klient, query, now) => gyldigt(r.query, query, (q) => r.udfoer(db, klient, q, now)),
  };
}

function handling<S extends z.ZodType>(
  r: Omit<HandlingRute, 'type' | 'metode' | 'krop' | 'udfoer'> & {
    krop: S;
    udfoer: (db: Db, klient: ApiKlient, input: z.output<S>, now: Date) => Promise<unknown>;
  },
): HandlingRute {
  return {
    ...r,
    type: 'handling',
    metode: 'POST',
    udfoer: (db, klient, krop, now) => gyldigt(r.krop, krop, (input) => r.udfoer(db, klient, input, now)),
  };
}

const ukendtPerson = 'personKildeId (eller sagKildeId) findes ikke i portalen, eller posten hører til en anden person.';

export const ruter = {
  person: upsert({
    id: 'upsertPerson',
    sti: '/api/v1/personer/{kildeId}',
    scope: 'skriv:personer',
    tag: 'Personer',
    resume: 'Opret eller ret en person',
    beskrivelse:
      "Første gang knyttes en person, der allerede findes i portalen med samme CPR-nummer og uden id fra et kildesystem (fx en borger, der har logget ind), til id'et. Fødselsdatoen skal passe med CPR-nummeret.",
    krop: s.PersonSchema,
    fejlkoder: { 409: 'CPR-nummeret hører allerede til en anden person (med et andet id).' },
    udfoer: upsertPerson,
  }),
  foraeldremyndighed: upsert({
    id: 'upsertForaeldremyndighed',
    sti: '/api/v1/personer/{kildeId}/foraeldremyndighed',
    scope: 'skriv:personer',
    tag: 'Personer',
    resume: 'Hvem har forældremyndigheden over et barn',
    beskrivelse:
      'kildeId er barnets id. Listen erstatter den, jeres system sendte sidst (200 med aendret: false, når den er den samme). En forælder får adgang til barnets sager, møder og plan fra gyldigFra og til dagen før 18-årsdagen (eller gyldigTil); den, der ikke længere er på listen, mister adgangen med det samme. Forældrene skal være sendt som personer først.',
    krop: s.ForaeldremyndighedSchema,
    fejlkoder: {
      404: 'Barnet findes ikke i portalen.',
      422: 'En forælder findes ikke i portalen, eller er barnet selv.',
    },
    udfoer: upsertForaeldremyndighed,
  }),
  sag: upsert({
    id: 'upsertSag',
    sti: '/api/v1/sager/{kildeId}',
    scope: 'skriv:sager',
    tag: 'Sager',
    resume: 'Opret eller ret en sag',
    beskrivelse:
      'Når trin, frist/nyFrist eller sagsbehandler ændres i forhold til den gemte sag, skriver portalen en hændelse i klart sprog i sagens historik, som borgeren ser. Personen skal være sendt først.',
    krop: s.SagSchema,
    egenSynkorden: true,
    fejlkoder: {
      409: 'Portalen har en nyere udgave af sagen fra jeres system (kildeAendret er senere end den sendte); svaret har den gældende kildeAendret.',
      422: `${ukendtPerson} Eller sagsbehandlerOidcSub findes ikke.`,
    },
    udfoer: upsertSag,
  }),
  afgoerelse: upsert({
    id: 'upsertAfgoerelse',
    sti: '/api/v1/sager/{kildeId}/afgoerelse',
    scope: 'skriv:afgoerelser',
    tag: 'Sager',
    resume: 'Opret eller ret sagens afgørelse',
    beskrivelse:
      'kildeId er sagens id. Sagen har én afgørelse fra kildesystemet; borgeren får en hændelse, når den kommer, og når udfaldet ændres.',
    krop: s.ApiAfgoerelseSchema,
    fejlkoder: { 404: 'Sagen findes ikke i portalen.', 409: 'Sagen har allerede en afgørelse, truffet i portalen.' },
    udfoer: upsertAfgoerelse,
  }),
  brev: upsert({
    id: 'upsertBrev',
    sti: '/api/v1/breve/{kildeId}',
    scope: 'skriv:breve',
    tag: 'Sager',
    resume: 'Læg et brev på en sag',
    beskrivelse:
      'Borgeren får en hændelse i sagens historik og kan læse og udskrive brevet under "Breve og dokumenter". Et brev kan rettes med samme id; det flyttes aldrig til en anden sag.',
    krop: s.ApiBrevSchema,
    fejlkoder: { 422: `${ukendtPerson} Eller brevet hører til en anden sag.` },
    udfoer: upsertBrev,
  }),
  partshoering: upsert({
    id: 'upsertPartshoering',
    sti: '/api/v1/partshoeringer/{kildeId}',
    scope: 'skriv:breve',
    tag: 'Sager',
    resume: 'Send en partshøring',
    beskrivelse:
      'Oplysningerne lægges på sagen som et brev, og borgeren bliver bedt om at svare inden svarfristen. Trinnet på en spejlet sag ændres ikke: det sender I selv med PUT /api/v1/sager. Svaret kommer i /haendelser og /partshoeringssvar.',
    krop: s.ApiPartshoeringSchema,
    fejlkoder: {
      409: 'Partshøringen er besvaret og kan ikke ændres.',
      422: `${ukendtPerson} Eller partshøringen hører til en anden sag.`,
    },
    udfoer: upsertPartshoering,
  }),
  beskedSvar: upsert({
    id: 'upsertBeskedSvar',
    sti: '/api/v1/beskeder/{kildeId}',
    scope: 'skriv:beskeder',
    tag: 'Beskeder',
    resume: 'Svar på en besked fra borgeren',
    beskrivelse:
      "Borgerens beskeder kommer i /haendelser (type besked, med samtalens id og svarfristen). Et svar, skrevet i jeres system, sendes her med id'et på den besked, det svarer på; borgeren læser det i samtalen. Samme kildeId igen retter svaret (200 med aendret: false, når intet er ændret). Svar skrevet i portalen kommer i /haendelser som besked-svar.",
    krop: s.ApiBeskedSvarSchema,
    fejlkoder: {
      422: 'Beskeden findes ikke, hører ikke til jeres sager eller enheder, eller svaret hører til en anden samtale.',
    },
    udfoer: upsertBeskedSvar,
  }),
  moede: upsert({
    id: 'upsertMoede',
    sti: '/api/v1/moeder/{kildeId}',
    scope: 'skriv:moeder',
    tag: 'Møder',
    resume: 'Opret eller ret et møde',
    beskrivelse: 'Tidspunkter gemmes i UTC. Borgerens egne emner til dagsordenen og oplysning om bisidder bevares.',
    krop: s.ApiMoedeSchema,
    fejlkoder: { 422: ukendtPerson },
    udfoer: upsertMoede,
  }),
  plan: upsert({
    id: 'upsertPlan',
    sti: '/api/v1/planer/{kildeId}',
    scope: 'skriv:planer',
    tag: 'Planer',
    resume: 'Opret eller ret en plan',
    beskrivelse:
      'Delmål med indsatser og forandringskompassets scorer erstattes samlet med dem, der sendes, i én transaktion.',
    krop: s.ApiPlanSchema,
    fejlkoder: { 422: ukendtPerson },
    udfoer: upsertPlan,
  }),
  hjaelpemiddelAnsoegninger: liste({
    id: 'hentHjaelpemiddelAnsoegninger',
    sti: '/api/v1/hjaelpemiddel-ansoegninger',
    scope: 'laes:hjaelpemidler',
    tag: 'Fra borgerne',
    resume: 'Nye ansøgninger om hjælpemidler',
    beskrivelse: `Ansøgninger sendt i portalen efter markøren, ældste først, højst 500 ad gangen. ${SOM_FEEDET}`,
    query: s.SidenQuerySchema,
    svar: s.HjaelpemiddelAnsoegningerSvarSchema,
    udfoer: hentHjaelpemiddelAnsoegninger,
  }),
  klager: liste({
    id: 'hentKlager',
    sti: '/api/v1/klager',
    scope: 'laes:klager',
    tag: 'Fra borgerne',
    resume: 'Nye klager over afgørelser',
    beskrivelse: `Klager sendt i portalen efter markøren, ældste først, højst 500 ad gangen. ${SOM_FEEDET}`,
    query: s.SidenQuerySchema,
    svar: s.KlagerSvarSchema,
    udfoer: hentKlager,
  }),
  partshoeringssvar: liste({
    id: 'hentPartshoeringssvar',
    sti: '/api/v1/partshoeringssvar',
    scope: 'laes:partshoeringer',
    tag: 'Fra borgerne',
    resume: 'Nye svar på partshøringer',
    beskrivelse: `Svar givet i portalen efter markøren, ældste først, højst 500 ad gangen. ${SOM_FEEDET}`,
    query: s.SidenQuerySchema,
    svar: s.PartshoeringssvarSvarSchema,
    udfoer: hentPartshoeringssvar,
  }),
  tilbagekaldteSamtykker: liste({
    id: 'hentTilbagekaldteSamtykker',
    sti: '/api/v1/samtykker/tilbagekaldte',
    scope: 'laes:samtykker',
    tag: 'Fra borgerne',
    resume: 'Samtykker, borgerne har tilbagekaldt',
    beskrivelse: `Samtykker tilbagekaldt i portalen efter markøren, ældste først, højst 500 ad gangen. Stop med at indhente oplysninger fra kilden. ${SOM_FEEDET}`,
    query: s.SidenQuerySchema,
    svar: s.TilbagekaldteSamtykkerSvarSchema,
    udfoer: hentTilbagekaldteSamtykker,
  }),
  haendelser: liste({
    id: 'hentHaendelser',
    sti: '/api/v1/haendelser',
    scope: 'laes:haendelser',
    tag: 'Til journalen',
    resume: 'Hændelser til journalen',
    beskrivelse:
      'Alt, hvad portalen og dens brugere har skabt, som jeres system kan skulle journalisere, i den rækkefølge det blev gemt: klager, beskeder fra borgerne og svar og lukninger skrevet i portalen, svar på partshøringer, ansøgninger om hjælpemidler og hver ny status på dem og på udlån, fejlmeldinger og afhentninger, tilbagekaldte samtykker, emner og bisiddere til møder, evalueringer af delmål og scorer på forandringskompasset, og på sager oprettet i portalen også afgørelser, breve, overdragelser og nye frister. Hver hændelse har et fast, stigende id: gem det højeste, I har set, og hent med siden=<id>. Intet springes over, heller ikke en hændelse, der blev gemt samtidig med en anden. Hændelser på jeres egne sager kommer kun til jer; hændelser på sager, som intet system ejer, kommer til nøgler, der er bundet til sagens enhed. Klager, svar på partshøringer, ansøgninger og tilbagekaldte samtykker fra før hændelserne fandtes, er med fra begyndelsen.',
    query: s.HaendelserQuerySchema,
    svar: s.HaendelserSvarSchema,
    udfoer: hentHaendelser,
  }),
  kvitter: handling({
    id: 'kvitterHaendelser',
    sti: '/api/v1/haendelser/kvitter',
    scope: 'laes:haendelser',
    tag: 'Til journalen',
    resume: 'Kvittér for journaliserede hændelser',
    beskrivelse:
      'Send id på de hændelser, jeres system har journaliseret. Medarbejderne i portalen ser hændelser, som intet system har kvitteret for efter et døgn. At kvittere igen ændrer intet.',
    krop: s.KvitterSchema,
    svar: s.KvitteringSvarSchema,
    fejlkoder: { 422: 'Et id er ikke en hændelse, som denne nøgle får. Intet er kvitteret.' },
    udfoer: kvitter,
  }),
} satisfies Record<string, Rute>;

export const alleRuter: Rute[] = Object.values(ruter);
