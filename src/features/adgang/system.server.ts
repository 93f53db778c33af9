/**
 * `maySystem`'s case rule as an SQL condition, so the API's paged lists are narrowed in the
 * query (a filter after LIMIT would break the cursor). system.test.ts checks both agree.
 */
import { type Column, isNull, or, type SQL, sql } from 'drizzle-orm';

/** Cases of `system`, or cases no system owns, by the case's kilde_id column (null for a missing case). */
export function systemetsEllerIngensSager(system: string, kildeId: Column): SQL {
  const prefix = `${system}:`;
  return or(isNull(kildeId), sql`substr(${kildeId}, 1, ${prefix.length}) = ${prefix}`) ?? sql`0`;
}
