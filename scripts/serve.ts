// Serves the built portal (dist/): migrates the database, optionally seeds the demo and
// mounts the stand-in MitID, and sets the security headers on every response (Astro's own
// server would skip its middleware for prerendered pages).
import http from 'node:http';
import { existsSync, rmSync } from 'node:fs';
import { databasePath, migrateDatabase, openDatabase } from '../db/client.ts';
import { seedDemo } from '../db/seed.ts';
import { deleteExpiredSessions } from '../src/features/login/session.ts';
import { securityHeaders } from '../src/server/headers.ts';
import { mountTestMitid, TEST_MITID_PATH } from '../src/server/test-mitid.ts';
import { dagen } from '../src/lib/dato.ts';

const env = process.env;
const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('Portalen er ikke bygget. Kør "npm run build" først (eller "npm start").');
  process.exit(1);
}
if (env.NODE_ENV === 'production' && (env.TEST_CLOCK === '1' || env.TEST_MITID === '1')) {
  console.error('TEST_CLOCK og TEST_MITID må ikke bruges i produktion.');
  process.exit(1);
}

const port = Number(env.PORT ?? 4321);
const host = env.HOST ?? 'localhost';
env.PUBLIC_URL ??= `http://localhost:${port}`;
const trustProxy = env.TRUST_PROXY === '1';

if (env.RESET_DATABASE === '1' && env.DATABASE_URL) {
  const file = databasePath(env.DATABASE_URL);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
const db = openDatabase();
migrateDatabase(db);
if (env.DEMO_DATA === '1') seedDemo(db, dagen(new Date()));
const testMitid = env.TEST_MITID === '1' ? await mountTestMitid(db, env.PUBLIC_URL, env) : undefined;

// Sessions past their limits are deleted when touched; this removes the ones nobody touches again.
setInterval(() => deleteExpiredSessions(db, new Date()), 10 * 60_000).unref();

env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(entry.href)) as { handler: http.RequestListener };

const server = http.createServer((req, res) => {
  const https = trustProxy && req.headers['x-forwarded-proto'] === 'https';
  for (const [name, value] of Object.entries(securityHeaders({ https }))) res.setHeader(name, value);
  if (testMitid && req.url?.startsWith(`${TEST_MITID_PATH}/`)) return testMitid.handler(req, res);
  handler(req, res);
});

server.listen(port, host, () => {
  console.log(`Mit Forløb kører på ${env.PUBLIC_URL}${testMitid ? ` (med test-login på ${env.PUBLIC_URL}${TEST_MITID_PATH})` : ''}`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => {
    db.$client.close();
    process.exit(0);
  }));
}
