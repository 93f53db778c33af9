/**
 * `maySystem`'s item rule as an SQL condition on the feed, so the API's paged feed and its lists are
 * narrowed in the query (a filter after LIMIT would break the cursor). system.test.ts checks they agree.
 */
import { and, type Column, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { ALLE_ENHEDER, type SystemNoegle } from './access.ts';

type Modtager = Pick<SystemNoegle, 'system' | 'enheder'>;

/** An unowned item the key's unit binding reaches, by the item's unit column. */
function ejerloestTil(noegle: Modtager, enhed: Column): SQL {
  if (noegle.enheder.includes(ALLE_ENHEDER)) return sql`1 = 1`;
  return noegle.enheder.length ? inArray(enhed, [...noegle.enheder]) : sql`1 = 0`;
}

/** Events on cases of the key's system, or on unowned cases of its units: the feed keeps each event's owning system and unit. */
export function systemetsEllerEnhedensHaendelser(noegle: Modtager, kildesystem: Column, enhed: Column): SQL {
  return or(eq(kildesystem, noegle.system), and(isNull(kildesystem), ejerloestTil(noegle, enhed))) ?? sql`1 = 0`;
}
