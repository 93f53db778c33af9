/** The citizen's plan: guiding goal, sub-goals with efforts, and Forandringskompasset scores. */
import { asc, eq, inArray } from 'drizzle-orm';
import { type Bruger, kraevPersonMedSager } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { delmaal, indsatser, kompasscorer, planer } from '../../../db/schema.ts';

export async function planerFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  const { person, maaSe } = await kraevPersonMedSager(
    db,
    bruger,
    'se-plan',
    personId,
    { handling: 'se', hvad: 'Plan og mål' },
    now,
  );
  const alle = (
    await db.select().from(planer).where(eq(planer.personId, personId)).orderBy(asc(planer.oprettet))
  ).filter((p) => maaSe(p.sagId));
  return {
    person,
    planer: await Promise.all(
      alle.map(async (plan) => {
        const dm = await db
          .select()
          .from(delmaal)
          .where(eq(delmaal.planId, plan.id))
          .orderBy(asc(delmaal.raekkefoelge));
        const ind = dm.length
          ? await db
              .select()
              .from(indsatser)
              .where(
                inArray(
                  indsatser.delmaalId,
                  dm.map((d) => d.id),
                ),
              )
          : [];
        return {
          plan,
          delmaal: dm.map((d) => ({ ...d, indsatser: ind.filter((i) => i.delmaalId === d.id) })),
          scores: await db
            .select({ dato: kompasscorer.dato, dimension: kompasscorer.dimension, score: kompasscorer.score })
            .from(kompasscorer)
            .where(eq(kompasscorer.planId, plan.id)),
        };
      }),
    ),
  };
}
