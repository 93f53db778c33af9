// Redaktion (issue 16): the Markdown in content/ and the versions in the database.
//   npm run indhold:import [-- --mappe content]   every file whose page has no versions yet, published now
//   npm run indhold:eksport [-- --mappe <mappe>]  every page public now, written back as Markdown
// Uses the database in DATABASE_URL (as the portal), migrated first.

import { parseArgs } from 'node:util';
import { eksporterIndhold, importerIndhold } from '#/features/redaktion/filer.server.ts';
import { RedaktionsFejl } from '#/features/redaktion/versioner.server.ts';
import { lukDatabase, migrateDatabase, openDatabase } from '../db/client.ts';

const brug = `Brug:
  npm run indhold:import [-- --mappe content]
  npm run indhold:eksport [-- --mappe <mappe>]`;

function stop(besked: string): never {
  console.error(`${besked}\n\n${brug}`);
  process.exit(1);
}

let args: ReturnType<typeof parseArgs<{ allowPositionals: true; options: { mappe: { type: 'string' } } }>>;
try {
  args = parseArgs({ allowPositionals: true, options: { mappe: { type: 'string' } } });
} catch (e) {
  stop(e instanceof Error ? e.message : String(e));
}
const [kommando] = args.positionals;
const mappe = args.values.mappe ?? 'content';

const db = openDatabase();
await migrateDatabase(db);
try {
  const now = new Date();
  if (kommando === 'import') {
    const r = await importerIndhold(db, mappe, now);
    console.log(
      `Importeret fra ${mappe}/: ${r.importeret} sider. ${r.findes} havde allerede versioner og blev ikke rørt.`,
    );
  } else if (kommando === 'eksport') {
    console.log(`Skrevet til ${mappe}/: ${await eksporterIndhold(db, mappe, now)} publicerede sider.`);
  } else {
    stop(`Ukendt kommando "${kommando ?? ''}".`);
  }
} catch (e) {
  if (e instanceof RedaktionsFejl) stop(`Intet blev gemt for siden med fejl: ${e.message}`);
  throw e;
} finally {
  await lukDatabase(db);
}
