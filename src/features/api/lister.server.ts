/**
 * The lists a case system polls for what citizens sent through the portal: applications for
 * hjælpemidler, complaints, partshøring answers and revoked consents. Each is the outbound feed
 * (haendelser.server.ts) filtered by its type: the same items, routed to the same keys, in the order
 * committed, each shown as it stands now. A call is audit-logged once for each person whose items
 * it hands out (not once per item).
 */

import { and, asc, type Column, eq, gt, max, min, or, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { systemetsEllerEnhedensHaendelser } from '#/features/adgang/system.server.ts';
import type { JournalType } from '#/features/journal/typer.ts';
import { personnavne } from '#/features/personer/personnavne.ts';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import {
  afgoerelser,
  hjaelpemiddelAnsoegninger,
  journalhaendelser,
  klager,
  partshoeringer,
  personer,
  sager,
  samtykker,
} from '../../../db/schema.ts';
import { auditSystem, egenKildeId, type Tx } from './faelles.server.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { PersonReference, SidenQuery } from './schemas.ts';

export const MAKS_ANTAL = 500;

type Person = typeof personer.$inferSelect;
type Sag = typeof sager.$inferSelect;

export interface Side<T> {
  elementer: T[];
  flere: boolean;
  naeste: string;
}

/**
 * How the case system recognises the person: by its own id when the person came from it,
 * otherwise (a citizen who logged in first, or one from another system) by CPR number.
 */
export function personReference(klient: ApiKlient, person: Person): PersonReference {
  const egen = egenKildeId(klient, person.kildeId);
  return egen ? { personKildeId: egen, cpr: null } : { personKildeId: null, cpr: person.cpr };
}

const sagReference = (klient: ApiKlient, sag: Sag | null) => ({
  sagId: sag?.id ?? null,
  sagKildeId: sag ? egenKildeId(klient, sag.kildeId) : null,
});

/** The feed's events this key receives: on its system's cases, or on unowned cases of the units it serves. */
export const haendelserTilKlienten = (klient: ApiKlient): SQL =>
  systemetsEllerEnhedensHaendelser(klient, journalhaendelser.kildesystem, journalhaendelser.enhed);

/** One audit entry per person in the page: "Klager hentet (2)". */
export async function auditPrPerson(
  db: Db,
  klient: ApiKlient,
  personIder: readonly string[],
  hvad: string,
  now: Date,
): Promise<void> {
  const antal = new Map<string, number>();
  for (const id of personIder) antal.set(id, (antal.get(id) ?? 0) + 1);
  for (const [id, n] of antal) await auditSystem(db, klient, id, 'se', `${hvad} (${n})`, now);
}

/** What one list is in the feed: the events' type, and the item's table with its time and id. */
interface Liste {
  sti: string;
  type: JournalType;
  tabel: SQLiteTable;
  tid: Column;
  id: Column;
}

/**
 * The feed position a page starts after. `haendelse` is the cursor `naeste` gives. A cursor from
 * before the lists were views of the feed (`siden` and `efter`: an item's time and id) starts
 * before the first event whose item is after it, so nothing is skipped.
 */
async function start(tx: Tx, l: Liste, q: SidenQuery): Promise<number> {
  if (q.haendelse) return Number(q.haendelse);
  if (!q.siden) return 0;
  const siden = q.siden.length > 10 ? new Date(q.siden).toISOString() : q.siden;
  const efter = q.efter ? or(gt(l.tid, siden), and(eq(l.tid, siden), gt(l.id, q.efter))) : gt(l.tid, siden);
  const [foerste] = await tx
    .select({ n: min(journalhaendelser.loebenr) })
    .from(journalhaendelser)
    .innerJoin(l.tabel, eq(l.id, journalhaendelser.genstandId))
    .where(and(eq(journalhaendelser.type, l.type), efter));
  if (foerste?.n != null) return Number(foerste.n) - 1;
  const [sidste] = await tx.select({ n: max(journalhaendelser.loebenr) }).from(journalhaendelser);
  return Number(sidste?.n ?? 0);
}

/** This key's events of the list's type after the start, in the feed's order. */
const iFeedet = (klient: ApiKlient, l: Liste, fra: number): SQL | undefined =>
  and(eq(journalhaendelser.type, l.type), gt(journalhaendelser.loebenr, fra), haendelserTilKlienten(klient));

function side<T extends { loebenr: number }>(l: Liste, q: SidenQuery, fra: number, raekker: T[], antal: number) {
  const vist = raekker.slice(0, antal);
  const params = new URLSearchParams();
  const sidste = vist.at(-1)?.loebenr ?? fra;
  if (sidste > 0) params.set('haendelse', String(sidste));
  if (q.antal) params.set('antal', q.antal);
  const qs = params.toString();
  return { raekker: vist, flere: raekker.length > antal, naeste: qs ? `${l.sti}?${qs}` : l.sti };
}

const antalFra = (q: SidenQuery) => (q.antal ? Number(q.antal) : MAKS_ANTAL);

const ANSOEGNINGER: Liste = {
  sti: '/api/v1/hjaelpemiddel-ansoegninger',
  type: 'hjaelpemiddel-ansoegning',
  tabel: hjaelpemiddelAnsoegninger,
  tid: hjaelpemiddelAnsoegninger.modtaget,
  id: hjaelpemiddelAnsoegninger.id,
};

/** New applications for hjælpemidler since the cursor. */
export async function hentHjaelpemiddelAnsoegninger(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  const indsender = personnavne('indsender');
  return await db.transaction(
    async (tx) => {
      const fra = await start(tx, ANSOEGNINGER, q);
      const rows = await tx
        .select({
          loebenr: journalhaendelser.loebenr,
          a: hjaelpemiddelAnsoegninger,
          person: personer,
          sag: sager,
          indsender: indsender.navn,
        })
        .from(journalhaendelser)
        .innerJoin(hjaelpemiddelAnsoegninger, eq(hjaelpemiddelAnsoegninger.id, journalhaendelser.genstandId))
        .innerJoin(personer, eq(personer.id, hjaelpemiddelAnsoegninger.personId))
        .leftJoin(sager, eq(sager.id, hjaelpemiddelAnsoegninger.sagId))
        .leftJoin(indsender, eq(indsender.id, hjaelpemiddelAnsoegninger.indsendtAf))
        .where(iFeedet(klient, ANSOEGNINGER, fra))
        .orderBy(asc(journalhaendelser.loebenr))
        .limit(antal + 1);
      const s = side(ANSOEGNINGER, q, fra, rows, antal);
      await auditPrPerson(
        db,
        klient,
        s.raekker.map((r) => r.person.id),
        'Ansøgninger om hjælpemidler hentet',
        now,
      );
      return {
        elementer: s.raekker.map(({ a, person, sag, indsender }) => ({
          id: a.id,
          modtaget: a.modtaget,
          person: personReference(klient, person),
          indsendtAf: indsender,
          hjaelpemiddel: a.hjaelpemiddel,
          beskrivelse: a.beskrivelse,
          status: a.status,
          katalogId: a.katalogId,
          varighed: a.varighed,
          telefon: a.telefon,
          besoegstid: a.besoegstid,
          leveringsadresse: a.leveringsadresse,
          forventetSvar: a.forventetSvar,
          kvitteringsnr: a.kvitteringsnr,
          ...sagReference(klient, sag),
        })),
        flere: s.flere,
        naeste: s.naeste,
      };
    },
    { behavior: 'immediate' },
  );
}

const KLAGER: Liste = { sti: '/api/v1/klager', type: 'klage', tabel: klager, tid: klager.modtaget, id: klager.id };

/** New complaints since the cursor. */
export async function hentKlager(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const fra = await start(tx, KLAGER, q);
      const rows = await tx
        .select({
          loebenr: journalhaendelser.loebenr,
          k: klager,
          person: personer,
          sag: sager,
          afgoerelseDato: afgoerelser.dato,
        })
        .from(journalhaendelser)
        .innerJoin(klager, eq(klager.id, journalhaendelser.genstandId))
        .innerJoin(sager, eq(sager.id, klager.sagId))
        .innerJoin(personer, eq(personer.id, sager.personId))
        .innerJoin(afgoerelser, eq(afgoerelser.id, klager.afgoerelseId))
        .where(iFeedet(klient, KLAGER, fra))
        .orderBy(asc(journalhaendelser.loebenr))
        .limit(antal + 1);
      const s = side(KLAGER, q, fra, rows, antal);
      await auditPrPerson(
        db,
        klient,
        s.raekker.map((r) => r.person.id),
        'Klager hentet',
        now,
      );
      return {
        elementer: s.raekker.map(({ k, person, sag, afgoerelseDato }) => ({
          id: k.id,
          modtaget: k.modtaget,
          person: personReference(klient, person),
          ...sagReference(klient, sag),
          afgoerelseId: k.afgoerelseId,
          afgoerelseDato,
          tekst: k.tekst,
          status: k.status,
          genvurderingFrist: k.genvurderingFrist,
          forSent: k.forSent,
          indsendtAf: k.indsendtAf,
          kvitteringsnr: k.kvitteringsnr,
        })),
        flere: s.flere,
        naeste: s.naeste,
      };
    },
    { behavior: 'immediate' },
  );
}

const PARTSHOERINGSSVAR: Liste = {
  sti: '/api/v1/partshoeringssvar',
  type: 'partshoeringssvar',
  tabel: partshoeringer,
  tid: partshoeringer.besvaret,
  id: partshoeringer.id,
};

/** New answers to partshøringer since the cursor. */
export async function hentPartshoeringssvar(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const fra = await start(tx, PARTSHOERINGSSVAR, q);
      const rows = await tx
        .select({ loebenr: journalhaendelser.loebenr, p: partshoeringer, person: personer, sag: sager })
        .from(journalhaendelser)
        .innerJoin(partshoeringer, eq(partshoeringer.id, journalhaendelser.genstandId))
        .innerJoin(sager, eq(sager.id, partshoeringer.sagId))
        .innerJoin(personer, eq(personer.id, sager.personId))
        .where(iFeedet(klient, PARTSHOERINGSSVAR, fra))
        .orderBy(asc(journalhaendelser.loebenr))
        .limit(antal + 1);
      const s = side(PARTSHOERINGSSVAR, q, fra, rows, antal);
      await auditPrPerson(
        db,
        klient,
        s.raekker.map((r) => r.person.id),
        'Svar på partshøringer hentet',
        now,
      );
      return {
        elementer: s.raekker.map(({ p, person, sag }) => ({
          id: p.id,
          besvaret: defined(p.besvaret, 'Svartidspunktet'),
          person: personReference(klient, person),
          ...sagReference(klient, sag),
          materiale: p.materiale,
          sendt: p.sendt,
          svarfrist: p.svarfrist,
          svar: defined(p.svar, 'Svaret'),
          besvaretAf: p.besvaretAf,
          kvitteringsnr: p.kvitteringsnr,
        })),
        flere: s.flere,
        naeste: s.naeste,
      };
    },
    { behavior: 'immediate' },
  );
}

const TILBAGEKALDTE: Liste = {
  sti: '/api/v1/samtykker/tilbagekaldte',
  type: 'samtykke-tilbagekaldt',
  tabel: samtykker,
  tid: samtykker.tilbagekaldt,
  id: samtykker.id,
};

/** Consents revoked since the cursor. */
export async function hentTilbagekaldteSamtykker(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const fra = await start(tx, TILBAGEKALDTE, q);
      const rows = await tx
        .select({ loebenr: journalhaendelser.loebenr, s: samtykker, person: personer, sag: sager })
        .from(journalhaendelser)
        .innerJoin(samtykker, eq(samtykker.id, journalhaendelser.genstandId))
        .innerJoin(personer, eq(personer.id, samtykker.personId))
        .leftJoin(sager, eq(sager.id, samtykker.sagId))
        .where(iFeedet(klient, TILBAGEKALDTE, fra))
        .orderBy(asc(journalhaendelser.loebenr))
        .limit(antal + 1);
      const s = side(TILBAGEKALDTE, q, fra, rows, antal);
      await auditPrPerson(
        db,
        klient,
        s.raekker.map((r) => r.person.id),
        'Tilbagekaldte samtykker hentet',
        now,
      );
      return {
        elementer: s.raekker.map(({ s: x, person, sag }) => ({
          id: x.id,
          tilbagekaldt: defined(x.tilbagekaldt, 'Tilbagekaldelsen'),
          person: personReference(klient, person),
          ...sagReference(klient, sag),
          kilde: x.kilde,
          formaal: x.formaal,
          givet: x.givet,
          tilbagekaldtAf: x.tilbagekaldtAf,
          kvitteringsnr: x.kvitteringsnr,
        })),
        flere: s.flere,
        naeste: s.naeste,
      };
    },
    { behavior: 'immediate' },
  );
}
