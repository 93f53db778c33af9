/** What the upserts share: the source key, the audit actor, and looking up what a payload refers to. */
import { eq } from 'drizzle-orm';
import { logAudit } from '#/features/audit/audit.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { personer, sager } from '../../../db/schema.ts';
import { uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What an upsert did: 201 when `oprettet`, otherwise 200. */
export interface UpsertUdfald {
  id: string;
  aendret: boolean;
  oprettet: boolean;
}

/** The kilde_id stored for a source system's id: "Nexus:48213". */
export const lagretKildeId = (klient: ApiKlient, kildeId: string) => `${klient.system}:${kildeId}`;

/** The source system's own id back from a stored kilde_id, or null if it belongs to another system (or none). */
export function egenKildeId(klient: ApiKlient, kildeId: string | null): string | null {
  const prefix = `${klient.system}:`;
  return kildeId?.startsWith(prefix) ? kildeId.slice(prefix.length) : null;
}

/**
 * Writes the audit entry the person sees under "Hvem har set mine oplysninger". Called inside
 * the write's transaction: better-sqlite3 runs it on the same connection, so both commit together.
 */
export async function auditSystem(
  db: Db,
  klient: ApiKlient,
  personId: string,
  handling: 'se' | 'opret' | 'ret',
  hvad: string,
  now: Date,
) {
  await logAudit(
    db,
    {
      aktoerType: 'system',
      aktoerId: klient.noegleId,
      aktoerNavn: `${klient.system} (integration)`,
      personId,
      handling,
      hvad,
    },
    now,
  );
}

/** The person a payload refers to by the same system's id, or a 422 naming the field. */
export async function findPersonFraKilde(tx: Tx, klient: ApiKlient, personKildeId: string, felt = 'personKildeId') {
  const person = foerste(
    await tx
      .select()
      .from(personer)
      .where(eq(personer.kildeId, lagretKildeId(klient, personKildeId))),
  );
  if (!person)
    throw uopfyldt(
      felt,
      `Personen "${personKildeId}" findes ikke i portalen. Send personen først med PUT /api/v1/personer/${personKildeId}.`,
    );
  return person;
}

/** The case a payload refers to, which must belong to the same person, or a 422. */
export async function findSagFraKilde(
  tx: Tx,
  klient: ApiKlient,
  sagKildeId: string,
  personId: string,
  felt = 'sagKildeId',
) {
  const sag = foerste(
    await tx
      .select()
      .from(sager)
      .where(eq(sager.kildeId, lagretKildeId(klient, sagKildeId))),
  );
  if (!sag)
    throw uopfyldt(
      felt,
      `Sagen "${sagKildeId}" findes ikke i portalen. Send sagen først med PUT /api/v1/sager/${sagKildeId}.`,
    );
  if (sag.personId !== personId) throw uopfyldt(felt, `Sagen "${sagKildeId}" hører til en anden person.`);
  return sag;
}

/** The names of the fields whose values differ (JSON values compared by content). */
export function aendredeFelter<T extends Record<string, unknown>>(gammel: T, ny: Partial<T>): (keyof T)[] {
  return (Object.keys(ny) as (keyof T)[]).filter(
    (k) => JSON.stringify(gammel[k] ?? null) !== JSON.stringify(ny[k] ?? null),
  );
}
