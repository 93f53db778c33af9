/**
 * The sender: delivers the outbox's due notices, one notice per address however many events wait
 * (bundled), never at night, with back-off on a temporary failure. The server runs it under a lease,
 * so one instance sends at a time. A row is marked sent only after the channel accepted it: a crash
 * in between sends it again (at least once); a crash before never loses it.
 */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { kontaktvalg, notifikationer } from '../../../db/schema.ts';
import { type Kanaler, MidlertidigFejl } from './kanaler.server.ts';
import { naesteAfsendelse, naesteForsoeg, notifikationstekst } from './regler.ts';

export interface Afsendelse {
  sendt: number;
  afvist: number;
  udskudt: number;
  opgivet: number;
}

type Raekke = typeof notifikationer.$inferSelect;

export async function sendForfaldne(db: Db, kanaler: Kanaler, link: string, now: Date): Promise<Afsendelse> {
  const r: Afsendelse = { sendt: 0, afvist: 0, udskudt: 0, opgivet: 0 };
  const forfaldne = await db
    .select()
    .from(notifikationer)
    .where(and(eq(notifikationer.status, 'venter'), lte(notifikationer.tidligst, now.toISOString())))
    .orderBy(asc(notifikationer.oprettet))
    .limit(500);
  const grupper = Map.groupBy(forfaldne, (n) => `${n.kanal}\u0000${n.adresse}`);
  for (const gruppe of grupper.values()) {
    const [foerste] = gruppe;
    if (!foerste) continue;
    const ids = gruppe.map((n) => n.id);
    const [sidste] = await db
      .select({ sendt: notifikationer.sendt })
      .from(notifikationer)
      .where(
        and(
          eq(notifikationer.kanal, foerste.kanal),
          eq(notifikationer.adresse, foerste.adresse),
          eq(notifikationer.status, 'sendt'),
        ),
      )
      .orderBy(desc(notifikationer.sendt))
      .limit(1);
    const naeste = naesteAfsendelse(sidste?.sendt ? new Date(sidste.sendt) : null, now);
    if (naeste > now) {
      // Sent to this address within the hour: these wait, and go together.
      await db.update(notifikationer).set({ tidligst: naeste.toISOString() }).where(inArray(notifikationer.id, ids));
      r.udskudt += ids.length;
      continue;
    }
    const udfald = await send(kanaler, foerste, gruppe.length, link);
    if (udfald === 'sendt') {
      await db
        .update(notifikationer)
        .set({ status: 'sendt', sendt: now.toISOString(), fejl: null })
        .where(inArray(notifikationer.id, ids));
      r.sendt += ids.length;
    } else if (udfald === 'afvist') {
      await markerAfvist(db, foerste, ids, now);
      r.afvist += ids.length;
    } else {
      for (const n of gruppe) {
        const igen = naesteForsoeg(n.forsoeg + 1, now);
        await db
          .update(notifikationer)
          .set(
            igen
              ? { forsoeg: n.forsoeg + 1, tidligst: igen.toISOString(), fejl: udfald.fejl }
              : { forsoeg: n.forsoeg + 1, status: 'opgivet', fejl: udfald.fejl },
          )
          .where(eq(notifikationer.id, n.id));
        if (!igen) r.opgivet++;
      }
    }
  }
  return r;
}

async function send(
  kanaler: Kanaler,
  n: Raekke,
  antal: number,
  link: string,
): Promise<'sendt' | 'afvist' | { fejl: string }> {
  const t = notifikationstekst(antal, link);
  try {
    if (n.kanal === 'email' && kanaler.email) return await kanaler.email(n.adresse, t.emne, t.tekst);
    if (n.kanal === 'sms' && kanaler.sms) return await kanaler.sms(n.adresse, t.sms);
    return { fejl: 'Kanalen er ikke sat op' };
  } catch (e) {
    if (e instanceof MidlertidigFejl) return { fejl: e.message };
    return { fejl: e instanceof Error ? e.name : 'ukendt fejl' };
  }
}

/** A refused address: its notices stop, and the person sees it on Min side (staff see that it failed). */
async function markerAfvist(db: Db, n: Raekke, ids: string[], now: Date) {
  await db
    .update(notifikationer)
    .set({ status: 'afvist', fejl: 'Adressen blev afvist' })
    .where(inArray(notifikationer.id, ids));
  const felt = n.kanal === 'email' ? { emailAfvist: now.toISOString() } : { smsAfvist: now.toISOString() };
  const adresse = n.kanal === 'email' ? kontaktvalg.email : kontaktvalg.telefon;
  await db.update(kontaktvalg).set(felt).where(eq(adresse, n.adresse));
}
