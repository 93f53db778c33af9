/**
 * The one instant the whole e2e run is pinned to. The demo server starts with it as TEST_NOW
 * (playwright.config.ts): its demo data is dated from this day and its clock stands here unless a
 * test moves it (saetDato), so no journey depends on the real date, and a run may cross midnight.
 */
import { type Dag, dagen, plusDage } from '#/lib/dato.ts';

export const E2E_NU = new Date('2026-12-02T10:00:00.000Z');

/** The run's "today" in Copenhagen. */
export const E2E_DAG: Dag = dagen(E2E_NU);

/** The day `n` days after the run's today. */
export const omDage = (n: number): Dag => plusDage(E2E_DAG, n);

/** The instant `dage` days and `minutter` minutes after E2E_NU, as x-test-now takes it. */
export const efterNu = (dage: number, minutter = 0): string =>
  new Date(E2E_NU.getTime() + dage * 86_400_000 + minutter * 60_000).toISOString();
