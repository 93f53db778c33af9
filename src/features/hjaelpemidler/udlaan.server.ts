/** Following requests, and the devices on loan: report a defect, order a pick-up. */
import { z } from 'astro/zod';
import { desc, eq, inArray } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { UDLAANETS_ENHED } from '#/features/journal/typer.ts';
import { Afvisning } from '#/lib/afvisning.ts';
import { erArbejdsdag } from '#/lib/arbejdsdage.ts';
import { dagen, formatDato, plusDage } from '#/lib/dato.ts';
import { dagFelt } from '#/lib/datofelt.ts';
import { defined } from '#/lib/defined.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afhentninger, bilag, fejlmeldinger, hjaelpemiddelAnsoegninger, personer, udlaan } from '../../../db/schema.ts';

export async function mineHjaelpemidler(db: Db, bruger: Bruger, personId: string, now: Date) {
  const person = await kraevPerson(
    db,
    bruger,
    'soege-hjaelpemidler',
    personId,
    { handling: 'se', hvad: 'Hjælpemidler' },
    now,
  );
  const laan = await db.select().from(udlaan).where(eq(udlaan.personId, personId)).orderBy(desc(udlaan.udlaantDato));
  const ids = laan.map((l) => l.id);
  return {
    person,
    ansoegninger: await db
      .select()
      .from(hjaelpemiddelAnsoegninger)
      .where(eq(hjaelpemiddelAnsoegninger.personId, personId))
      .orderBy(desc(hjaelpemiddelAnsoegninger.modtaget)),
    udlaan: laan,
    fejl: ids.length
      ? await db
          .select()
          .from(fejlmeldinger)
          .where(inArray(fejlmeldinger.udlaanId, ids))
          .orderBy(desc(fejlmeldinger.modtaget))
      : [],
    afhentninger: ids.length
      ? await db
          .select()
          .from(afhentninger)
          .where(inArray(afhentninger.udlaanId, ids))
          .orderBy(desc(afhentninger.modtaget))
      : [],
  };
}

/** A submitted request with its attachments, for the receipt. */
export async function hentAnsoegning(db: Db, bruger: Bruger, id: string, now: Date) {
  const a = foerste(await db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, id)));
  if (!a) throw new IkkeFundet();
  const person = await kraevPerson(
    db,
    bruger,
    'soege-hjaelpemidler',
    a.personId,
    { handling: 'se', hvad: `Ansøgning om hjælpemiddel: ${a.hjaelpemiddel}` },
    now,
  );
  const indsendtAf = a.indsendtAf
    ? foerste(await db.select({ navn: personer.navn }).from(personer).where(eq(personer.id, a.indsendtAf)))?.navn
    : undefined;
  const filer = a.kladdeId ? await db.select().from(bilag).where(eq(bilag.kladdeId, a.kladdeId)) : [];
  return { a, person, indsendtAf, filer };
}

/** A device on loan, for someone who may act on the person's aids. */
export async function hentUdlaan(db: Db, bruger: Bruger, udlaanId: string, hvad: string, now: Date) {
  const l = foerste(await db.select().from(udlaan).where(eq(udlaan.id, udlaanId)));
  if (!l) throw new IkkeFundet();
  const person = await kraevPerson(
    db,
    bruger,
    'soege-hjaelpemidler',
    l.personId,
    { handling: 'se', hvad: `${hvad}: ${l.hjaelpemiddel} ${l.nummer}` },
    now,
  );
  return { l, person };
}

type Laan = typeof udlaan.$inferSelect;
/** A loan as the feed names it, and where its events go: loans have no case, the depot handles them. */
export const laanet = (l: Laan) => ({ udlaanId: l.id, hjaelpemiddel: l.hjaelpemiddel, nummer: l.nummer });
export const laanetsJournal = (l: Laan) => ({ personId: l.personId, sagId: null, enhed: UDLAANETS_ENHED });

/** A device that has been returned: the loan has ended, nothing more can be reported or ordered on it. */
export class UdlaanAfsluttet extends Error {}

function kraevAabentUdlaan(l: Laan): void {
  if (l.afleveret)
    throw new UdlaanAfsluttet(
      `${l.hjaelpemiddel} (nummer ${l.nummer}) blev afleveret ${formatDato(l.afleveret)}. Ring til depotet, hvis der er noget galt.`,
    );
}

export const FejlmeldingSchema = z.object({
  udlaanId: z.string().min(1),
  beskrivelse: z
    .string({ error: 'Skriv, hvad der er galt.' })
    .trim()
    .min(5, 'Skriv, hvad der er galt – mindst 5 tegn.')
    .max(2000, 'Højst 2.000 tegn.'),
  farlig: z.enum(['ja', 'nej'], { error: 'Vælg, om det er farligt at bruge hjælpemidlet nu.' }),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});

export async function meldFejl(db: Db, bruger: Bruger, input: z.output<typeof FejlmeldingSchema>, now: Date) {
  const { l } = await hentUdlaan(db, bruger, input.udlaanId, 'Fejlmelding', now);
  kraevAabentUdlaan(l);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const ny = await tx
      .insert(fejlmeldinger)
      .values({
        id,
        udlaanId: l.id,
        beskrivelse: input.beskrivelse,
        farlig: input.farlig === 'ja',
        modtaget: now.toISOString(),
        indsendtAf: bruger.navn,
        status: 'modtaget',
        kvitteringsnr: nytKvitteringsnr('D', now),
        noegle: input.noegle,
      })
      .onConflictDoNothing()
      .returning({ id: fejlmeldinger.id });
    // A form sent twice is saved once, and journalised once.
    if (ny.length)
      await tilJournal(
        tx,
        {
          type: 'fejlmelding',
          ...laanetsJournal(l),
          genstandId: id,
          data: {
            ...laanet(l),
            beskrivelse: input.beskrivelse,
            farlig: input.farlig === 'ja',
            indsendtAf: bruger.navn,
          },
        },
        now,
      );
  });
  const gemt = defined(
    foerste(await db.select().from(fejlmeldinger).where(eq(fejlmeldinger.noegle, input.noegle))),
    'fejlmeldingen',
  );
  return { udlaanId: l.id, fejlId: gemt.id };
}

/** The earliest pick-up day: the depot needs a working day's notice. */
export function foersteAfhentningsdag(idag: string): string {
  let d = plusDage(idag, 2);
  while (!erArbejdsdag(d)) d = plusDage(d, 1);
  return d;
}

export const AfhentningSchema = z.object({
  udlaanId: z.string().min(1),
  dato: dagFelt('Vælg en dato for afhentning.'),
  bemaerkning: z.string().trim().max(500, 'Højst 500 tegn.').optional(),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});

export class AfhentningFejl extends Afvisning {}

export async function bestilAfhentning(db: Db, bruger: Bruger, input: z.output<typeof AfhentningSchema>, now: Date) {
  const { l } = await hentUdlaan(db, bruger, input.udlaanId, 'Afhentning', now);
  kraevAabentUdlaan(l);
  const tidligst = foersteAfhentningsdag(dagen(now));
  if (input.dato < tidligst)
    throw new AfhentningFejl(
      `Vælg ${formatDato(tidligst)} eller senere. Depotet skal have mindst én arbejdsdags varsel.`,
      'dato',
    );
  if (!erArbejdsdag(input.dato))
    throw new AfhentningFejl('Depotet henter kun på hverdage. Vælg en anden dato.', 'dato');
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const ny = await tx
      .insert(afhentninger)
      .values({
        id,
        udlaanId: l.id,
        dato: input.dato,
        bemaerkning: input.bemaerkning || null,
        modtaget: now.toISOString(),
        indsendtAf: bruger.navn,
        status: 'bestilt',
        kvitteringsnr: nytKvitteringsnr('A', now),
        noegle: input.noegle,
      })
      .onConflictDoNothing()
      .returning({ id: afhentninger.id });
    if (ny.length)
      await tilJournal(
        tx,
        {
          type: 'afhentning',
          ...laanetsJournal(l),
          genstandId: id,
          data: { ...laanet(l), dato: input.dato, bemaerkning: input.bemaerkning || null, indsendtAf: bruger.navn },
        },
        now,
      );
  });
  const gemt = defined(
    foerste(await db.select().from(afhentninger).where(eq(afhentninger.noegle, input.noegle))),
    'afhentningen',
  );
  return { udlaanId: l.id, afhentningId: gemt.id };
}

/** The receipt for a defect report on a loan the user may already see. */
export async function hentFejlKvittering(db: Db, udlaanId: string, id: string | null) {
  const row = id ? foerste(await db.select().from(fejlmeldinger).where(eq(fejlmeldinger.id, id))) : undefined;
  return row?.udlaanId === udlaanId ? row : undefined;
}

/** The receipt for a pick-up on a loan the user may already see. */
export async function hentAfhentningKvittering(db: Db, udlaanId: string, id: string | null) {
  const row = id ? foerste(await db.select().from(afhentninger).where(eq(afhentninger.id, id))) : undefined;
  return row?.udlaanId === udlaanId ? row : undefined;
}
