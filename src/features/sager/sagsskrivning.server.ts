/**
 * The one writer of a case's own facts: the case itself, its step (with the line the citizen
 * reads under it), its deadline and its caseworker. Each change is written together with the
 * history event that tells the citizen, in the caller's transaction. Caseworkers, citizens'
 * complaints and applications, decisions and the case systems' API all come through here, so the
 * rule about who may change which fact (ejerskab.ts) has one place to live: each writer below takes
 * the case system that writes (`kildesystem`, through the API), or null for the portal, and refuses
 * a fact another system owns. architecture.test.ts keeps the writers here.
 */

import { eq } from 'drizzle-orm';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { type Dag, dagen } from '#/lib/dato.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { sager, sagsbehandlerskift } from '../../../db/schema.ts';
import { type Fakta, kraevEjerskab } from './ejerskab.ts';
import { type Haendelse, sagsbehandlerMangler, sagsbehandlerSkiftet, skrivHaendelse } from './haendelser.ts';

type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;
type NySag = typeof sager.$inferInsert;

/**
 * Refuses the write when the owner table gives `fakta` of the case to another than `kildesystem`.
 * Returns the case's person when the portal wrote a fact it owns: that goes to the journal.
 */
async function kraevEjer(
  tx: Skriver,
  sagId: string,
  fakta: Fakta,
  kildesystem: string | null,
): Promise<{ personId: string } | null> {
  const sag = foerste(
    await tx.select({ kildeId: sager.kildeId, personId: sager.personId }).from(sager).where(eq(sager.id, sagId)),
  );
  if (!sag) return null;
  kraevEjerskab(sag, fakta, kildesystem);
  return kildesystem === null ? sag : null;
}

/** A new case and the events that open its history; returns its id. */
export async function opretSag(
  tx: Skriver,
  sag: Omit<NySag, 'id'>,
  haendelser: readonly Haendelse[],
  now: Date,
  af: string | null = null,
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(sager).values({ id, ...sag });
  for (const h of haendelser) await skrivHaendelse(tx, id, h, now, af);
  return id;
}

/** What a case is (title, legal basis, unit, when it arrived, whether it is open): no event, nothing the citizen is told. */
export async function retSagsoplysninger(
  tx: Skriver,
  sagId: string,
  oplysninger: Partial<
    Pick<NySag, 'titel' | 'sagsart' | 'lovgrundlag' | 'enhed' | 'modtaget' | 'aaben' | 'kildeAendret'>
  >,
  kildesystem: string | null = null,
): Promise<void> {
  await kraevEjer(tx, sagId, 'oplysninger', kildesystem);
  await tx.update(sager).set(oplysninger).where(eq(sager.id, sagId));
}

/** The step, the line under it and whether the case is open, with the event that says so (none for a quiet correction). */
export async function saetTrin(
  tx: Skriver,
  sagId: string,
  trin: { trin?: number; trinTekst: string | null; aaben?: boolean },
  haendelse: Haendelse | null,
  now: Date,
  af: string | null = null,
  kildesystem: string | null = null,
): Promise<void> {
  await kraevEjer(tx, sagId, 'trin', kildesystem);
  await tx.update(sager).set(trin).where(eq(sager.id, sagId));
  if (haendelse) await skrivHaendelse(tx, sagId, haendelse, now, af);
}

/** The deadline: the published one (`frist`) and a later date with its reason (`nyFrist`). */
export async function saetFrist(
  tx: Skriver,
  sagId: string,
  frist: { frist?: Dag; nyFrist: Dag | null; nyFristBegrundelse: string | null },
  haendelse: Haendelse | null,
  now: Date,
  af: string | null = null,
  kildesystem: string | null = null,
): Promise<void> {
  const portalens = await kraevEjer(tx, sagId, 'frist', kildesystem);
  await tx.update(sager).set(frist).where(eq(sager.id, sagId));
  if (haendelse) await skrivHaendelse(tx, sagId, haendelse, now, af);
  if (portalens)
    await tilJournal(
      tx,
      { type: 'frist', personId: portalens.personId, sagId, genstandId: sagId, data: { ...frist } },
      now,
    );
}

/**
 * Another caseworker, or none for now. A new caseworker is also kept in `sagsbehandlerskift`,
 * from which the case page tells the citizen about a recent change.
 */
export async function skiftSagsbehandler(
  tx: Skriver,
  sag: { id: string; sagsbehandlerId: string | null },
  til: { id: string; navn: string } | null,
  skift: { planlagt: boolean; midlertidig: boolean; begrundelse: string | null },
  now: Date,
  af: string | null = null,
  kildesystem: string | null = null,
): Promise<void> {
  const portalens = await kraevEjer(tx, sag.id, 'sagsbehandler', kildesystem);
  const skiftId = crypto.randomUUID();
  if (til) {
    await tx.insert(sagsbehandlerskift).values({
      id: skiftId,
      sagId: sag.id,
      fraId: sag.sagsbehandlerId,
      tilId: til.id,
      dato: dagen(now),
      ...skift,
    });
  }
  if (portalens)
    await tilJournal(
      tx,
      {
        type: 'sagsbehandlerskift',
        personId: portalens.personId,
        sagId: sag.id,
        genstandId: til ? skiftId : sag.id,
        data: { fraId: sag.sagsbehandlerId, tilId: til?.id ?? null, tilNavn: til?.navn ?? null, ...skift },
      },
      now,
    );
  await tx
    .update(sager)
    .set({ sagsbehandlerId: til?.id ?? null })
    .where(eq(sager.id, sag.id));
  await skrivHaendelse(
    tx,
    sag.id,
    til ? sagsbehandlerSkiftet(til.navn, skift.midlertidig) : sagsbehandlerMangler(),
    now,
    af,
  );
}

/**
 * A case without a caseworker gets the staff member who acts on it. No event of its own: the
 * action that picks it up writes one, and the case page shows the name.
 */
export async function tildelHvisLedig(
  tx: Skriver,
  sag: { id: string; sagsbehandlerId: string | null },
  medarbejderId: string,
) {
  if (sag.sagsbehandlerId) return;
  await tx.update(sager).set({ sagsbehandlerId: medarbejderId }).where(eq(sager.id, sag.id));
}
