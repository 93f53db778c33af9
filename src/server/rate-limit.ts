/**
 * A fixed-window rate limit per key (client address and route group), kept in the database so
 * every process and instance on it counts together: the limit is per database, not per process.
 * One upsert per counted request; the window's rule lives in that one statement so two
 * processes counting at once cannot both start a fresh window.
 */
import { lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hastighedsvinduer } from '../../db/schema.ts';

const v = hastighedsvinduer;

// Plain fields, not parameter properties: scripts/serve.ts loads this through Node's type stripping.
export class RateLimit {
  /** The route group, part of every key ("login", "post"). */
  private readonly gruppe: string;
  private readonly max: number;
  private readonly vinduesMs: number;

  constructor(gruppe: string, max: number, vinduesMs: number) {
    this.gruppe = gruppe;
    this.max = max;
    this.vinduesMs = vinduesMs;
  }

  /** Counts one request; false when the key has used its quota in the current window. */
  async tillad(db: Db, key: string, now: number): Promise<boolean> {
    const start = new Date(now).toISOString();
    const slut = new Date(now + this.vinduesMs).toISOString();
    // A window that has ended, or starts in the future (a clock stepped back, the test clock), starts again now.
    const nyt = sql`(${start} < ${v.start} or ${start} >= ${v.slut})`;
    const [r] = await db
      .insert(v)
      .values({ noegle: `${this.gruppe}:${key}`, start, slut, antal: 1 })
      .onConflictDoUpdate({
        target: v.noegle,
        set: {
          start: sql`case when ${nyt} then ${start} else ${v.start} end`,
          slut: sql`case when ${nyt} then ${slut} else ${v.slut} end`,
          antal: sql`case when ${nyt} then 1 else ${v.antal} + 1 end`,
        },
      })
      .returning({ antal: v.antal });
    return (r?.antal ?? 1) <= this.max;
  }
}

/** Deletes the windows that have ended or start after `now` (the retention job); the number deleted. */
export async function rydHastighedsvinduer(db: Db, now: Date): Promise<number> {
  const nu = now.toISOString();
  return (
    await db
      .delete(v)
      .where(or(lte(v.slut, nu), sql`${v.start} > ${nu}`))
      .returning({ noegle: v.noegle })
  ).length;
}
