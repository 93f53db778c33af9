import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * The crash test (bench/crash.ts) as part of `npm test`: a storm of complaints, partshøring
 * answers and hjælpemiddel applications through the real pages, kill -9 in the middle, a
 * restart, and the database checked. It starts its own server on its own port and database
 * (a SQLite file, or with TEST_MOTOR=postgres its own PostgreSQL database on TEST_PG_URL's server),
 * so it runs beside the other projects, which share the demo server on E2E_PORT.
 */
test('kill -9 midt i mange indsendelser: alt kvitteret findes én gang, intet er halvt gemt', async () => {
  test.setTimeout(240_000);
  const port = process.env.E2E_CRASH_PORT ?? String(Number(process.env.E2E_PORT ?? 4399) + 1);
  const root = new URL('..', import.meta.url).pathname;
  const child = spawn(process.execPath, ['bench/crash.ts'], {
    cwd: root,
    env: { ...process.env, CRASH_PORT: port, CRASH_RUNS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  test.info().annotations.push({ type: 'crashtest', description: output.trim() });
  expect(output, output).toContain('OK: 1 kørsel(er), intet tabt, ingen dubletter, intet halvt gemt.');
  expect(code, output).toBe(0);
});
