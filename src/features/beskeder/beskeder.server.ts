/**
 * Messages between a citizen (or a relative acting for them) and the municipality: the one writer
 * of messages, threads and their attachments, and the reads through the access door. What the
 * citizen writes, and every answer, goes to the journal in the same transaction.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { and, asc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { beskedConfig } from '#/config/beskeder.ts';
import { enhedNavn } from '#/config/kommune.ts';
import { arbejderMedSager, ROLLER_UDEN_SAGER } from '#/features/adgang/access.ts';
import {
  type Bruger,
  IkkeFundet,
  kraevPersonMedSager,
  kraevTraad,
  personerMedAdgang,
  type Sag,
  type TraadFakta,
} from '#/features/adgang/adgang.server.ts';
import { bilagDir } from '#/features/hjaelpemidler/ansoegning.server.ts';
import {
  filfejlTekst,
  navnMedTypensEndelse,
  sikkertFilnavn,
  tjekFil,
  valgfriFilFelt,
} from '#/features/hjaelpemidler/filtjek.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import type { Medarbejder } from '#/features/login/bruger.ts';
import { varsl } from '#/features/notifikationer/udbakke.server.ts';
import { dagen } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { enGangPrNoegle, formularnoegle } from '#/lib/formularnoegle.server.ts';
import { skrivHoldbart } from '#/lib/holdbar-fil.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { beskedbilag, beskeder, beskedtraade, dokumenter, medarbejdere, personer, sager } from '../../../db/schema.ts';
import {
  beskedSvarfrist,
  borgerAfsender,
  indbakkeOrden,
  medarbejderAfsender,
  type TraadTilstand,
  traadTilstand,
} from './beskeder.ts';

export class BeskedFejl extends Error {}

export type Traad = typeof beskedtraade.$inferSelect;
export type Besked = typeof beskeder.$inferSelect;

const emne = z
  .string({ error: 'Skriv, hvad beskeden handler om.' })
  .trim()
  .min(1, 'Skriv, hvad beskeden handler om.')
  .max(150, 'Emnet må højst være 150 tegn.');
const tekst = z
  .string({ error: 'Skriv din besked.' })
  .trim()
  .min(1, 'Skriv din besked.')
  .max(5000, 'Beskeden må højst være 5.000 tegn.');
const citizenNoegle = z.uuid('Formularen er udløbet. Indlæs siden igen.');

/** The citizen's message on a case. */
export const BeskedPaaSagSchema = z.object({
  sagId: z.string().min(1),
  emne,
  tekst,
  fil: valgfriFilFelt(),
  noegle: citizenNoegle,
});

/** The citizen's question without a case, to a unit they choose. */
export const GenerelBeskedSchema = z.object({
  personId: z.string().min(1),
  enhed: z.string({ error: 'Vælg, hvem du vil skrive til.' }).min(1, 'Vælg, hvem du vil skrive til.'),
  emne,
  tekst,
  fil: valgfriFilFelt(),
  noegle: citizenNoegle,
});

const traadId = z.string().min(1);

export const SvarSchema = z.object({
  traadId,
  tekst: z
    .string({ error: 'Skriv dit svar.' })
    .trim()
    .min(1, 'Skriv dit svar.')
    .max(10000, 'Svaret må højst være 10.000 tegn.'),
  dokumentId: z.string().optional(),
  noegle: formularnoegle,
});

export const OverdragTraadSchema = z.object({
  traadId,
  tilId: z.string({ error: 'Vælg en kollega.' }).min(1, 'Vælg en kollega.'),
  noegle: formularnoegle,
});

export const LukTraadSchema = z.object({
  traadId,
  begrundelse: z
    .string({ error: 'Skriv, hvorfor I lukker uden svar. Borgeren kan se det.' })
    .trim()
    .min(5, 'Skriv, hvorfor I lukker uden svar. Borgeren kan se det.')
    .max(1000, 'Højst 1.000 tegn.'),
  noegle: formularnoegle,
});

/** The units a person may write to without a case: those of their cases, and the general advice. */
export function generelleEnheder(deresSager: readonly Pick<Sag, 'enhed'>[]): { id: string; navn: string }[] {
  const ids = [...new Set([...deresSager.map((s) => s.enhed), beskedConfig.generelEnhed])];
  return ids.map((id) => ({ id, navn: enhedNavn(id) }));
}

const fakta = (t: Traad): TraadFakta => ({
  personId: t.personId,
  sagId: t.sagId,
  enhed: t.enhed,
  tildeltId: t.tildeltId,
});

/** The citizen's side is not written from a staff login: staff answer from the inbox. */
function kunBorger(bruger: Bruger): { personId: string } {
  if (bruger.aktoer.type !== 'borger') throw new BeskedFejl('Medarbejdere svarer fra indbakken under Beskeder.');
  return { personId: bruger.aktoer.personId };
}

/** The citizen's pages of messages: staff have the inbox, and see nothing here. */
function borgerside(bruger: Bruger): void {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
}

type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;

async function findEllerOpretTraad(
  tx: Skriver,
  hvor: { personId: string; sagId: string | null; enhed: string },
  now: Date,
): Promise<Traad> {
  const findes = foerste(
    await tx
      .select()
      .from(beskedtraade)
      .where(
        hvor.sagId
          ? eq(beskedtraade.sagId, hvor.sagId)
          : and(
              eq(beskedtraade.personId, hvor.personId),
              isNull(beskedtraade.sagId),
              eq(beskedtraade.enhed, hvor.enhed),
            ),
      ),
  );
  if (findes) return findes;
  const ny = { id: crypto.randomUUID(), ...hvor, tildeltId: null, lukket: null, lukketBegrundelse: null };
  const t = { ...ny, oprettet: now.toISOString(), senest: now.toISOString() };
  await tx.insert(beskedtraade).values(t);
  return t;
}

interface BorgerBesked {
  emne: string;
  tekst: string;
  fil?: File | undefined;
  noegle: string;
}

/** Saves the citizen's message, its file and its journal event; the same form sent again finds the first. */
async function gemBorgerBesked(
  db: Db,
  bruger: Bruger,
  hvor: { personId: string; personNavn: string; sagId: string | null; enhed: string },
  input: BorgerBesked,
  now: Date,
): Promise<{ beskedId: string }> {
  const { personId: skriverId } = kunBorger(bruger);
  const fil = input.fil ? await laesFil(input.fil) : undefined;
  return await db.transaction(async (tx) => {
    const tidligere = foerste(await tx.select().from(beskeder).where(eq(beskeder.noegle, input.noegle)));
    if (tidligere) return { beskedId: tidligere.id };
    const traad = await findEllerOpretTraad(tx, hvor, now);
    const id = crypto.randomUUID();
    const svarFrist = beskedSvarfrist(now);
    const afsender = borgerAfsender(bruger.navn, { id: hvor.personId, navn: hvor.personNavn }, skriverId);
    await tx.insert(beskeder).values({
      id,
      traadId: traad.id,
      fra: 'borger',
      afsender,
      emne: input.emne,
      tekst: input.tekst,
      sendt: now.toISOString(),
      svarFrist,
      noegle: input.noegle,
      kvitteringsnr: nytKvitteringsnr('B', now),
    });
    const bilag = fil ? [await gemFil(tx, id, fil)] : [];
    await tx.update(beskedtraade).set({ senest: now.toISOString() }).where(eq(beskedtraade.id, traad.id));
    await tilJournal(
      tx,
      {
        type: 'besked',
        personId: hvor.personId,
        sagId: hvor.sagId,
        enhed: hvor.enhed,
        genstandId: id,
        data: { traadId: traad.id, emne: input.emne, tekst: input.tekst, afsender, svarFrist, bilag },
      },
      now,
    );
    return { beskedId: id };
  });
}

async function laesFil(fil: File) {
  const bytes = new Uint8Array(await fil.arrayBuffer());
  const r = tjekFil(bytes.length, bytes.subarray(0, 16));
  if (!r.ok) throw new BeskedFejl(filfejlTekst[r.fejl]);
  return { navn: sikkertFilnavn(fil.name), type: r.type, bytes };
}

async function gemFil(tx: Skriver, beskedId: string, fil: Awaited<ReturnType<typeof laesFil>>) {
  const id = crypto.randomUUID();
  mkdirSync(bilagDir(), { recursive: true });
  // On disk before the row: a row never points to a missing file (the retention job sweeps a file left alone).
  skrivHoldbart(join(bilagDir(), id), fil.bytes);
  await tx
    .insert(beskedbilag)
    .values({ id, beskedId, filnavn: fil.navn, type: fil.type, stoerrelse: fil.bytes.length });
  return { id, filnavn: fil.navn, type: fil.type };
}

/** The citizen (or a relative who may see the case) writes on the case's thread. */
export async function skrivBeskedPaaSag(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof BeskedPaaSagSchema>,
  now: Date,
): Promise<{ beskedId: string; sti: string }> {
  kunBorger(bruger);
  const { sag, person } = await kraevTraadForSag(db, bruger, input.sagId, 'opret', 'Besked til sagsbehandleren', now);
  const { beskedId } = await gemBorgerBesked(
    db,
    bruger,
    { personId: person.id, personNavn: person.navn, sagId: sag.id, enhed: sag.enhed },
    input,
    now,
  );
  return { beskedId, sti: `/sager/${sag.id}/beskeder` };
}

/** The citizen (or a relative who may see the person's cases) asks a unit without a case. */
export async function skrivGenerelBesked(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof GenerelBeskedSchema>,
  now: Date,
): Promise<{ beskedId: string; sti: string }> {
  kunBorger(bruger);
  const { person, sager: deres } = await kraevPersonMedSager(
    db,
    bruger,
    'se-sager',
    input.personId,
    { handling: 'opret', hvad: 'Besked uden sag' },
    now,
  );
  if (!generelleEnheder(deres).some((e) => e.id === input.enhed)) throw new BeskedFejl('Vælg, hvem du vil skrive til.');
  const { beskedId } = await gemBorgerBesked(
    db,
    bruger,
    { personId: person.id, personNavn: person.navn, sagId: null, enhed: input.enhed },
    input,
    now,
  );
  return { beskedId, sti: `/min-side/beskeder/${input.enhed}` };
}

async function kraevTraadForSag(
  db: Db,
  bruger: Bruger,
  sagId: string,
  handling: 'se' | 'opret',
  hvad: string,
  now: Date,
) {
  const sag = foerste(await db.select().from(sager).where(eq(sager.id, sagId)));
  if (!sag) throw new IkkeFundet();
  const h = bruger.aktoer.type === 'medarbejder' ? 'behandle-sag' : 'se-sager';
  const { person } = await kraevTraad(
    db,
    bruger,
    h,
    { personId: sag.personId, sagId: sag.id, enhed: sag.enhed, tildeltId: null },
    { handling, hvad },
    now,
  );
  return { sag, person };
}

export interface VistBesked extends Besked {
  bilag: { id: string; filnavn: string; type: string; stoerrelse: number }[];
  dokument: { id: string; titel: string } | null;
}

async function traadensBeskeder(db: Pick<Db, 'select'>, traadId: string): Promise<VistBesked[]> {
  const liste = await db.select().from(beskeder).where(eq(beskeder.traadId, traadId)).orderBy(asc(beskeder.sendt));
  const ids = liste.map((b) => b.id);
  const filer = ids.length ? await db.select().from(beskedbilag).where(inArray(beskedbilag.beskedId, ids)) : [];
  const dokIds = liste.flatMap((b) => (b.dokumentId ? [b.dokumentId] : []));
  const dok = dokIds.length
    ? await db
        .select({ id: dokumenter.id, titel: dokumenter.titel })
        .from(dokumenter)
        .where(inArray(dokumenter.id, dokIds))
    : [];
  return liste.map((b) => ({
    ...b,
    bilag: filer.filter((f) => f.beskedId === b.id),
    dokument: dok.find((d) => d.id === b.dokumentId) ?? null,
  }));
}

/** Marks the other side's unread messages read: the citizen's side reads the municipality's, and back. */
async function markerLaest(db: Pick<Db, 'update'>, traadId: string, fra: 'borger' | 'kommune', now: Date) {
  await db
    .update(beskeder)
    .set({ laest: now.toISOString() })
    .where(and(eq(beskeder.traadId, traadId), eq(beskeder.fra, fra), isNull(beskeder.laest)));
}

export interface TraadVisning {
  traad: Traad | undefined;
  beskeder: VistBesked[];
  tilstand: TraadTilstand;
}

async function visTraad(
  db: Db,
  traad: Traad | undefined,
  laeser: 'borger' | 'kommune',
  now: Date,
): Promise<TraadVisning> {
  const liste = traad ? await traadensBeskeder(db, traad.id) : [];
  // Only the citizen's side opening marks the municipality's messages read, and back; staff viewing
  // the case as the citizen sees it mark nothing.
  if (traad) await markerLaest(db, traad.id, laeser === 'borger' ? 'kommune' : 'borger', now);
  return { traad, beskeder: liste, tilstand: traadTilstand(liste, traad?.lukket ?? null, dagen(now)) };
}

/** The case's thread for the citizen's side (the case page's door), marking the answers read. */
export async function beskederPaaSag(db: Db, bruger: Bruger, sagId: string, now: Date) {
  borgerside(bruger);
  const { sag, person } = await kraevTraadForSag(db, bruger, sagId, 'se', 'Beskeder på sagen', now);
  const traad = foerste(await db.select().from(beskedtraade).where(eq(beskedtraade.sagId, sag.id)));
  return { sag, person, ...(await visTraad(db, traad, 'borger', now)) };
}

/** The person's general thread to `enhed`, for the citizen's side. */
export async function generelTraad(db: Db, bruger: Bruger, personId: string, enhed: string, now: Date) {
  borgerside(bruger);
  const { person, sager: deres } = await kraevPersonMedSager(
    db,
    bruger,
    'se-sager',
    personId,
    { handling: 'se', hvad: `Beskeder til ${enhedNavn(enhed)}` },
    now,
  );
  if (!generelleEnheder(deres).some((e) => e.id === enhed)) throw new IkkeFundet();
  const traad = foerste(
    await db
      .select()
      .from(beskedtraade)
      .where(and(eq(beskedtraade.personId, person.id), isNull(beskedtraade.sagId), eq(beskedtraade.enhed, enhed))),
  );
  return { person, enhed: { id: enhed, navn: enhedNavn(enhed) }, ...(await visTraad(db, traad, 'borger', now)) };
}

export interface TraadOversigt {
  traad: Traad;
  sag: { id: string; titel: string } | null;
  tilstand: TraadTilstand;
  /** Messages from the other side not yet opened. */
  ulaeste: number;
  sidste: Besked | undefined;
}

async function oversigt(
  db: Pick<Db, 'select'>,
  traade: readonly Traad[],
  laeser: 'borger' | 'kommune',
  now: Date,
): Promise<TraadOversigt[]> {
  if (traade.length === 0) return [];
  const alle = await db
    .select()
    .from(beskeder)
    .where(
      inArray(
        beskeder.traadId,
        traade.map((t) => t.id),
      ),
    );
  const sagIds = traade.flatMap((t) => (t.sagId ? [t.sagId] : []));
  const titler = sagIds.length
    ? await db.select({ id: sager.id, titel: sager.titel }).from(sager).where(inArray(sager.id, sagIds))
    : [];
  const idag = dagen(now);
  return traade.map((traad) => {
    const deres = alle.filter((b) => b.traadId === traad.id).toSorted((a, b) => a.sendt.localeCompare(b.sendt));
    return {
      traad,
      sag: titler.find((s) => s.id === traad.sagId) ?? null,
      tilstand: traadTilstand(deres, traad.lukket, idag),
      ulaeste: deres.filter((b) => b.fra !== laeser && b.laest === null).length,
      sidste: deres.at(-1),
    };
  });
}

/** Min side's list: the person's threads the user may see, newest first, and whom they may write to. */
export async function beskedoversigt(db: Db, bruger: Bruger, personId: string, now: Date) {
  borgerside(bruger);
  const adgang = await kraevPersonMedSager(
    db,
    bruger,
    'se-sager',
    personId,
    { handling: 'se', hvad: 'Oversigt over beskeder' },
    now,
  );
  // On every view of Min side: prepared once per connection.
  const q = forberedt(db, 'beskeder.personens-traade', () =>
    db
      .select()
      .from(beskedtraade)
      .where(eq(beskedtraade.personId, sql.placeholder('id')))
      .prepare(),
  );
  const traade = (await q.execute({ id: personId })).filter((t) => adgang.maaSe(t.sagId));
  const liste = (await oversigt(db, traade, 'borger', now)).toSorted((a, b) =>
    b.traad.senest.localeCompare(a.traad.senest),
  );
  return { person: adgang.person, traade: liste, enheder: generelleEnheder(adgang.sager) };
}

/** How many answers wait unread for the person on screen: for Min side's link. */
export async function ulaesteSvar(db: Db, bruger: Bruger, personId: string, now: Date): Promise<number> {
  const { traade } = await beskedoversigt(db, bruger, personId, now);
  return traade.reduce((n, t) => n + t.ulaeste, 0);
}

// --- Staff ---

/** The staff side's writes: a citizen's login gets "not found", as for any staff page. */
function somMedarbejder(bruger: Bruger): Medarbejder {
  const { aktoer } = bruger;
  if (aktoer.type !== 'medarbejder') throw new IkkeFundet();
  return { ...bruger, aktoer };
}

export type Indbakke = 'mine' | 'enheden';

/**
 * A staff member's inbox: "mine" are threads handed to them and those on their cases not handed to
 * anyone; "enheden" every thread of their unit. Decided row by row by the door, overdue first.
 */
export async function indbakke(db: Db, bruger: Medarbejder, hvilken: Indbakke, now: Date) {
  const { medarbejderId, enhed } = bruger.aktoer;
  const raekker = await db
    .select({ traad: beskedtraade, sag: sager, foedselsdato: personer.foedselsdato, navn: personer.navn })
    .from(beskedtraade)
    .innerJoin(personer, eq(personer.id, beskedtraade.personId))
    .leftJoin(sager, eq(sager.id, beskedtraade.sagId))
    .where(
      hvilken === 'enheden'
        ? eq(beskedtraade.enhed, enhed)
        : or(
            eq(beskedtraade.tildeltId, medarbejderId),
            and(isNull(beskedtraade.tildeltId), eq(sager.sagsbehandlerId, medarbejderId)),
          ),
    );
  const vist = await personerMedAdgang(
    db,
    bruger,
    'behandle-sag',
    raekker,
    (r) => ({
      personId: r.traad.personId,
      foedselsdato: r.foedselsdato,
      sager: r.sag ? [r.sag] : [{ enhed: r.traad.enhed, sagsbehandlerId: r.traad.tildeltId }],
    }),
    () => 'Beskeder i indbakken',
    now,
  );
  const navne = new Map(vist.map((r) => [r.traad.id, r.navn]));
  const liste = await oversigt(
    db,
    vist.map((r) => r.traad),
    'kommune',
    now,
  );
  return indbakkeOrden(liste.map((o) => ({ ...o, senest: o.traad.senest, personNavn: navne.get(o.traad.id) ?? '' })));
}

async function traadVedId(db: Pick<Db, 'select'>, id: string): Promise<Traad> {
  const t = foerste(await db.select().from(beskedtraade).where(eq(beskedtraade.id, id)));
  if (!t) throw new IkkeFundet();
  return t;
}

/** A thread for staff: through the door on its case (or unit), marking the citizen's messages read. */
export async function traadTilBehandling(db: Db, bruger: Medarbejder, id: string, now: Date) {
  const traad = await traadVedId(db, id);
  const { person, sag } = await kraevTraad(
    db,
    bruger,
    'behandle-sag',
    fakta(traad),
    { handling: 'se', hvad: 'Beskeder' },
    now,
  );
  const tildelt = traad.tildeltId
    ? foerste(await db.select().from(medarbejdere).where(eq(medarbejdere.id, traad.tildeltId)))
    : undefined;
  const breve = sag
    ? await db
        .select({ id: dokumenter.id, titel: dokumenter.titel, dato: dokumenter.dato })
        .from(dokumenter)
        .where(eq(dokumenter.sagId, sag.id))
    : [];
  // Colleagues who may already handle it: the thread's unit, and the case's caseworker.
  const kolleger = await db
    .select({ id: medarbejdere.id, navn: medarbejdere.navn })
    .from(medarbejdere)
    .where(
      and(
        eq(medarbejdere.aktiv, true),
        notInArray(medarbejdere.rolle, [...ROLLER_UDEN_SAGER]),
        ne(medarbejdere.id, bruger.aktoer.medarbejderId),
        sag?.sagsbehandlerId
          ? or(eq(medarbejdere.enhed, traad.enhed), eq(medarbejdere.id, sag.sagsbehandlerId))
          : eq(medarbejdere.enhed, traad.enhed),
      ),
    );
  return { person, sag, tildelt, breve, kolleger, ...(await visTraad(db, traad, 'kommune', now)) };
}

/** Staff answer the thread; a letter of the case may go with it. */
export async function besvarTraad(
  db: Db,
  brugeren: Bruger,
  input: z.output<typeof SvarSchema>,
  now: Date,
): Promise<{ traadId: string }> {
  const bruger = somMedarbejder(brugeren);
  const { traad, sag } = await traadOgSag(db, bruger, input.traadId, 'Svar på besked', now);
  const dokumentId = input.dokumentId || null;
  if (dokumentId) {
    const dok = foerste(await db.select().from(dokumenter).where(eq(dokumenter.id, dokumentId)));
    if (!dok || !sag || dok.sagId !== sag.id) throw new BeskedFejl('Vælg et brev fra sagen.');
  }
  const m = foerste(await db.select().from(medarbejdere).where(eq(medarbejdere.id, bruger.aktoer.medarbejderId)));
  await enGangPrNoegle(db, input.noegle, bruger.aktoer.medarbejderId, now, async () => {
    await skrivSvar(
      db,
      traad,
      {
        afsender: medarbejderAfsender(bruger.navn, m?.rolle ?? bruger.aktoer.rolle),
        medarbejderId: bruger.aktoer.medarbejderId,
        tekst: input.tekst,
        dokumentId,
      },
      now,
    );
    return traad.id;
  });
  return { traadId: traad.id };
}

/** The one writer of the municipality's answer, from the portal or from a case system (PUT /api/v1/beskeder). */
export async function skrivSvar(
  tx: Skriver,
  traad: Traad,
  svar: { afsender: string; medarbejderId: string | null; tekst: string; dokumentId: string | null; kildeId?: string },
  now: Date,
): Promise<string> {
  const sidste = foerste(
    await tx
      .select({ emne: beskeder.emne })
      .from(beskeder)
      .where(and(eq(beskeder.traadId, traad.id), eq(beskeder.fra, 'borger')))
      .orderBy(asc(beskeder.sendt)),
  );
  const id = crypto.randomUUID();
  const emne = sidste ? `Svar: ${sidste.emne}`.slice(0, 160) : 'Svar';
  await tx.insert(beskeder).values({
    id,
    traadId: traad.id,
    fra: 'kommune',
    afsender: svar.afsender,
    medarbejderId: svar.medarbejderId,
    emne,
    tekst: svar.tekst,
    sendt: now.toISOString(),
    dokumentId: svar.dokumentId,
    kildeId: svar.kildeId ?? null,
  });
  await tx.update(beskedtraade).set({ senest: now.toISOString() }).where(eq(beskedtraade.id, traad.id));
  await varsl(tx, { omPersonId: traad.personId, aarsag: 'besked-svar', kildeId: id }, now);
  // An answer written in the case system is in its journal already.
  if (svar.kildeId) return id;
  await tilJournal(
    tx,
    {
      type: 'besked-svar',
      personId: traad.personId,
      sagId: traad.sagId,
      enhed: traad.enhed,
      genstandId: id,
      data: { traadId: traad.id, emne, tekst: svar.tekst, afsender: svar.afsender, dokumentId: svar.dokumentId },
    },
    now,
  );
  return id;
}

async function traadOgSag(db: Db, bruger: Medarbejder, id: string, hvad: string, now: Date) {
  const traad = await traadVedId(db, id);
  const { sag } = await kraevTraad(db, bruger, 'behandle-sag', fakta(traad), { handling: 'ret', hvad }, now);
  return { traad, sag };
}

/** Hands the thread to a colleague who may handle it: the thread's unit, or the case's caseworker. */
export async function overdragTraad(
  db: Db,
  brugeren: Bruger,
  input: z.output<typeof OverdragTraadSchema>,
  now: Date,
): Promise<{ traadId: string }> {
  const bruger = somMedarbejder(brugeren);
  const { traad, sag } = await traadOgSag(db, bruger, input.traadId, 'Besked overdraget', now);
  const til = foerste(await db.select().from(medarbejdere).where(eq(medarbejdere.id, input.tilId)));
  const maa =
    til?.aktiv && arbejderMedSager(til.rolle) && (til.enhed === traad.enhed || til.id === sag?.sagsbehandlerId);
  if (!til || !maa) throw new BeskedFejl('Vælg en kollega fra listen.');
  await enGangPrNoegle(db, input.noegle, bruger.aktoer.medarbejderId, now, async () => {
    await db.update(beskedtraade).set({ tildeltId: til.id }).where(eq(beskedtraade.id, traad.id));
    return traad.id;
  });
  return { traadId: traad.id };
}

/** Closes the thread without an answer; the citizen sees the reason, and the journal gets it. */
export async function lukTraad(
  db: Db,
  brugeren: Bruger,
  input: z.output<typeof LukTraadSchema>,
  now: Date,
): Promise<{ traadId: string }> {
  const bruger = somMedarbejder(brugeren);
  const { traad } = await traadOgSag(db, bruger, input.traadId, 'Besked lukket uden svar', now);
  await enGangPrNoegle(db, input.noegle, bruger.aktoer.medarbejderId, now, async () => {
    await db
      .update(beskedtraade)
      .set({ lukket: now.toISOString(), lukketBegrundelse: input.begrundelse })
      .where(eq(beskedtraade.id, traad.id));
    await tilJournal(
      db,
      {
        type: 'besked-lukket',
        personId: traad.personId,
        sagId: traad.sagId,
        enhed: traad.enhed,
        genstandId: traad.id,
        data: { traadId: traad.id, begrundelse: input.begrundelse, lukketAf: bruger.navn },
      },
      now,
    );
    return traad.id;
  });
  return { traadId: traad.id };
}

/** A message's attachment, through the door on its thread. */
export async function hentBeskedbilag(db: Db, bruger: Bruger, bilagId: string, now: Date) {
  const b = foerste(await db.select().from(beskedbilag).where(eq(beskedbilag.id, bilagId)));
  if (!b) throw new IkkeFundet();
  const besked = foerste(await db.select().from(beskeder).where(eq(beskeder.id, b.beskedId)));
  if (!besked) throw new IkkeFundet();
  const traad = await traadVedId(db, besked.traadId);
  const handling = bruger.aktoer.type === 'medarbejder' ? 'behandle-sag' : 'se-sager';
  await kraevTraad(db, bruger, handling, fakta(traad), { handling: 'se', hvad: `Bilag til besked: ${b.filnavn}` }, now);
  return { ...b, filnavn: navnMedTypensEndelse(b.filnavn, b.type), bytes: readFileSync(join(bilagDir(), b.id)) };
}

// --- From a case system (PUT /api/v1/beskeder/{kildeId}) ---

/** The citizen's message a case system answers, with its thread and the owner facts the API's key rule needs. */
export async function beskedAtSvarePaa(tx: Pick<Db, 'select'>, beskedId: string) {
  const besked = foerste(await tx.select().from(beskeder).where(eq(beskeder.id, beskedId)));
  if (besked?.fra !== 'borger') return undefined;
  const traad = await traadVedId(tx, besked.traadId);
  const sag = traad.sagId ? foerste(await tx.select().from(sager).where(eq(sager.id, traad.sagId))) : undefined;
  return { traad, genstand: { kildeId: sag?.kildeId ?? null, enhed: sag?.enhed ?? traad.enhed } };
}

/** An answer a case system sent before, by its stored id. */
export async function svarFraKilde(tx: Pick<Db, 'select'>, kildeId: string) {
  return foerste(await tx.select().from(beskeder).where(eq(beskeder.kildeId, kildeId)));
}

/** A case system corrects its answer's text or sender. */
export async function retSvar(tx: Pick<Db, 'update'>, id: string, svar: { afsender: string; tekst: string }) {
  await tx.update(beskeder).set(svar).where(eq(beskeder.id, id));
}
