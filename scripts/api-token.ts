// API keys for the case systems: create (the key is printed once), revoke and list.
//   npm run api:token -- opret --system Nexus --scope skriv:personer --scope skriv:sager --enhed oest
//   npm run api:token -- enheder <id> --enhed oest --enhed vest
//   npm run api:token -- tilbagekald <id>
//   npm run api:token -- liste
// Uses the database in DATABASE_URL (as the portal), migrated first.

import { parseArgs } from 'node:util';
import {
  alleApiRettigheder,
  apiRettigheder,
  bindEnheder,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '#/features/api/noegler.server.ts';
import { lukDatabase, migrateDatabase, openDatabase } from '../db/client.ts';

const brug = `Brug:
  node scripts/api-token.ts opret --system <navn> --scope <scope> [--scope <scope> ...] [--enhed <enhed> ...]
  node scripts/api-token.ts enheder <id> --enhed <enhed> [--enhed <enhed> ...]
  node scripts/api-token.ts tilbagekald <id>

Enheder: de enheder (fx oest, vest, boernehandicap, depot), hvis sager uden kildesystem (oprettet i
portalen) nøglen får poster og hændelser fra. * er alle enheder og poster uden enhed. Uden --enhed får
nøglen kun poster på sagerne fra sit eget system.
  node scripts/api-token.ts liste

Scopes:
${alleApiRettigheder.map((s) => `  ${s.padEnd(20)} ${apiRettigheder[s]}`).join('\n')}`;

function stop(besked: string): never {
  console.error(`${besked}\n\n${brug}`);
  process.exit(1);
}

/** An error ends the script with its message and the usage. */
const stopVed = (e: unknown): never => stop(e instanceof Error ? e.message : String(e));

/** Runs fn; a thrown error ends the script. */
function proev<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    return stopVed(e);
  }
}

const args = proev(() =>
  parseArgs({
    allowPositionals: true,
    options: {
      system: { type: 'string' },
      scope: { type: 'string', multiple: true },
      enhed: { type: 'string', multiple: true },
      hjaelp: { type: 'boolean', short: 'h' },
    },
  }),
);
const [kommando, ...rest] = args.positionals;
if (args.values.hjaelp || !kommando) {
  console.log(brug);
  process.exit(kommando || args.values.hjaelp ? 0 : 1);
}

/** The --enhed values, also comma-separated. */
const enheder = () =>
  (args.values.enhed ?? [])
    .flatMap((e) => e.split(','))
    .map((e) => e.trim())
    .filter(Boolean);

const enhedstekst = (valgte: readonly string[]) =>
  valgte.length
    ? `Den får poster på portalens sager i: ${valgte.join(', ')}.`
    : 'Den er ikke bundet til enheder, og får kun poster på sager fra sit eget system.';

const db = openDatabase();
await migrateDatabase(db);
const now = new Date();

try {
  if (kommando === 'opret') {
    const system = args.values.system;
    if (!system) stop('Angiv systemet med --system, fx --system Nexus.');
    const valgte = (args.values.scope ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const oprettet = await createApiToken(db, system, valgte, now, enheder()).catch(stopVed);
    console.log(
      `Nøgle oprettet for ${oprettet.noegle.system} (id ${oprettet.noegle.id}) med scopes: ${oprettet.noegle.scopes.join(', ')}. ${enhedstekst(oprettet.noegle.enheder)}`,
    );
    console.log('Gem nøglen nu. Den vises kun denne ene gang, og portalen gemmer kun et hash af den:\n');
    console.log(oprettet.token);
    console.log('\nSend den som headeren "Authorization: Bearer <nøgle>".');
  } else if (kommando === 'enheder') {
    const [id] = rest;
    if (!id) stop('Angiv nøglens id, fx: enheder abcd1234 --enhed oest.');
    const valgte = enheder();
    if (!(await bindEnheder(db, id, valgte).catch(stopVed))) stop(`Der er ingen aktiv nøgle med id ${id}.`);
    console.log(`Nøglen ${id}: ${enhedstekst(valgte)}`);
  } else if (kommando === 'tilbagekald') {
    const [id] = rest;
    if (!id) stop('Angiv nøglens id, fx: tilbagekald abcd1234.');
    if (!(await revokeApiToken(db, id, now))) stop(`Der er ingen aktiv nøgle med id ${id}.`);
    console.log(`Nøglen ${id} er tilbagekaldt. Kald med den afvises nu.`);
  } else if (kommando === 'liste') {
    const noegler = await listApiTokens(db);
    if (!noegler.length) console.log('Der er ingen nøgler.');
    for (const n of noegler) {
      console.log(
        `${n.id}  ${n.system.padEnd(10)} ${n.tilbagekaldt ? `tilbagekaldt ${n.tilbagekaldt}` : 'aktiv'}  oprettet ${n.oprettet}  ${n.scopes.join(' ')}  enheder: ${n.enheder.join(' ') || '(ingen)'}`,
      );
    }
  } else {
    stop(`Ukendt kommando "${kommando}".`);
  }
} finally {
  await lukDatabase(db);
}
