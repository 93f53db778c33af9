import { defineConfig, devices } from '@playwright/test';
import { e2eDatabaseUrl } from './database.ts';
import { E2E_NU } from './klokke.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Debian's Chromium: Playwright cannot download its own browser here.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  // No retries: the journeys change the demo data, so a retry would not start from the same state.
  retries: 0,
  // axe on a long page takes seconds on a small CI machine; the default 30 s left no margin.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
  },
  // Journeys that change the demo data run after the ones that read it, so "sees exactly
  // these cases" is always checked against the seed as personas.md describes it.
  projects: [
    {
      name: 'laesning',
      testIgnore: /(min-side|overgang|hjaelpemidler|medarbejder|redaktion|beskeder|fuzz|logscan|drift(-.*)?)\.spec\.ts/,
      use: { ...chromium },
    },
    {
      name: 'aendringer',
      testMatch: /(min-side|overgang|hjaelpemidler)\.spec\.ts/,
      dependencies: ['laesning'],
      use: { ...chromium },
    },
    // Staff change the same cases the citizens' journeys use (and editors a pjece), so they come last.
    {
      name: 'medarbejder',
      testMatch: /(medarbejder|redaktion)\.spec\.ts/,
      dependencies: ['aendringer'],
      use: { ...chromium },
    },
    // Messages put "Du har et nyt svar" on Min side and in staff inboxes: after the journeys that read those.
    { name: 'beskeder', testMatch: /beskeder\.spec\.ts/, dependencies: ['medarbejder'], use: { ...chromium } },
    // Thousands of hostile requests, some of them valid forms that are saved: after everything else.
    { name: 'fuzz', testMatch: /fuzz\.spec\.ts/, dependencies: ['beskeder'], use: { ...chromium } },
    // The server's log of the whole run, hostile input included, checked for personal data at the end.
    { name: 'logscan', testMatch: /logscan\.spec\.ts/, dependencies: ['fuzz'] },
    // Operations tests (shutdown, proxy, the crash test in bench/crash.ts) start their own servers on
    // their own ports and database files. They run last: the crash test's storm beside two browsers
    // running axe starves a 2-core machine.
    { name: 'drift', testMatch: /drift(-.*)?\.spec\.ts/, dependencies: ['logscan'], use: { ...chromium } },
  ],
  webServer: {
    // Tests run against the built portal, as it runs in production (npm test builds first).
    // The log goes to the terminal and to data/e2e-server.log, which logscan.spec.ts reads.
    command: 'mkdir -p data && node scripts/demo.ts 2>&1 | tee data/e2e-server.log',
    cwd: '..',
    // One pinned clock for the run (klokke.ts): the server's clock stands at TEST_NOW unless a test
    // moves it with x-test-now. A rate-limit window then never ends: the limits are above what the run sends.
    env: {
      PORT: String(port),
      HOST: 'localhost',
      DATABASE_URL: e2eDatabaseUrl('e2e'),
      RESET_DATABASE: '1',
      TEST_CLOCK: '1',
      TEST_NOW: E2E_NU.toISOString(),
      RATE_LIMIT_LOGIN: '1000000',
      RATE_LIMIT_POST: '1000000',
      // Two workers take turns with the requests, so every journey (logins included) crosses processes.
      WORKERS: '2',
    },
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
