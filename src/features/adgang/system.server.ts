/**
 * `maySystem`'s item rule as SQL conditions, so the API's paged lists and feed are narrowed in
 * the query (a filter after LIMIT would break the cursor). system.test.ts checks they agree.
 */
import { and, type Column, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { ALLE_ENHEDER, type SystemNoegle } from './access.ts';

type Modtager = Pick<SystemNoegle, 'system' | 'enheder'>;

/** An unowned item the key's unit binding reaches, by the item's unit column. */
function ejerloestTil(noegle: Modtager, enhed: Column): SQL {
  if (noegle.enheder.includes(ALLE_ENHEDER)) return sql`1 = 1`;
  return noegle.enheder.length ? inArray(enhed, [...noegle.enheder]) : sql`1 = 0`;
}

/** Items on cases of the key's system, or on unowned cases of its units, by the case's kilde_id and unit (null for no case). */
export function systemetsEllerEnhedensSager(noegle: Modtager, kildeId: Column, enhed: Column): SQL {
  const prefix = `${noegle.system}:`;
  return (
    or(
      and(isNotNull(kildeId), sql`substr(${kildeId}, 1, ${prefix.length}) = ${prefix}`),
      and(isNull(kildeId), ejerloestTil(noegle, enhed)),
    ) ?? sql`1 = 0`
  );
}

/** The same rule on the outbound feed, which keeps the owning system's name and the unit of each event. */
export function systemetsEllerEnhedensHaendelser(noegle: Modtager, kildesystem: Column, enhed: Column): SQL {
  return or(eq(kildesystem, noegle.system), and(isNull(kildesystem), ejerloestTil(noegle, enhed))) ?? sql`1 = 0`;
}
