/**
 * PostgreSQL's own client programs (pg_dump, pg_restore, psql from Debian's postgresql-client), found
 * on PATH and started with the connection from a postgres:// URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type PgProgram = 'pg_dump' | 'pg_restore' | 'psql';

/** The program's path, or a Danish message naming the package that has it. */
export function findPgProgram(navn: PgProgram): string {
  for (const mappe of (process.env.PATH ?? '').split(delimiter)) {
    if (!mappe) continue;
    const sti = join(mappe, navn);
    try {
      accessSync(sti, constants.X_OK);
      return sti;
    } catch {
      // not in this folder
    }
  }
  throw new Error(
    `${navn} mangler. Installér PostgreSQL's klientprogrammer: sudo apt-get install postgresql-client (samme eller nyere version end serveren).`,
  );
}

export interface PgForbindelse {
  /** The URL without its password: it goes on the command line, where other users can read it (ps). */
  dbname: string;
  env: NodeJS.ProcessEnv;
}

/** How a program connects to `url`: the password through the environment, named in pg_stat_activity. */
export function pgForbindelse(url: string, programnavn: string): PgForbindelse {
  const u = new URL(url);
  const kode = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: programnavn };
  if (kode) env.PGPASSWORD = kode;
  return { dbname: u.toString(), env };
}

export interface Udfald {
  kode: number | null;
  stdout: string;
  stderr: string;
}

/** Waits for a started program to end, with what it wrote (streams that are not piped stay empty). */
export function udfald(p: ChildProcess, medStdout = true): Promise<Udfald> {
  let stdout = '';
  let stderr = '';
  if (medStdout) p.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  p.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (kode) => resolve({ kode, stdout, stderr }));
  });
}

/** Runs a program to its end; never prompts for a password (--no-password is the caller's). */
export function koerPg(navn: PgProgram, args: string[], env: NodeJS.ProcessEnv): Promise<Udfald> {
  return udfald(spawn(findPgProgram(navn), args, { env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The first lines of a program's error output, for a message. */
export function fejltekst(u: Udfald): string {
  return (u.stderr || u.stdout).trim().split('\n').slice(0, 3).join(' ') || `slutkode ${u.kode}`;
}
