/**
 * The outbox of notices, and its one writer. `varsl` is called inside the transaction of the change
 * that causes the notice, so a committed change always has its notice and a rolled-back one has
 * none; the sender (afsender.server.ts) delivers them later. One row per event, receiver and
 * channel (a unique index): the same event never notifies the same address twice.
 */
import { and, desc, eq } from 'drizzle-orm';
import { maaSeSagerFor } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { kontaktvalg, notifikationer, sager } from '../../../db/schema.ts';
import { udenforStilletid } from './regler.ts';

type Skriver = Pick<Db, 'select' | 'insert'>;
export type Kontaktvalg = typeof kontaktvalg.$inferSelect;

/** The confirmed, not refused addresses a choice sends to. */
export function aktiveKanaler(v: Kontaktvalg): { kanal: 'email' | 'sms'; adresse: string }[] {
  const ud: { kanal: 'email' | 'sms'; adresse: string }[] = [];
  if ((v.kanaler === 'email' || v.kanaler === 'begge') && v.email && v.emailBekraeftet && !v.emailAfvist)
    ud.push({ kanal: 'email', adresse: v.email });
  if ((v.kanaler === 'sms' || v.kanaler === 'begge') && v.telefon && v.telefonBekraeftet && !v.smsAfvist)
    ud.push({ kanal: 'sms', adresse: v.telefon });
  return ud;
}

/** Writes the notices of an event about `omPersonId`: to the person and to each relative who still may see. */
export async function varsl(
  tx: Skriver,
  n: { omPersonId: string; aarsag: string; kildeId: string; kun?: readonly string[] },
  now: Date,
): Promise<number> {
  const valg = await tx.select().from(kontaktvalg).where(eq(kontaktvalg.omPersonId, n.omPersonId));
  let antal = 0;
  for (const v of valg) {
    if (n.kun && !n.kun.includes(v.modtagerId)) continue;
    const kanaler = aktiveKanaler(v);
    if (kanaler.length === 0 || !(await maaSeSagerFor(tx, v.modtagerId, n.omPersonId, now))) continue;
    for (const { kanal, adresse } of kanaler) {
      await tx
        .insert(notifikationer)
        .values({
          id: crypto.randomUUID(),
          modtagerId: v.modtagerId,
          omPersonId: n.omPersonId,
          kanal,
          adresse,
          aarsag: n.aarsag,
          kildeId: n.kildeId,
          oprettet: now.toISOString(),
          tidligst: udenforStilletid(now).toISOString(),
        })
        .onConflictDoNothing();
      antal++;
    }
  }
  return antal;
}

/** An event on a case: the notice goes to the case's person (and those who act for them). */
export async function varslOmSag(tx: Skriver, sagId: string, aarsag: string, kildeId: string, now: Date) {
  const [sag] = await tx.select({ personId: sager.personId }).from(sager).where(eq(sager.id, sagId));
  if (sag) await varsl(tx, { omPersonId: sag.personId, aarsag, kildeId }, now);
}

/**
 * For staff on the person's page (the caller has passed the door): which channels the person has
 * chosen for themselves, never the address, and how the last notice went.
 */
export async function kontaktstatus(db: Pick<Db, 'select'>, personId: string) {
  const valg = (
    await db
      .select()
      .from(kontaktvalg)
      .where(and(eq(kontaktvalg.modtagerId, personId), eq(kontaktvalg.omPersonId, personId)))
  )[0];
  const [sidste] = await db
    .select({ status: notifikationer.status, kanal: notifikationer.kanal, oprettet: notifikationer.oprettet })
    .from(notifikationer)
    .where(eq(notifikationer.modtagerId, personId))
    .orderBy(desc(notifikationer.oprettet))
    .limit(1);
  return {
    kanaler: valg ? aktiveKanaler(valg).map((k) => k.kanal) : null,
    afvist: Boolean(valg?.emailAfvist || valg?.smsAfvist),
    sidste: sidste ?? null,
  };
}
