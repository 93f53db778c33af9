/**
 * The one writer of plans, their sub-goals (delmål), efforts (indsatser) and Forandringskompas
 * scores, for the caseworker and the case systems' API alike. architecture.test.ts keeps it so.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Dag } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { delmaal, indsatser, kompasscorer, planer } from '../../../db/schema.ts';

type Skriver = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
type Plan = typeof planer.$inferInsert;
type DelmaalStatus = (typeof delmaal.status.enumValues)[number];

export interface Delmaal {
  titel: string;
  status: DelmaalStatus;
  evaluering?: string | null | undefined;
  indsatser: { beskrivelse: string; hvem: string }[];
}
export interface Kompasscore {
  dato: Dag;
  dimension: string;
  score: number;
}

/** A new plan; returns its id. */
export async function nyPlan(tx: Skriver, plan: Omit<Plan, 'id'>): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(planer).values({ id, ...plan });
  return id;
}

/** Changes a plan's own fields; it never moves to another person. */
export async function retPlan(
  tx: Skriver,
  id: string,
  plan: Pick<Plan, 'sagId' | 'retningsgivendeMaal'>,
): Promise<void> {
  await tx.update(planer).set(plan).where(eq(planer.id, id));
}

/** A sub-goal at the end of the plan, with its first effort if one is given. */
export async function nytDelmaal(tx: Skriver, planId: string, d: Delmaal): Promise<string> {
  const antal = (await tx.select({ id: delmaal.id }).from(delmaal).where(eq(delmaal.planId, planId))).length;
  return await indsaetDelmaal(tx, planId, d, antal + 1);
}

async function indsaetDelmaal(tx: Skriver, planId: string, d: Delmaal, raekkefoelge: number): Promise<string> {
  const id = crypto.randomUUID();
  await tx
    .insert(delmaal)
    .values({ id, planId, titel: d.titel, status: d.status, evaluering: d.evaluering ?? null, raekkefoelge });
  for (const x of d.indsatser)
    await tx
      .insert(indsatser)
      .values({ id: crypto.randomUUID(), delmaalId: id, beskrivelse: x.beskrivelse, hvem: x.hvem });
  return id;
}

/** The evaluation with the citizen: the sub-goal's status, and what was said (kept if nothing new is written). */
export async function evaluerDelmaal(tx: Skriver, delmaalId: string, status: DelmaalStatus, evaluering: string | null) {
  const set = evaluering ? { status, evaluering } : { status };
  await tx.update(delmaal).set(set).where(eq(delmaal.id, delmaalId));
}

/** Scores on the Forandringskompas. */
export async function nyeKompasscorer(tx: Skriver, planId: string, scorer: readonly Kompasscore[]): Promise<void> {
  if (!scorer.length) return;
  await tx.insert(kompasscorer).values(scorer.map((k) => ({ id: crypto.randomUUID(), planId, ...k })));
}

/** Replaces the sub-goals, efforts and scores as a whole (a case system sends the whole plan). */
export async function erstatPlanensIndhold(
  tx: Skriver,
  planId: string,
  indhold: { delmaal: readonly Delmaal[]; kompas: readonly Kompasscore[] },
): Promise<void> {
  const gamle = (await tx.select({ id: delmaal.id }).from(delmaal).where(eq(delmaal.planId, planId))).map((d) => d.id);
  if (gamle.length) await tx.delete(indsatser).where(inArray(indsatser.delmaalId, gamle));
  await tx.delete(delmaal).where(eq(delmaal.planId, planId));
  await tx.delete(kompasscorer).where(eq(kompasscorer.planId, planId));
  for (const [i, d] of indhold.delmaal.entries()) await indsaetDelmaal(tx, planId, d, i + 1);
  await nyeKompasscorer(tx, planId, indhold.kompas);
}
