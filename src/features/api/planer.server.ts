/** PUT /api/v1/planer/{kildeId}: the citizen's plan, with its sub-goals, efforts and Forandringskompas. */
import { asc, eq, inArray } from 'drizzle-orm';
import { erstatPlanensIndhold, nyPlan, retPlan } from '#/features/plan/planskrivning.server.ts';
import { dagen } from '#/lib/dato.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { delmaal, indsatser, kompasscorer, planer } from '../../../db/schema.ts';
import {
  aendredeFelter,
  auditSystem,
  findPersonFraKilde,
  findSagFraKilde,
  lagretKildeId,
  type Tx,
  type UpsertUdfald,
} from './faelles.server.ts';
import { uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { PlanInput } from './schemas.ts';

type Indhold = Pick<PlanInput, 'delmaal' | 'kompas'>;

/** What the plan holds now, in the shape of the payload, so the two can be compared. */
async function gemtIndhold(tx: Tx, planId: string): Promise<Indhold> {
  const dm = await tx.select().from(delmaal).where(eq(delmaal.planId, planId)).orderBy(asc(delmaal.raekkefoelge));
  const ind = dm.length
    ? await tx
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
    delmaal: dm.map((d) => ({
      titel: d.titel,
      status: d.status,
      evaluering: d.evaluering,
      indsatser: indsatserSorteret(
        ind.filter((i) => i.delmaalId === d.id).map((i) => ({ beskrivelse: i.beskrivelse, hvem: i.hvem })),
      ),
    })),
    kompas: sorteret(
      (await tx.select().from(kompasscorer).where(eq(kompasscorer.planId, planId))).map((k) => ({
        dato: k.dato,
        dimension: k.dimension,
        score: k.score,
      })),
    ),
  };
}

const sorteret = (kompas: PlanInput['kompas']) =>
  [...kompas].sort((a, b) => a.dato.localeCompare(b.dato) || a.dimension.localeCompare(b.dimension));

// A sub-goal's efforts have no order of their own: compared as a set, in one order on both engines.
const indsatserSorteret = (indsatser: { beskrivelse: string; hvem: string }[]) =>
  [...indsatser].sort((a, b) => a.beskrivelse.localeCompare(b.beskrivelse) || a.hvem.localeCompare(b.hvem));

const normaliseret = (p: Indhold): Indhold => ({
  delmaal: p.delmaal.map((d) => ({
    titel: d.titel,
    status: d.status,
    evaluering: d.evaluering ?? null,
    indsatser: indsatserSorteret(d.indsatser.map((i) => ({ beskrivelse: i.beskrivelse, hvem: i.hvem }))),
  })),
  kompas: sorteret(p.kompas.map((k) => ({ dato: k.dato, dimension: k.dimension, score: k.score }))),
});

/**
 * Creates or updates a plan. Sub-goals, efforts and compass scores are replaced as a whole
 * with those sent, all in one transaction; when nothing differs, nothing is written.
 */
export async function upsertPlan(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: PlanInput,
  now: Date,
): Promise<UpsertUdfald> {
  const kilde = lagretKildeId(klient, kildeId);
  return await db.transaction(
    async (tx) => {
      const person = await findPersonFraKilde(tx, klient, input.personKildeId);
      const sag = input.sagKildeId ? await findSagFraKilde(tx, klient, input.sagKildeId, person.id) : undefined;
      const vaerdier = { personId: person.id, sagId: sag?.id ?? null, retningsgivendeMaal: input.retningsgivendeMaal };
      const indhold = normaliseret(input);
      const eksisterende = foerste(await tx.select().from(planer).where(eq(planer.kildeId, kilde)));
      if (!eksisterende) {
        const id = await nyPlan(tx, { ...vaerdier, oprettet: dagen(now), kildeId: kilde });
        await erstatPlanensIndhold(tx, id, indhold);
        await auditSystem(db, klient, person.id, 'opret', 'Plan med mål og forandringskompas', now);
        return { id, aendret: true, oprettet: true };
      }
      if (eksisterende.personId !== person.id)
        throw uopfyldt(
          'personKildeId',
          'Planen hører til en anden person. En plan kan ikke flyttes til en anden person.',
        );
      const planAendret = aendredeFelter(eksisterende, vaerdier).length > 0;
      const indholdAendret = JSON.stringify(await gemtIndhold(tx, eksisterende.id)) !== JSON.stringify(indhold);
      if (!planAendret && !indholdAendret) return { id: eksisterende.id, aendret: false, oprettet: false };
      if (planAendret) await retPlan(tx, eksisterende.id, vaerdier);
      if (indholdAendret) await erstatPlanensIndhold(tx, eksisterende.id, indhold);
      await auditSystem(db, klient, person.id, 'ret', 'Plan med mål og forandringskompas', now);
      return { id: eksisterende.id, aendret: true, oprettet: false };
    },
    { behavior: 'immediate' },
  );
}
