// Debian's packages for the scripts that set up what the tests and the demo need (pg:start, npm test).
import { spawnSync } from 'node:child_process';

/** True when `kommando` is on PATH. */
export function harKommando(kommando: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${kommando}`], { stdio: 'ignore' }).status === 0;
}

/** apt-get install (as root), once more after apt-get update: a fresh image has no package lists yet. */
export function aptInstall(pakke: string): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const installer = () => spawnSync('apt-get', ['install', '-y', '-qq', pakke], { stdio: 'inherit', env }).status === 0;
  if (installer()) return true;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return installer();
}
