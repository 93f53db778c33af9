/**
 * A lease row per scheduled job, so that of several processes or instances on one database
 * only one runs the job at a time. Taking and renewing is one statement: the row is written
 * only if it is free, expired or already ours, and RETURNING tells whether it was.
 */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { laase } from '../../db/schema.ts';

/** This process's name as a lease holder: the host and pid say who, the random part tells restarts apart. */
export const denneProces = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Takes or renews the lease `navn` for `varighedMs` from `now`; false when another holds it unexpired. */
export async function tagLaas(
  db: Db,
  navn: string,
  indehaver: string,
  now: Date,
  varighedMs: number,
): Promise<boolean> {
  const nu = now.toISOString();
  const udloeber = new Date(now.getTime() + varighedMs).toISOString();
  const r = await db
    .insert(laase)
    .values({ navn, indehaver, udloeber })
    .onConflictDoUpdate({
      target: laase.navn,
      set: { indehaver, udloeber },
      setWhere: sql`(${laase.indehaver} = ${indehaver} or ${laase.udloeber} <= ${nu})`,
    })
    .returning({ indehaver: laase.indehaver });
  return r.length === 1;
}

/** Gives the lease back at shutdown, so another instance need not wait for it to expire. */
export async function slipLaas(db: Db, navn: string, indehaver: string): Promise<void> {
  await db.delete(laase).where(sql`${laase.navn} = ${navn} and ${laase.indehaver} = ${indehaver}`);
}

/** Runs `job` only while holding the lease; undefined when another process holds it. */
export async function medLaas<T>(
  db: Db,
  navn: string,
  indehaver: string,
  now: Date,
  varighedMs: number,
  job: () => Promise<T>,
): Promise<T | undefined> {
  return (await tagLaas(db, navn, indehaver, now, varighedMs)) ? await job() : undefined;
}
