// npm test: every test, on both database engines, with what the tests need started first.
// TEST_MOTORER=sqlite (or postgres) runs one engine only. Each step's time is printed at the end.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall, harKommando } from './debian.ts';

const MOTORER = ['sqlite', 'postgres'] as const;
type Motor = (typeof MOTORER)[number];

const valgte = (process.env.TEST_MOTORER ?? MOTORER.join(','))
  .split(',')
  .map((m) => m.trim())
  .filter(Boolean);
const ukendte = valgte.filter((m) => !(MOTORER as readonly string[]).includes(m));
if (ukendte.length > 0 || valgte.length === 0) {
  console.error(`TEST_MOTORER skal være sqlite, postgres eller begge (komma imellem), fik "${ukendte.join(',')}".`);
  process.exit(1);
}
const motorer = MOTORER.filter((m) => valgte.includes(m));

function stop(besked: string): never {
  console.error(besked);
  process.exit(1);
}

const erRoot = process.getuid?.() === 0;

/** A Debian package the tests need: installed by root, or named for anyone else to install. */
function kraev(pakke: string, findes: () => boolean, hvorfor: string): void {
  if (findes()) return;
  if (!erRoot || !harKommando('apt-get')) {
    stop(`${hvorfor} mangler. Kør: sudo apt-get install -y ${pakke}  (og så npm test igen)`);
  }
  console.log(`Installerer ${pakke} fra Debian (${hvorfor})`);
  if (!aptInstall(pakke) || !findes()) stop(`apt-get install ${pakke} mislykkedes (se ovenfor).`);
}

kraev('chromium', () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), 'Chromium (e2e)');

const env: NodeJS.ProcessEnv = { ...process.env };
if (motorer.includes('postgres')) {
  // The reverse proxy of the two-instance test (e2e/drift-nginx.spec.ts).
  kraev('nginx', () => harKommando('nginx') || existsSync('/usr/sbin/nginx'), 'nginx (e2e på PostgreSQL)');
  if (!env.TEST_PG_URL) {
    const r = spawnSync(process.execPath, ['scripts/postgres.ts'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(r.stdout);
    const url = /^Til testene: TEST_PG_URL=(\S+)$/m.exec(r.stdout)?.[1];
    if (r.status !== 0 || !url) {
      stop('PostgreSQL kunne ikke startes (se ovenfor). Kun SQLite: TEST_MOTORER=sqlite npm test');
    }
    env.TEST_PG_URL = url;
  }
}

type Trin = { navn: string; args: string[]; motor?: Motor };
const trin: Trin[] = [
  { navn: 'porten (astro check, biome)', args: ['run', 'gate'] },
  ...motorer.map((motor): Trin => ({ navn: `enhedstests på ${motor}`, args: ['run', 'test:unit'], motor })),
  { navn: 'byg', args: ['run', 'build'] },
  ...motorer.map((motor): Trin => ({ navn: `e2e på ${motor}`, args: ['run', 'test:e2e'], motor })),
];

const tider: { navn: string; sekunder: number; ok: boolean }[] = [];
for (const t of trin) {
  console.log(`\n=== ${t.navn} ===`);
  const start = performance.now();
  const r = spawnSync('npm', t.args, {
    stdio: 'inherit',
    env: { ...env, ...(t.motor ? { TEST_MOTOR: t.motor } : {}) },
  });
  const ok = r.status === 0;
  tider.push({ navn: t.navn, sekunder: Math.round((performance.now() - start) / 1000), ok });
  // Without a clean gate or a build the rest says nothing; a failing engine does not hide the other's result.
  if (!ok && !t.motor) break;
}

console.log('\n=== npm test ===');
for (const t of tider) console.log(`${t.ok ? 'ok  ' : 'FEJL'}  ${t.navn}: ${t.sekunder} s`);
process.exit(tider.length === trin.length && tider.every((t) => t.ok) ? 0 : 1);
