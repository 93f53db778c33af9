/**
 * Reminders the sender's job writes to the outbox when their day comes: a partshøring not answered
 * 3 working days before its deadline, a meeting the day before, and the parents' notices 90, 30 and
 * 7 days before a child's 18th birthday. Each has a fixed key, so however often the job runs, each
 * reminder is written once (the outbox's unique index).
 */
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { plusArbejdsdage } from '#/lib/arbejdsdage.ts';
import { attenAarsdag, dageMellem, dagen, plusDage } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { moeder, partshoeringer, personer, relationer, sager } from '../../../db/schema.ts';
import { varsl } from './udbakke.server.ts';

/** The parents' notices before the 18th birthday, in days. */
export const OVERGANG_VARSLER = [90, 30, 7] as const;

/** The notice due `dage` days before the birthday: the nearest threshold not yet passed, or none. */
export function overgangsvarsel(dage: number): number | null {
  if (dage < 0) return null;
  return OVERGANG_VARSLER.toReversed().find((d) => dage <= d) ?? null;
}

export async function skrivPaamindelser(db: Db, now: Date): Promise<number> {
  const idag = dagen(now);
  return await db.transaction(async (tx) => {
    let antal = 0;
    const ph = await tx
      .select({ id: partshoeringer.id, svarfrist: partshoeringer.svarfrist, personId: sager.personId })
      .from(partshoeringer)
      .innerJoin(sager, eq(sager.id, partshoeringer.sagId))
      .where(and(isNull(partshoeringer.besvaret), gte(partshoeringer.svarfrist, idag)));
    for (const p of ph)
      if (idag >= plusArbejdsdage(p.svarfrist, -3))
        antal += await varsl(
          tx,
          { omPersonId: p.personId, aarsag: 'paamindelse-partshoering', kildeId: `paamindelse:partshoering:${p.id}` },
          now,
        );

    const imorgen = plusDage(idag, 1);
    const snart = await tx
      .select({ id: moeder.id, start: moeder.start, personId: moeder.personId })
      .from(moeder)
      .where(
        and(
          gte(moeder.start, now.toISOString()),
          lte(moeder.start, new Date(now.getTime() + 2 * 86_400_000).toISOString()),
        ),
      );
    for (const m of snart)
      if (dagen(new Date(m.start)) === imorgen)
        antal += await varsl(
          tx,
          { omPersonId: m.personId, aarsag: 'paamindelse-moede', kildeId: `paamindelse:moede:${m.id}:${m.start}` },
          now,
        );

    const foraeldre = await tx
      .select({
        id: relationer.id,
        foraelder: relationer.fraPersonId,
        barn: personer.id,
        foedselsdato: personer.foedselsdato,
      })
      .from(relationer)
      .innerJoin(personer, eq(personer.id, relationer.tilPersonId))
      .where(and(eq(relationer.type, 'foraeldremyndighed'), isNull(relationer.tilbagekaldt)));
    for (const r of foraeldre) {
      const varsel = overgangsvarsel(dageMellem(idag, attenAarsdag(r.foedselsdato)));
      if (varsel !== null)
        antal += await varsl(
          tx,
          { omPersonId: r.barn, aarsag: 'overgang', kildeId: `overgang:${r.id}:${varsel}`, kun: [r.foraelder] },
          now,
        );
    }
    return antal;
  });
}
