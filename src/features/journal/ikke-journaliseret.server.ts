/**
 * What staff see of the feed: events on the cases in their scope (and, for the depot, on loans)
 * that no case system has acknowledged a day after they happened. Something is wrong with the
 * integration, or the item never reached the journal: a caseworker must act on it.
 */
import { and, asc, eq, isNull, lt, notExists } from 'drizzle-orm';
import { type Bruger, iSkop, personerMedAdgang } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { journalhaendelser, journalkvitteringer, personer, sager } from '../../../db/schema.ts';
import { IKKE_JOURNALISERET_EFTER_MS, journalTypeTekst, UDLAANETS_ENHED } from './typer.ts';

/** At most this many are shown, the oldest; the page says when there are more. */
const HOEJST = 200;

export async function ikkeJournaliserede(db: Db, bruger: Bruger, now: Date) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') return { haendelser: [], flere: false };
  const graense = new Date(now.getTime() - IKKE_JOURNALISERET_EFTER_MS).toISOString();
  const raekker = await db
    .select({
      h: {
        loebenr: journalhaendelser.loebenr,
        tidspunkt: journalhaendelser.tidspunkt,
        type: journalhaendelser.type,
        kildesystem: journalhaendelser.kildesystem,
      },
      person: { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato },
      sag: { id: sager.id, titel: sager.titel, enhed: sager.enhed, sagsbehandlerId: sager.sagsbehandlerId },
    })
    .from(journalhaendelser)
    .innerJoin(personer, eq(personer.id, journalhaendelser.personId))
    .leftJoin(sager, eq(sager.id, journalhaendelser.sagId))
    .where(
      and(
        lt(journalhaendelser.tidspunkt, graense),
        notExists(
          db
            .select({ loebenr: journalkvitteringer.loebenr })
            .from(journalkvitteringer)
            .where(eq(journalkvitteringer.loebenr, journalhaendelser.loebenr)),
        ),
        // The depot works the loans, which have no case; everyone else the cases in their scope.
        a.rolle === 'depot'
          ? and(isNull(journalhaendelser.sagId), eq(journalhaendelser.enhed, UDLAANETS_ENHED))
          : iSkop(a),
      ),
    )
    .orderBy(asc(journalhaendelser.loebenr))
    .limit(HOEJST + 1);
  const vist = await personerMedAdgang(
    db,
    bruger,
    (r) => (r.sag ? 'se-sager' : 'haandtere-udlaan'),
    raekker.slice(0, HOEJST),
    (r) => ({ personId: r.person.id, foedselsdato: r.person.foedselsdato, sager: r.sag ? [r.sag] : [] }),
    (deres) => `Ikke journaliseret: ${deres.map((r) => journalTypeTekst(r.h.type)).join(', ')}`,
    now,
  );
  return {
    haendelser: vist.map((r) => ({ ...r.h, tekst: journalTypeTekst(r.h.type), person: r.person, sag: r.sag })),
    flere: raekker.length > HOEJST,
  };
}
