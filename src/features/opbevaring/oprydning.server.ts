/**
 * The retention job: deletes what is past its period (src/config/opbevaring.ts). The server
 * runs it every 10 minutes, under a lease (src/server/laas.ts); `npm run db:oprydning` runs it by hand.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Opbevaring } from '#/config/opbevaring.ts';
import { rydFormularkladder } from '#/features/kladder/kladder.server.ts';
import { deleteExpiredSessions } from '#/features/login/session.ts';
import { rydFormularnoegler } from '#/lib/formularnoegle.server.ts';
import { rydHastighedsvinduer } from '#/server/rate-limit.ts';
import type { Db } from '../../../db/client.ts';
import { audit, beskedbilag, bilag, hjaelpemiddelKladder } from '../../../db/schema.ts';

export interface Oprydning {
  sessioner: number;
  kladder: number;
  bilag: number;
  logposter: number;
  /** Files in the attachment folder that no attachment row (an application's or a message's) points to. */
  foraeldreloeseFiler: number;
  /** The rate limits' windows that have ended. */
  hastighedsvinduer: number;
  /** Staff forms' one-time keys past their month. */
  formularnoegler: number;
  formularkladder: number;
}

const DAG_MS = 86_400_000;
// Deleting the log in slices keeps each write transaction short, so citizens' requests wait little.
const LOG_SKIVE = 5_000;
// A file is written just before its row; one younger than this may be an upload in progress.
const FIL_GRACE_MS = DAG_MS;

export async function ryd(db: Db, perioder: Opbevaring, bilagMappe: string, now: Date): Promise<Oprydning> {
  const sessioner = await deleteExpiredSessions(db, now);

  const kladdeGraense = new Date(now.getTime() - perioder.kladdeDage * DAG_MS).toISOString();
  const { kladder, filer } = await db.transaction(async (tx) => {
    const gamle = (
      await tx
        .select({ id: hjaelpemiddelKladder.id })
        .from(hjaelpemiddelKladder)
        .where(and(isNull(hjaelpemiddelKladder.ansoegningId), lt(hjaelpemiddelKladder.opdateret, kladdeGraense)))
    ).map((k) => k.id);
    if (!gamle.length) return { kladder: 0, filer: [] as string[] };
    const filer = (await tx.delete(bilag).where(inArray(bilag.kladdeId, gamle)).returning({ id: bilag.id })).map(
      (b) => b.id,
    );
    await tx.delete(hjaelpemiddelKladder).where(inArray(hjaelpemiddelKladder.id, gamle));
    return { kladder: gamle.length, filer };
  });
  // Files go after the rows are gone: a crash in between leaves a file without a row, which the sweep below removes.
  for (const id of filer) rmSync(join(bilagMappe, id), { force: true });

  const logGraense = new Date(now.getTime() - perioder.logDage * DAG_MS).toISOString();
  let logposter = 0;
  let n: number;
  do {
    const skive = db.select({ id: audit.id }).from(audit).where(lt(audit.tidspunkt, logGraense)).limit(LOG_SKIVE);
    n = (await db.delete(audit).where(inArray(audit.id, skive)).returning({ id: audit.id })).length;
    logposter += n;
  } while (n > 0);

  return {
    sessioner,
    kladder,
    bilag: filer.length,
    logposter,
    foraeldreloeseFiler: await rydForaeldreloeseFiler(db, bilagMappe, now),
    hastighedsvinduer: await rydHastighedsvinduer(db, now),
    formularnoegler: await rydFormularnoegler(db, now),
    formularkladder: await rydFormularkladder(db, now, perioder.kladdeDage),
  };
}

async function rydForaeldreloeseFiler(db: Db, mappe: string, now: Date): Promise<number> {
  let navne: string[];
  try {
    navne = readdirSync(mappe);
  } catch {
    return 0;
  }
  // The folder holds the applications' attachments and the messages'.
  const kendte = new Set(
    [
      ...(await db.select({ id: bilag.id }).from(bilag)),
      ...(await db.select({ id: beskedbilag.id }).from(beskedbilag)),
    ].map((b) => b.id),
  );
  let n = 0;
  for (const navn of navne) {
    const sti = join(mappe, navn);
    if (kendte.has(navn) || now.getTime() - statSync(sti).mtimeMs < FIL_GRACE_MS) continue;
    rmSync(sti, { force: true });
    n++;
  }
  return n;
}
