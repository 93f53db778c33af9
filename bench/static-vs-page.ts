// Serves the built portal and measures, in one run: a prerendered page, a static file from
// the same server, and a bare Node HTTP server sending the same page from memory.
// Run on demand: `npm run build && npm run bench`. Loopback only, bounded in time.
import { spawn } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';

const PORT = 4391;
const BARE_PORT = 4392;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PAGE = process.env.BENCH_PAGE ?? '/';

// The demo (stand-in login, its own database file): the server refuses to start without a login configured.
const server = spawn(process.execPath, ['scripts/demo.ts'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: 'file:data/bench-static.db' },
  stdio: 'ignore',
});
try {
  await waitFor(`http://127.0.0.1:${PORT}/`);
  const html = await (await fetch(`http://127.0.0.1:${PORT}${PAGE}`)).text();
  const css = html.match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
  if (!css) throw new Error('Fandt ingen CSS-fil i siden');
  const bare = http.createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((r) => bare.listen(BARE_PORT, '127.0.0.1', r));

  const targets = [
    ['forudbygget side', `http://127.0.0.1:${PORT}${PAGE}`],
    ['statisk fil (CSS)', `http://127.0.0.1:${PORT}${css}`],
    ['bar Node-server', `http://127.0.0.1:${BARE_PORT}/`],
  ] as const;
  const results = [];
  for (const [name, url] of targets) {
    const r = await autocannon({ url, connections: 20, duration: SECONDS });
    results.push({ name, rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx });
  }
  bare.close();

  const [page, file, node] = results;
  if (!page || !file || !node) throw new Error('Et af de tre mål gav intet resultat');
  console.log(`\n${SECONDS} s pr. mål, 20 forbindelser, side ${PAGE}\n`);
  console.log('mål                    req/s     p99 ms   fejl');
  for (const r of results)
    console.log(
      `${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p99).padStart(10)} ${String(r.errors).padStart(6)}`,
    );
  console.log(
    `\nside / statisk fil:   req/s ${(page.rps / file.rps).toFixed(2)}   p99 ${(page.p99 / file.p99).toFixed(2)}`,
  );
  console.log(
    `side / bar Node:      req/s ${(page.rps / node.rps).toFixed(2)}   p99 ${(page.p99 / node.p99).toFixed(2)}`,
  );
} finally {
  server.kill();
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Serveren svarede ikke på ${url}`);
}
