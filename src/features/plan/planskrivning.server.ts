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
export function nyPlan(tx: Skriver, plan: Omit<Plan, 'id'>): string {
  const id = crypto.randomUUID();
  tx.insert(planer)
    .values({ id, ...plan })
    .run();
  return id;
}

/** Changes a plan's own fields; it never moves to another person. */
export function retPlan(tx: Skriver, id: string, plan: Pick<Plan, 'sagId' | 'retningsgivendeMaal'>): void {
  tx.update(planer).set(plan).where(eq(planer.id, id)).run();
}

/** A sub-goal at the end of the plan, with its first effort if one is given. */
export function nytDelmaal(tx: Skriver, planId: string, d: Delmaal): string {
  const antal = tx.select({ id: delmaal.id }).from(delmaal).where(eq(delmaal.planId, planId)).all().length;
  return indsaetDelmaal(tx, planId, d, antal + 1);
}

function indsaetDelmaal(tx: Skriver, planId: string, d: Delmaal, raekkefoelge: number): string {
  const id = crypto.randomUUID();
  tx.insert(delmaal)
    .values({ id, planId, titel: d.titel, status: d.status, evaluering: d.evaluering ?? null, raekkefoelge })
    .run();
  for (const x of d.indsatser)
    tx.insert(indsatser)
      .values({ id: crypto.randomUUID(), delmaalId: id, beskrivelse: x.beskrivelse, hvem: x.hvem })
      .run();
  return id;
}

/** The evaluation with the citizen: the sub-goal's status, and what was said (kept if nothing new is written). */
export function evaluerDelmaal(tx: Skriver, delmaalId: string, status: DelmaalStatus, evaluering: string | null) {
  const set = evaluering ? { status, evaluering } : { status };
  tx.update(delmaal).set(set).where(eq(delmaal.id, delmaalId)).run();
}

/** Scores on the Forandringskompas. */
export function nyeKompasscorer(tx: Skriver, planId: string, scorer: readonly Kompasscore[]): void {
  if (!scorer.length) return;
  tx.insert(kompasscorer)
    .values(scorer.map((k) => ({ id: crypto.randomUUID(), planId, ...k })))
    .run();
}

/** Replaces the sub-goals, efforts and scores as a whole (a case system sends the whole plan). */
export function erstatPlanensIndhold(
  tx: Skriver,
  planId: string,
  indhold: { delmaal: readonly Delmaal[]; kompas: readonly Kompasscore[] },
): void {
  const gamle = tx
    .select({ id: delmaal.id })
    .from(delmaal)
    .where(eq(delmaal.planId, planId))
    .all()
    .map((d) => d.id);
  if (gamle.length) tx.delete(indsatser).where(inArray(indsatser.delmaalId, gamle)).run();
  tx.delete(delmaal).where(eq(delmaal.planId, planId)).run();
  tx.delete(kompasscorer).where(eq(kompasscorer.planId, planId)).run();
  indhold.delmaal.forEach((d, i) => {
    indsaetDelmaal(tx, planId, d, i + 1);
  });
  nyeKompasscorer(tx, planId, indhold.kompas);
}
