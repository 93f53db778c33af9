// npm run db:generate [-- --name <navn>]: the migrations of both engines from db/schema.ts, in one go:
// SQLite's (db/migrations), then the PostgreSQL mirror (db/pg/schema.ts) and its migration (db/migrations-pg).
import { spawnSync } from 'node:child_process';

const drizzleKit = new URL('../node_modules/.bin/drizzle-kit', import.meta.url).pathname;
// Extra arguments (such as --name) go to both drizzle-kit runs, so the two migrations share a name.
const ekstra = process.argv.slice(2);

function koer(kommando: string, args: string[]): void {
  // Inherited terminal: drizzle-kit may ask whether a column was renamed.
  const r = spawnSync(kommando, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

koer(drizzleKit, ['generate', '--config', 'db/drizzle.config.ts', ...ekstra]);
koer(process.execPath, [new URL('./pg-skema.ts', import.meta.url).pathname]);
koer(drizzleKit, ['generate', '--config', 'db/drizzle.pg.config.ts', ...ekstra]);
