/**
 * The one writer of a decision (afgørelse), for the caseworker, the hjælpemiddel grant and the
 * case systems' API alike: the decision, the letter, step 6 and the citizen's event, written in
 * the caller's transaction.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { type Forsendelse, STANDARD_FORSENDELSE } from '#/config/forsendelse.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { type Dag, dagen } from '#/lib/dato.ts';
import { forberedt, forberedtMedListe, listeVaerdier } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afgoerelser, klager, type sager } from '../../../db/schema.ts';
import {
  ALLEREDE_AFGJORT,
  aabenEfterAfgoerelse,
  klageadgang,
  maaTraeffeAfgoerelse,
  trinTekstEfterAfgoerelse,
  trinTekstEfterHjaelpemiddel,
  type Udfald,
  udfaldOrd,
} from './afgoerelse.ts';
import { skrivBrev } from './breve.server.ts';
import { kildesystem, kraevEjerskab } from './ejerskab.ts';
import { afgoerelseAendret, afgoerelseTruffet, klagevejledningGivet, skrivHaendelse } from './haendelser.ts';
import { foerstePrSag } from './pr-sag.ts';
import { saetTrin, tildelHvisLedig } from './sagsskrivning.server.ts';
import { AFGOERELSE_TRIN } from './trin.ts';

/** A decision is refused, with a Danish message for the staff member. */
export class AfgoerelseFejl extends Error {}

type Sag = typeof sager.$inferSelect;
type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;

/** Who makes the decision, and what only they bring. */
export type AfgoerelseKilde =
  /** A caseworker: the letter is filed on the case. */
  | { type: 'sagsbehandler'; medarbejderId: string; brev: string }
  /** A therapist grants or refuses a hjælpemiddel: the reasons go in the event. */
  | { type: 'hjaelpemiddel'; medarbejderId: string; hjaelpemiddel: string }
  /** A case system: it sets the date, deadline and guidance, and moves the case's step itself. */
  | { type: 'system'; kildeId: string; dato: Dag; klagefrist: Dag | null; klagevejledning: string };

export interface AfgoerelseInput {
  udfald: Udfald;
  begrundelse: string;
  kilde: AfgoerelseKilde;
  /** How the letter is sent; Digital Post when not said. The complaint deadline runs from its receipt. */
  forsendelse?: Forsendelse | undefined;
}

/** The decision a complaint would be about: the newest on the case. */
export async function senesteAfgoerelse(db: Pick<Db, 'select'>, sagId: string) {
  const q = forberedt(db, 'afgoerelse.seneste', () =>
    db
      .select()
      .from(afgoerelser)
      .where(eq(afgoerelser.sagId, sql.placeholder('sagId')))
      .orderBy(desc(afgoerelser.dato))
      .limit(1)
      .prepare(),
  );
  return foerste(await q.execute({ sagId }));
}

/** senesteAfgoerelse for several cases in one query (Min side's tasks), by case id. */
export async function senesteAfgoerelser(db: Pick<Db, 'select'>, sagIds: readonly string[]) {
  if (sagIds.length === 0) return foerstePrSag<typeof afgoerelser.$inferSelect>([]);
  const q = forberedtMedListe(db, 'afgoerelse.seneste-for', sagIds.length, (liste) =>
    db.select().from(afgoerelser).where(inArray(afgoerelser.sagId, liste)).orderBy(desc(afgoerelser.dato)).prepare(),
  );
  return foerstePrSag(await q.execute(listeVaerdier(sagIds)));
}

/**
 * Registers a decision on `sag`. Refused (AfgoerelseFejl) when the case already has one,
 * unless a complaint's re-assessment changed that one.
 */
export async function registrerAfgoerelse(
  tx: Skriver,
  sag: Sag,
  input: AfgoerelseInput,
  now: Date,
): Promise<{ id: string }> {
  const { kilde, udfald, begrundelse } = input;
  const forsendelse = input.forsendelse ?? STANDARD_FORSENDELSE;
  // A mirrored case's decision is its system's (ejerskab.ts); that system's own comes through the API.
  const skribent = kilde.type === 'system' ? kildesystem({ kildeId: kilde.kildeId }) : null;
  kraevEjerskab(sag, 'afgoerelse', skribent);
  const seneste = await senesteAfgoerelse(tx, sag.id);
  const klagerPaaSagen = seneste ? await tx.select().from(klager).where(eq(klager.sagId, sag.id)) : [];
  if (!maaTraeffeAfgoerelse(seneste, klagerPaaSagen)) throw new AfgoerelseFejl(ALLEREDE_AFGJORT);

  const dato = kilde.type === 'system' ? kilde.dato : dagen(now);
  const adgang = kilde.type === 'system' ? kilde : klageadgang(sag.lovgrundlag, dato, forsendelse);
  const id = crypto.randomUUID();
  await tx.insert(afgoerelser).values({
    id,
    sagId: sag.id,
    udfald,
    dato,
    begrundelse,
    klagevejledning: adgang.klagevejledning,
    klagefrist: adgang.klagefrist,
    forsendelse,
    kildeId: kilde.type === 'system' ? kilde.kildeId : null,
  });

  const brevId = await skrivBrev(
    tx,
    sag,
    afgoerelsesbrev(sag, kilde, { udfald, begrundelse, dato, klagevejledning: adgang.klagevejledning }),
    now,
    skribent,
  );
  // A decision made in the portal goes to the journal (its letter too, above); the case system knows its own.
  if (skribent === null)
    await tilJournal(
      tx,
      {
        personId: sag.personId,
        sagId: sag.id,
        type: 'afgoerelse',
        genstandId: id,
        data: {
          udfald,
          dato,
          begrundelse,
          klagevejledning: adgang.klagevejledning,
          klagefrist: adgang.klagefrist,
          forsendelse,
          brevId,
        },
      },
      now,
    );

  switch (kilde.type) {
    // A decision from the case system is written like one made in the portal: its letter, step 6
    // and the event, so the citizen never sees a decision beside "Du får svar senest …".
    case 'sagsbehandler':
    case 'system': {
      await saetTrin(
        tx,
        sag.id,
        {
          trin: AFGOERELSE_TRIN,
          trinTekst: trinTekstEfterAfgoerelse(udfald, adgang.klagefrist),
          aaben: aabenEfterAfgoerelse(udfald),
        },
        afgoerelseTruffet(udfald, { brev: true }),
        now,
        kilde.type === 'sagsbehandler' ? kilde.medarbejderId : sag.sagsbehandlerId,
        skribent,
      );
      break;
    }
    case 'hjaelpemiddel':
      await tildelHvisLedig(tx, sag, kilde.medarbejderId);
      await saetTrin(
        tx,
        sag.id,
        {
          trin: AFGOERELSE_TRIN,
          trinTekst: trinTekstEfterHjaelpemiddel(udfald, kilde.hjaelpemiddel, adgang.klagefrist),
          aaben: aabenEfterAfgoerelse(udfald),
        },
        afgoerelseTruffet(udfald, { begrundelse }),
        now,
        kilde.medarbejderId,
      );
      break;
  }
  return { id };
}

/**
 * Every decision has its letter, wherever it was made: the caseworker's own words, the aid that was
 * granted or refused, or the case system's outcome. As it was sent: without a klagevejledning when
 * the case system sent none. `aendret`: a corrected decision's new letter says so in its title.
 */
function afgoerelsesbrev(
  sag: Pick<Sag, 'titel'>,
  kilde: AfgoerelseKilde,
  a: { udfald: Udfald; begrundelse: string; dato: Dag; klagevejledning: string | null },
  aendret = false,
) {
  const brevtekst =
    kilde.type === 'sagsbehandler'
      ? kilde.brev
      : kilde.type === 'hjaelpemiddel'
        ? `${a.udfald === 'afslag' ? 'Du får afslag på' : 'Du får bevilget'} ${kilde.hjaelpemiddel.toLowerCase()}.`
        : `Afgørelse: ${udfaldOrd[a.udfald]}.`;
  return {
    type: 'afgoerelse' as const,
    titel: `${aendret ? 'Ændret afgørelse' : 'Afgørelse'}: ${udfaldOrd[a.udfald]} – ${sag.titel.toLowerCase()}`,
    dato: a.dato,
    indhold: `${brevtekst}\n\nBegrundelse: ${a.begrundelse}${a.klagevejledning ? `\n\nKlagevejledning: ${a.klagevejledning}` : ''}`,
  };
}

/**
 * A case system corrects a decision it sent before. A change to what the letter says (outcome,
 * reasons, guidance, date) gives the citizen the new letter; a changed outcome is also an event.
 */
export async function retAfgoerelseFraSystem(
  tx: Skriver,
  sag: Sag,
  afgoerelse: typeof afgoerelser.$inferSelect,
  ny: {
    udfald: Udfald;
    dato: Dag;
    begrundelse: string;
    klagevejledning: string;
    klagefrist: Dag | null;
    forsendelse: Forsendelse;
  },
  now: Date,
): Promise<void> {
  await tx.update(afgoerelser).set(ny).where(eq(afgoerelser.id, afgoerelse.id));
  const brevetSiger = (a: typeof ny | typeof afgoerelse) => [a.udfald, a.begrundelse, a.klagevejledning, a.dato];
  if (JSON.stringify(brevetSiger(afgoerelse)) !== JSON.stringify(brevetSiger(ny))) {
    const kilde = { type: 'system', kildeId: afgoerelse.kildeId ?? '', ...ny } as const;
    await skrivBrev(tx, sag, afgoerelsesbrev(sag, kilde, ny, true), now, kildesystem(sag));
  }
  if (afgoerelse.udfald !== ny.udfald)
    await skrivHaendelse(tx, sag.id, afgoerelseAendret(ny.udfald, ny.klagefrist), now, sag.sagsbehandlerId);
  else if (afgoerelse.klagefrist === null && ny.klagefrist !== null)
    // The guidance came later: the step text no longer says that no deadline runs.
    await saetTrin(
      tx,
      sag.id,
      { trinTekst: trinTekstEfterAfgoerelse(ny.udfald, ny.klagefrist) },
      klagevejledningGivet(ny.udfald, ny.klagefrist),
      now,
      sag.sagsbehandlerId,
      kildesystem(sag),
    );
}
