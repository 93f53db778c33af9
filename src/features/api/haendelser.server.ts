/**
 * The outbound feed: every event the portal wrote that this key's system should journalise
 * (journal/journal.server.ts), in the order committed, paged by the events' ids; and the
 * system's receipt for what it has journalised. A call is audit-logged once per person in it.
 */
import type { z } from 'astro/zod';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { JournalType } from '#/features/journal/typer.ts';
import type { Db } from '../../../db/client.ts';
import { journalhaendelser, journalkvitteringer, personer, sager } from '../../../db/schema.ts';
import { egenKildeId } from './faelles.server.ts';
import { uopfyldt } from './fejl.ts';
import { auditPrPerson, haendelserTilKlienten, MAKS_ANTAL, personReference, type Side } from './lister.server.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { HaendelserQuery, JournalhaendelseSchema, KvitterInput } from './schemas.ts';

const STI = '/api/v1/haendelser';

/**
 * Data fields named "...KildeId" hold a stored source id ("Nexus:48213"): the reader gets its own
 * id, or null for another system's.
 */
function medEgneKildeIder(klient: ApiKlient, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      k.endsWith('KildeId') && typeof v === 'string' ? egenKildeId(klient, v) : v,
    ]),
  );
}

/** One event as the feed answers it: the response schema's own type. */
export type Journalhaendelse = z.output<typeof JournalhaendelseSchema>;

/** The events after `siden` for this key, oldest first, with this system's receipts. */
export async function hentHaendelser(
  db: Db,
  klient: ApiKlient,
  q: HaendelserQuery,
  now: Date,
): Promise<Side<Journalhaendelse>> {
  const antal = q.antal ? Number(q.antal) : MAKS_ANTAL;
  const siden = q.siden ? Number(q.siden) : 0;
  return await db.transaction(async (tx) => {
    const rows = await tx
      .select({
        h: journalhaendelser,
        person: personer,
        sagKildeId: sager.kildeId,
        kvitteret: journalkvitteringer.kvitteret,
      })
      .from(journalhaendelser)
      .innerJoin(personer, eq(personer.id, journalhaendelser.personId))
      .leftJoin(sager, eq(sager.id, journalhaendelser.sagId))
      .leftJoin(
        journalkvitteringer,
        and(eq(journalkvitteringer.loebenr, journalhaendelser.loebenr), eq(journalkvitteringer.system, klient.system)),
      )
      .where(and(gt(journalhaendelser.loebenr, siden), haendelserTilKlienten(klient)))
      .orderBy(asc(journalhaendelser.loebenr))
      .limit(antal + 1);
    const vist = rows.slice(0, antal);
    await auditPrPerson(
      tx,
      klient,
      vist.map((r) => r.person.id),
      'Hændelser til journalen hentet',
      now,
    );
    const params = new URLSearchParams();
    const sidste = vist.at(-1)?.h.loebenr ?? (q.siden ? siden : undefined);
    if (sidste !== undefined) params.set('siden', String(sidste));
    if (q.antal) params.set('antal', q.antal);
    const qs = params.toString();
    return {
      elementer: vist.map(({ h, person, sagKildeId, kvitteret }) => ({
        id: h.loebenr,
        type: h.type as JournalType,
        tidspunkt: h.tidspunkt,
        person: personReference(klient, person),
        sagId: h.sagId,
        sagKildeId: egenKildeId(klient, sagKildeId),
        genstandId: h.genstandId,
        data: medEgneKildeIder(klient, h.data),
        kvitteret: kvitteret ?? null,
      })),
      flere: rows.length > antal,
      naeste: qs ? `${STI}?${qs}` : STI,
    };
  });
}

/**
 * The system has journalised these events. All or nothing: an id the key does not receive is a
 * 422 naming it, and nothing is stored. A receipt sent again changes nothing.
 */
export async function kvitter(
  db: Db,
  klient: ApiKlient,
  input: KvitterInput,
  now: Date,
): Promise<{ kvitteret: number }> {
  const ider = [...new Set(input.ider)];
  return await db.transaction(async (tx) => {
    const egne = new Set(
      (
        await tx
          .select({ loebenr: journalhaendelser.loebenr })
          .from(journalhaendelser)
          .where(and(inArray(journalhaendelser.loebenr, ider), haendelserTilKlienten(klient)))
      ).map((r) => r.loebenr),
    );
    const ukendte = ider.filter((id) => !egne.has(id));
    if (ukendte.length)
      throw uopfyldt('ider', `Ukendte hændelser for denne nøgle: ${ukendte.join(', ')}. Intet er kvitteret.`);
    await tx
      .insert(journalkvitteringer)
      .values(
        ider.map((loebenr) => ({
          loebenr,
          system: klient.system,
          kvitteret: now.toISOString(),
          noegleId: klient.noegleId,
        })),
      )
      .onConflictDoNothing();
    return { kvitteret: ider.length };
  });
}
