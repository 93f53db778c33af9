/** Reading cases, always through the access door in adgang.server.ts. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  kraevPerson,
  kraevSag,
  type Person,
  type Sag,
} from '#/features/adgang/adgang.server.ts';
import type { Dag } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { dokumenter, klager, medarbejdere, sager, sagsbehandlerskift, sagshaendelser } from '../../../db/schema.ts';
import { senesteAfgoerelser } from './afgoerelse.server.ts';
import { aktindsigterPaaSagen } from './aktindsigt.server.ts';
import { klagerPaaSagerne, senesteAfgoerelse } from './klage.server.ts';
import { type Opgave, opgaverForSag } from './opgaver.ts';
import { aabenPartshoering, aabnePartshoeringer, tilfoejelser } from './partshoering.server.ts';

// The case pages' reads run on every view: prepared once per connection.
const id = sql.placeholder('id');
const forberedte = (db: Db) =>
  forberedt(db, 'sager.historik', () => ({
    sagerMedSagsbehandler: db
      .select({ sag: sager, sagsbehandler: medarbejdere.navn })
      .from(sager)
      .leftJoin(medarbejdere, eq(medarbejdere.id, sager.sagsbehandlerId))
      .where(eq(sager.personId, id))
      .orderBy(desc(sager.aaben), desc(sager.modtaget))
      .prepare(),
    medarbejder: db.select().from(medarbejdere).where(eq(medarbejdere.id, id)).prepare(),
    sidsteSkift: db
      .select()
      .from(sagsbehandlerskift)
      .where(eq(sagsbehandlerskift.sagId, id))
      .orderBy(desc(sagsbehandlerskift.dato))
      .limit(1)
      .prepare(),
    historik: db
      .select()
      .from(sagshaendelser)
      .where(eq(sagshaendelser.sagId, id))
      .orderBy(asc(sagshaendelser.tidspunkt))
      .prepare(),
    dokumenter: db
      .select({ id: dokumenter.id, type: dokumenter.type, titel: dokumenter.titel, dato: dokumenter.dato })
      .from(dokumenter)
      .where(eq(dokumenter.sagId, id))
      .orderBy(desc(dokumenter.dato))
      .prepare(),
    klager: db.select().from(klager).where(eq(klager.sagId, id)).orderBy(desc(klager.modtaget)).prepare(),
  }));

/** A person's cases, open first, newest first. */
export async function sagerFor(db: Db, bruger: Bruger, personId: string, now: Date) {
  const person = await kraevPerson(
    db,
    bruger,
    'se-sager',
    personId,
    { handling: 'se', hvad: 'Oversigt over sager' },
    now,
  );
  return { person, sager: await forberedte(db).sagerMedSagsbehandler.execute({ id: personId }) };
}

/**
 * "Det skal du gøre" for the person's open cases (the caller has passed the door for them, as
 * sagerFor does): partshøringer to answer and complaint deadlines soon over. Three queries for all
 * the cases, not three per case.
 */
export async function opgaverForSager(db: Db, sagsliste: readonly { sag: Sag }[], idag: Dag): Promise<Opgave[]> {
  const aabne = sagsliste.filter((s) => s.sag.aaben).map((s) => s.sag);
  const ids = aabne.map((s) => s.id);
  const partshoering = await aabnePartshoeringer(db, ids);
  const afgoerelse = await senesteAfgoerelser(db, ids);
  const klagerPaa = await klagerPaaSagerne(db, ids);
  return aabne.flatMap((sag) =>
    opgaverForSag(
      {
        sag,
        partshoering: partshoering.get(sag.id),
        afgoerelse: afgoerelse.get(sag.id),
        klager: klagerPaa.get(sag.id) ?? [],
      },
      idag,
    ),
  );
}

/** One case with everything its page shows: caseworker and changes, history, letters, decision, complaints, partshøring. */
export async function sagMedHistorik(db: Db, bruger: Bruger, sagId: string, now: Date) {
  return await historik(db, await kraevSag(db, bruger, 'se-sager', sagId, { handling: 'se' }, now));
}

/** The same for the caseworker's page, which may change the case: one door call, one audit entry. */
export async function sagTilBehandling(db: Db, bruger: Bruger, sagId: string, now: Date) {
  return await historik(db, await kraevSag(db, bruger, 'behandle-sag', sagId, { handling: 'se' }, now));
}

/** The complaint form's facts: the case (if the user may act in it) and its latest decision. */
export async function klageformular(db: Db, bruger: Bruger, sagId: string, now: Date) {
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'handle-i-sag',
    sagId,
    { handling: 'se', hvad: 'Klageformular' },
    now,
  );
  return { sag, person, afgoerelse: await senesteAfgoerelse(db, sag.id) };
}

/** The partshøring page's facts: the case (if the user may act in it) and its partshøring, or not found. */
export async function partshoeringTilSvar(db: Db, bruger: Bruger, sagId: string, now: Date) {
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'handle-i-sag',
    sagId,
    { handling: 'se', hvad: 'Partshøring' },
    now,
  );
  const partshoering = await aabenPartshoering(db, sag.id);
  if (!partshoering) throw new IkkeFundet();
  // The letter that carried the material, to read or print as it was sent.
  const brev = foerste(
    await db
      .select({ id: dokumenter.id })
      .from(dokumenter)
      .where(
        and(eq(dokumenter.sagId, sag.id), eq(dokumenter.type, 'partshoering'), eq(dokumenter.dato, partshoering.sendt)),
      )
      .limit(1),
  );
  return { sag, person, partshoering, tilfoejelser: await tilfoejelser(db, partshoering.id), brev };
}

async function historik(db: Db, { sag, person }: { sag: Sag; person: Person }) {
  const q = forberedte(db);
  const partshoering = await aabenPartshoering(db, sag.id);
  const medarbejder = async (mid: string | null) =>
    mid ? foerste(await q.medarbejder.execute({ id: mid })) : undefined;
  const sidsteSkift = foerste(await q.sidsteSkift.execute({ id: sag.id }));
  return {
    sag,
    person,
    sagsbehandler: await medarbejder(sag.sagsbehandlerId),
    skift: sidsteSkift && {
      ...sidsteSkift,
      fra: await medarbejder(sidsteSkift.fraId),
      til: await medarbejder(sidsteSkift.tilId),
    },
    historik: await q.historik.execute({ id: sag.id }),
    dokumenter: await q.dokumenter.execute({ id: sag.id }),
    // The complaint form's rule for "the decision", so the two pages never show different ones.
    afgoerelse: await senesteAfgoerelse(db, sag.id),
    klager: await q.klager.execute({ id: sag.id }),
    aktindsigter: await aktindsigterPaaSagen(db, sag.id),
    // The partshøring page's own rule, so the case page links to the one the citizen answers.
    partshoering,
    tilfoejelser: partshoering?.besvaret ? await tilfoejelser(db, partshoering.id) : [],
  };
}

/** One letter on a case, to read or download. */
export async function hentDokument(db: Db, bruger: Bruger, sagId: string, dokumentId: string, now: Date) {
  const dok = foerste(await db.select().from(dokumenter).where(eq(dokumenter.id, dokumentId)));
  if (!dok || dok.sagId !== sagId) throw new IkkeFundet();
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'se-sager',
    sagId,
    { handling: 'se', hvad: `Brev: ${dok.titel}` },
    now,
  );
  return { dok, sag, person };
}
