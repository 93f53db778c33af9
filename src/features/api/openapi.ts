/**
 * The OpenAPI 3.1 document, generated from the route table and the zod schemas
 * (z.toJSONSchema), so it cannot drift from what the API accepts.
 */
import { z } from 'astro/zod';
import { alleApiRettigheder, apiRettigheder } from './noegler.server.ts';
import { alleRuter, type Rute } from './ruter.server.ts';
import { apiSchemas, KildeIdSchema } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A component schema without the keywords that only belong at a document's root. */
function uden$(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

const jsonSchema = (schema: z.ZodType) =>
  uden$(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema);

function schemaId(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("Et skema i API'et mangler et navn i apiSchemas.");
  return id;
}

const fejlsvar = (beskrivelse: string) => ({
  description: beskrivelse,
  content: { 'application/json': { schema: ref('Fejl') } },
});

const faellesFejl = {
  401: fejlsvar('Adgangsnøglen mangler, er ugyldig eller tilbagekaldt.'),
  403: fejlsvar('Adgangsnøglen har ikke scopet, som kaldet kræver.'),
  429: { description: 'For mange kald fra samme adresse pr. minut. Vent, og prøv igen (se Retry-After).' },
};

/** The answers of a route that reads a JSON body, beside its own. */
const kropFejl = {
  413: fejlsvar('Kroppen er større end 1 MB.'),
  415: fejlsvar('Kroppen er ikke sendt som application/json.'),
};

const krop = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: ref(schemaId(schema)) } },
});

function operation(rute: Rute) {
  const faelles = {
    operationId: rute.id,
    tags: [rute.tag],
    summary: rute.resume,
    description: `${rute.beskrivelse}\n\nKræver scopet \`${rute.scope}\`.`,
    security: [{ bearer: [rute.scope] }],
  };
  if (rute.type === 'upsert') {
    return {
      ...faelles,
      parameters: [
        {
          name: 'kildeId',
          in: 'path',
          required: true,
          description: KildeIdSchema.description,
          schema: jsonSchema(KildeIdSchema),
        },
      ],
      requestBody: krop(rute.krop),
      responses: {
        200: {
          description: 'Posten er rettet (aendret: true) eller var allerede sådan (aendret: false).',
          content: { 'application/json': { schema: ref('UpsertSvar') } },
        },
        201: { description: 'Posten er oprettet.', content: { 'application/json': { schema: ref('UpsertSvar') } } },
        400: fejlsvar('Ugyldige data (se felter), ugyldig JSON eller ukendte felter. Intet er gemt.'),
        ...faellesFejl,
        ...Object.fromEntries(
          Object.entries(rute.fejlkoder).map(([kode, tekst]) => [kode, fejlsvar(`${tekst} Intet er gemt.`)]),
        ),
        ...kropFejl,
      },
    };
  }
  if (rute.type === 'handling') {
    return {
      ...faelles,
      requestBody: krop(rute.krop),
      responses: {
        200: { description: 'Udført.', content: { 'application/json': { schema: ref(schemaId(rute.svar)) } } },
        400: fejlsvar('Ugyldige data (se felter) eller ugyldig JSON. Intet er gemt.'),
        ...faellesFejl,
        ...Object.fromEntries(Object.entries(rute.fejlkoder).map(([kode, tekst]) => [kode, fejlsvar(tekst)])),
        ...kropFejl,
      },
    };
  }
  return {
    ...faelles,
    parameters: Object.entries(rute.query.shape).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      description: schema.description,
      schema: jsonSchema(schema),
    })),
    responses: {
      200: { description: 'En side af listen.', content: { 'application/json': { schema: ref(schemaId(rute.svar)) } } },
      400: fejlsvar('Ugyldige parametre.'),
      ...faellesFejl,
    },
  };
}

const BESKRIVELSE = `Kommunens fagsystemer (DUBU for børn, Nexus/CURA for voksne) spejler deres data ind i Mit Forløb gennem dette API, og henter det, borgerne har sendt i portalen.

**Adgang.** Hvert kald sender \`Authorization: Bearer <nøgle>\`. Nøglen oprettes af driften med \`npm run api:token -- opret --system Nexus --scope skriv:personer ...\` og vises kun én gang. Nøglen hører til ét system, og alle id'er fra systemet gemmes som "<system>:<id>". Kald skrives i borgerens log over, hvem der har set og rettet oplysningerne.

**Skrivning.** PUT er idempotent og nøglet på kildesystemets id: 201 når posten oprettes, 200 med \`aendret: true\` når den rettes, og 200 med \`aendret: false\` når den allerede var sådan (intet skrives). PUT erstatter hele posten; et valgfrit felt, der udelades eller er null, bliver tomt. Ukendte felter afvises. Hvert kald er én transaktion: ved fejl gemmes intet. En sag sendes med \`kildeAendret\` (hvornår den sidst blev ændret hos jer): et kald, der er ældre end portalens udgave, ændrer intet og får 409 med den gældende. Send \`Content-Type: application/json\`.

**Læsning.** Listerne giver poster efter en markør, ældste først, højst 500 ad gangen. Gem \`naeste\` og kald den næste gang; er \`flere\` true, så kald den med det samme. Personen angives med \`personKildeId\` (jeres id), når personen er sendt fra jeres system; ellers (fx en borger, der selv har logget ind først) med CPR-nummeret. Lister og hændelser indeholder kun poster på jeres egne sager, og poster på sager, som intet system ejer (fx oprettet i portalen), i de enheder, nøglen er bundet til (\`--enhed oest\`, eller \`*\` for alle).

**Til journalen.** \`GET /api/v1/haendelser\` giver alt, hvad jeres system skal journalisere, i rækkefølge med faste id'er; kvittér med \`POST /api/v1/haendelser/kvitter\`.

**Fejl** er JSON: \`{ "fejl": "...", "felter": [{ "felt": "trin", "besked": "..." }] }\` med beskeder på dansk.`;

let dokument: JsonSchema | undefined;

/** The whole document; built once. */
export function openApiDokument(): JsonSchema {
  if (dokument) return dokument;
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const paths: Record<string, Record<string, unknown>> = {
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openapi',
        tags: ['Dokumentation'],
        summary: "Denne beskrivelse af API'et",
        security: [],
        responses: {
          200: {
            description: 'OpenAPI 3.1-dokumentet.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  };
  for (const rute of alleRuter) paths[rute.sti] = { ...paths[rute.sti], [rute.metode.toLowerCase()]: operation(rute) };
  dokument = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Mit Forløb – integrations-API', version: '1.0.0', description: BESKRIVELSE },
    tags: [
      { name: 'Personer' },
      { name: 'Sager' },
      { name: 'Møder' },
      { name: 'Planer' },
      { name: 'Fra borgerne' },
      { name: 'Til journalen' },
      { name: 'Dokumentation' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, uden$(schema)])),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: `Nøglen "<id>.<hemmelighed>". Scopes: ${alleApiRettigheder.map((s) => `\`${s}\` (${apiRettigheder[s]})`).join(', ')}.`,
        },
      },
    },
  };
  return dokument;
}
