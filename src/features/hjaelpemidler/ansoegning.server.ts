/** Applications for a hjælpemiddel: the draft between steps, attachments, and submitting once. */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { teamForBy } from '#/config/kommune.ts';
import { miljoe } from '#/config/miljoe.ts';
import { bilagHandling } from '#/features/adgang/access.ts';
import { type Bruger, IkkeFundet, kraevElement, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { fristFor } from '#/features/sager/frister.ts';
import { ansoegningModtaget, kvitteringSendt } from '#/features/sager/haendelser.ts';
import { opretSag } from '#/features/sager/sagsskrivning.server.ts';
import { alder, dagen, plusDage } from '#/lib/dato.ts';
import { skrivHoldbart } from '#/lib/holdbar-fil.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { bilag, hjaelpemiddelAnsoegninger, hjaelpemiddelKladder } from '../../../db/schema.ts';
import { foersteManglende, type Kladde } from './ansoegning.ts';
import { type Filtype, navnMedTypensEndelse } from './filtjek.ts';

/** Attachments live outside public/ and are served only through the access door. */
export function bilagDir(): string {
  return resolve(miljoe().BILAG_DIR);
}

function aktoerId(bruger: Bruger): string {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
  return bruger.aktoer.personId;
}

/** The user's unsent draft for the person, if any: the start page then offers to continue it. */
export async function aabenKladde(db: Db, bruger: Bruger, personId: string) {
  return foerste(
    await db
      .select()
      .from(hjaelpemiddelKladder)
      .where(
        and(
          eq(hjaelpemiddelKladder.personId, personId),
          eq(hjaelpemiddelKladder.oprettetAf, aktoerId(bruger)),
          isNull(hjaelpemiddelKladder.ansoegningId),
        ),
      ),
  );
}

/** Resumes the open draft for this person by this user, or starts one. */
export async function startKladde(db: Db, bruger: Bruger, personId: string, forvalgt: string | undefined, now: Date) {
  const person = await kraevPerson(
    db,
    bruger,
    'soege-hjaelpemidler',
    personId,
    { handling: 'opret', hvad: 'Ansøgning om hjælpemiddel (påbegyndt)' },
    now,
  );
  const af = aktoerId(bruger);
  const aaben = await aabenKladde(db, bruger, personId);
  if (aaben) {
    if (forvalgt && !aaben.data.hjaelpemiddel)
      await gemKladde(db, aaben.id, { ...aaben.data, hjaelpemiddel: forvalgt }, now);
    return aaben.id;
  }
  const id = crypto.randomUUID();
  const data: Kladde = { leveringsadresse: person.adresse ?? '', ...(forvalgt ? { hjaelpemiddel: forvalgt } : {}) };
  await db.insert(hjaelpemiddelKladder).values({ id, personId, oprettetAf: af, data, opdateret: now.toISOString() });
  return id;
}

async function gemKladde(db: Db, id: string, data: Kladde, now: Date) {
  await db
    .update(hjaelpemiddelKladder)
    .set({ data, opdateret: now.toISOString() })
    .where(eq(hjaelpemiddelKladder.id, id));
}

/** A draft, only for the user who started it and only while they may still apply for the person. */
export async function hentKladde(db: Db, bruger: Bruger, kladdeId: string, now: Date) {
  const kladde = foerste(await db.select().from(hjaelpemiddelKladder).where(eq(hjaelpemiddelKladder.id, kladdeId)));
  if (!kladde || kladde.oprettetAf !== aktoerId(bruger)) throw new IkkeFundet();
  const person = await kraevPerson(
    db,
    bruger,
    'soege-hjaelpemidler',
    kladde.personId,
    { handling: 'se', hvad: 'Ansøgning om hjælpemiddel (kladde)' },
    now,
  );
  const filer = await db.select().from(bilag).where(eq(bilag.kladdeId, kladde.id)).orderBy(asc(bilag.oprettet));
  return { kladde, person, data: kladde.data as Kladde, filer };
}

/** Saves one step's answers into the draft. A submitted application can no longer change. */
export async function gemSkridt(db: Db, bruger: Bruger, kladdeId: string, svar: Kladde, now: Date) {
  const { kladde, data } = await hentKladde(db, bruger, kladdeId, now);
  if (kladde.ansoegningId) return { kladdeId, ansoegningId: kladde.ansoegningId };
  await gemKladde(db, kladdeId, { ...data, ...svar }, now);
  return { kladdeId, ansoegningId: null };
}

export async function gemBilag(
  db: Db,
  bruger: Bruger,
  kladdeId: string,
  fil: { navn: string; type: Filtype; bytes: Uint8Array },
  now: Date,
) {
  const { kladde } = await hentKladde(db, bruger, kladdeId, now);
  if (kladde.ansoegningId) throw new IkkeFundet();
  const id = crypto.randomUUID();
  mkdirSync(bilagDir(), { recursive: true });
  // The file is on disk before the row, so a row never points to a missing file.
  skrivHoldbart(join(bilagDir(), id), fil.bytes);
  await db.insert(bilag).values({
    id,
    kladdeId,
    filnavn: fil.navn,
    type: fil.type,
    stoerrelse: fil.bytes.length,
    oprettet: now.toISOString(),
  });
  return { kladdeId };
}

export async function sletBilag(db: Db, bruger: Bruger, kladdeId: string, bilagId: string, now: Date) {
  const { kladde, filer } = await hentKladde(db, bruger, kladdeId, now);
  if (kladde.ansoegningId || !filer.some((f) => f.id === bilagId)) throw new IkkeFundet();
  await db.delete(bilag).where(eq(bilag.id, bilagId));
  rmSync(join(bilagDir(), bilagId), { force: true });
  return { kladdeId };
}

/**
 * An attachment's bytes, through the door: staff only for a sent application on a case in
 * their scope, citizens for the person they may apply for (access.ts `bilagHandling`).
 * Named for download by the type its bytes have, not by the uploader's extension.
 */
export async function hentBilag(db: Db, bruger: Bruger, bilagId: string, now: Date) {
  const b = foerste(await db.select().from(bilag).where(eq(bilag.id, bilagId)));
  if (!b) throw new IkkeFundet();
  const kladde = foerste(await db.select().from(hjaelpemiddelKladder).where(eq(hjaelpemiddelKladder.id, b.kladdeId)));
  if (!kladde) throw new IkkeFundet();
  const ansoegning = kladde.ansoegningId
    ? foerste(
        await db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, kladde.ansoegningId)),
      )
    : undefined;
  const handling = bilagHandling(bruger.aktoer, { sendt: ansoegning !== undefined });
  if (!handling) throw new IkkeFundet();
  await kraevElement(
    db,
    bruger,
    handling,
    { personId: kladde.personId, sagId: ansoegning?.sagId ?? null },
    { handling: 'se', hvad: `Bilag: ${b.filnavn}` },
    now,
  );
  return { ...b, filnavn: navnMedTypensEndelse(b.filnavn, b.type), bytes: readFileSync(join(bilagDir(), b.id)) };
}

export class AnsoegningFejl extends Error {}

/** The catalogue entry for an aid's id, if it is one (the application's choice may be "ved-ikke"). */
export type Katalogopslag = (id: string) => { titel: string; lovgrundlag: string } | undefined;

/**
 * Submits the draft: the request, its case and the first history events in one transaction.
 * Submitting the same draft again returns the first request. The aid is the draft's own
 * answer, looked up in the catalogue here, never a value the form sends beside it.
 */
export async function indsendAnsoegning(
  db: Db,
  bruger: Bruger,
  kladdeId: string,
  katalogopslag: Katalogopslag,
  now: Date,
) {
  const { kladde, person, data } = await hentKladde(db, bruger, kladdeId, now);
  if (kladde.ansoegningId) return { ansoegningId: kladde.ansoegningId };
  const { behov, hjaelpemiddel, varighed, telefon, besoegstid, leveringsadresse } = data;
  // 'tjek' means every answer is there; the checks after it only tell the type so.
  if (
    foersteManglende(data) !== 'tjek' ||
    behov === undefined ||
    hjaelpemiddel === undefined ||
    varighed === undefined ||
    telefon === undefined ||
    besoegstid === undefined ||
    leveringsadresse === undefined
  )
    throw new AnsoegningFejl('Der mangler svar i ansøgningen. Gå tilbage og udfyld de manglende trin.');
  const katalog = katalogopslag(hjaelpemiddel);
  const idag = dagen(now);
  // A child's aids are granted under Barnets Lov § 90, which applies serviceloven §§ 112–116.
  const lovgrundlag =
    alder(person.foedselsdato, idag) < 18
      ? 'Barnets Lov § 90'
      : katalog?.lovgrundlag.startsWith('Serviceloven')
        ? katalog.lovgrundlag
        : 'Serviceloven § 112';
  const forventetSvar = fristFor(lovgrundlag, idag) ?? plusDage(idag, 35);
  const navn = katalog?.titel ?? 'Hjælpemiddel (vi finder det rigtige sammen med dig)';
  const id = crypto.randomUUID();
  const forAnden = aktoerId(bruger) !== person.id;
  await db.transaction(async (tx) => {
    const sag = {
      personId: person.id,
      enhed: teamForBy(person.by),
      titel: `Hjælpemiddel: ${navn.toLowerCase()}`,
      lovgrundlag,
      trin: 2,
      trinTekst: 'Vi har modtaget din ansøgning. En terapeut kontakter dig for at aftale et hjemmebesøg.',
      aaben: true,
      sagsbehandlerId: null,
      modtaget: idag,
      frist: forventetSvar,
    };
    const sagId = await opretSag(
      tx,
      sag,
      [ansoegningModtaget(forAnden ? bruger.navn : null), kvitteringSendt(forventetSvar)],
      now,
    );
    await tx.insert(hjaelpemiddelAnsoegninger).values({
      id,
      personId: person.id,
      indsendtAf: forAnden ? aktoerId(bruger) : null,
      hjaelpemiddel: navn,
      beskrivelse: behov,
      status: 'modtaget',
      modtaget: now.toISOString(),
      katalogId: katalog ? hjaelpemiddel : null,
      varighed,
      telefon,
      besoegstid,
      leveringsadresse,
      forventetSvar,
      kvitteringsnr: nytKvitteringsnr('H', now),
      kladdeId,
      sagId,
    });
    await tilJournal(
      tx,
      {
        type: 'hjaelpemiddel-ansoegning',
        personId: person.id,
        sagId,
        genstandId: id,
        data: {
          hjaelpemiddel: navn,
          katalogId: katalog ? hjaelpemiddel : null,
          beskrivelse: behov,
          varighed,
          telefon,
          besoegstid,
          leveringsadresse,
          forventetSvar,
          indsendtAf: forAnden ? bruger.navn : null,
        },
      },
      now,
    );
    await tx
      .update(hjaelpemiddelKladder)
      .set({ ansoegningId: id, opdateret: now.toISOString() })
      .where(eq(hjaelpemiddelKladder.id, kladdeId));
  });
  return { ansoegningId: id };
}
