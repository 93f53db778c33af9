// Serves the built portal (dist/) with security headers on every response.
// Astro's own server would skip middleware for prerendered pages; this wrapper does not.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { securityHeaders } from '../src/server/headers.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('Portalen er ikke bygget. Kør "npm run build" først (eller "npm start").');
  process.exit(1);
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(entry.href)) as { handler: http.RequestListener };

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const trustProxy = process.env.TRUST_PROXY === '1';

const server = http.createServer((req, res) => {
  const https = trustProxy && req.headers['x-forwarded-proto'] === 'https';
  for (const [name, value] of Object.entries(securityHeaders({ https }))) res.setHeader(name, value);
  handler(req, res);
});

server.listen(port, host, () => console.log(`Mit Forløb kører på http://${host}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
