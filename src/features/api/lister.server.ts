/**
 * The lists a case system polls for what citizens sent through the portal: applications for
 * hjælpemidler, complaints, partshøring answers and revoked consents. Each list is ordered by
 * (time, id) and paged with a cursor, so nothing is skipped or repeated. A call is audit-logged
 * once for each person whose items it hands out (not once per item).
 */

import { and, asc, type Column, eq, gt, isNotNull, or, type SQL } from 'drizzle-orm';
import { systemetsEllerEnhedensSager } from '#/features/adgang/system.server.ts';
import { personnavne } from '#/features/personer/personnavne.ts';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import {
  afgoerelser,
  hjaelpemiddelAnsoegninger,
  klager,
  partshoeringer,
  personer,
  sager,
  samtykker,
} from '../../../db/schema.ts';
import { auditSystem, egenKildeId } from './faelles.server.ts';
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

/** Items on cases of this system, or on unowned cases (made in the portal) of the units the key serves; never another system's. */
function egenEllerEnhedensSag(klient: ApiKlient): SQL {
  return systemetsEllerEnhedensSager(klient, sager.kildeId, sager.enhed);
}

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

/** After the cursor: later than `siden`, or at `siden` with a larger id. */
function efterMarkoer(tid: Column, id: Column, q: SidenQuery): SQL | undefined {
  if (!q.siden) return undefined;
  const siden = q.siden.length > 10 ? new Date(q.siden).toISOString() : q.siden;
  return q.efter ? or(gt(tid, siden), and(eq(tid, siden), gt(id, q.efter))) : gt(tid, siden);
}

function side<T>(
  sti: string,
  q: SidenQuery,
  raekker: T[],
  markoer: (r: T) => { tid: string; id: string },
  antal: number,
): { raekker: T[]; flere: boolean; naeste: string } {
  const flere = raekker.length > antal;
  const vist = raekker.slice(0, antal);
  const sidste = vist.at(-1);
  const params = new URLSearchParams();
  const tid = sidste ? markoer(sidste).tid : q.siden;
  const id = sidste ? markoer(sidste).id : q.efter;
  if (tid) params.set('siden', tid);
  if (tid && id) params.set('efter', id);
  if (q.antal) params.set('antal', q.antal);
  const qs = params.toString();
  return { raekker: vist, flere, naeste: qs ? `${sti}?${qs}` : sti };
}

const antalFra = (q: SidenQuery) => (q.antal ? Number(q.antal) : MAKS_ANTAL);

/** New applications for hjælpemidler since the cursor. */
export async function hentHjaelpemiddelAnsoegninger(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  const indsender = personnavne('indsender');
  return await db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ a: hjaelpemiddelAnsoegninger, person: personer, sag: sager, indsender: indsender.navn })
        .from(hjaelpemiddelAnsoegninger)
        .innerJoin(personer, eq(personer.id, hjaelpemiddelAnsoegninger.personId))
        .leftJoin(sager, eq(sager.id, hjaelpemiddelAnsoegninger.sagId))
        .leftJoin(indsender, eq(indsender.id, hjaelpemiddelAnsoegninger.indsendtAf))
        .where(
          and(
            egenEllerEnhedensSag(klient),
            efterMarkoer(hjaelpemiddelAnsoegninger.modtaget, hjaelpemiddelAnsoegninger.id, q),
          ),
        )
        .orderBy(asc(hjaelpemiddelAnsoegninger.modtaget), asc(hjaelpemiddelAnsoegninger.id))
        .limit(antal + 1);
      const s = side('/api/v1/hjaelpemiddel-ansoegninger', q, rows, (r) => ({ tid: r.a.modtaget, id: r.a.id }), antal);
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

/** New complaints since the cursor. */
export async function hentKlager(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ k: klager, person: personer, sag: sager, afgoerelseDato: afgoerelser.dato })
        .from(klager)
        .innerJoin(sager, eq(sager.id, klager.sagId))
        .innerJoin(personer, eq(personer.id, sager.personId))
        .innerJoin(afgoerelser, eq(afgoerelser.id, klager.afgoerelseId))
        .where(and(egenEllerEnhedensSag(klient), efterMarkoer(klager.modtaget, klager.id, q)))
        .orderBy(asc(klager.modtaget), asc(klager.id))
        .limit(antal + 1);
      const s = side('/api/v1/klager', q, rows, (r) => ({ tid: r.k.modtaget, id: r.k.id }), antal);
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

/** New answers to partshøringer since the cursor. */
export async function hentPartshoeringssvar(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ p: partshoeringer, person: personer, sag: sager })
        .from(partshoeringer)
        .innerJoin(sager, eq(sager.id, partshoeringer.sagId))
        .innerJoin(personer, eq(personer.id, sager.personId))
        .where(
          and(
            isNotNull(partshoeringer.besvaret),
            isNotNull(partshoeringer.svar),
            egenEllerEnhedensSag(klient),
            efterMarkoer(partshoeringer.besvaret, partshoeringer.id, q),
          ),
        )
        .orderBy(asc(partshoeringer.besvaret), asc(partshoeringer.id))
        .limit(antal + 1);
      const s = side(
        '/api/v1/partshoeringssvar',
        q,
        rows,
        (r) => ({ tid: defined(r.p.besvaret, 'Svartidspunktet'), id: r.p.id }),
        antal,
      );
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

/** Consents revoked since the cursor. */
export async function hentTilbagekaldteSamtykker(db: Db, klient: ApiKlient, q: SidenQuery, now: Date) {
  const antal = antalFra(q);
  return await db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ s: samtykker, person: personer, sag: sager })
        .from(samtykker)
        .innerJoin(personer, eq(personer.id, samtykker.personId))
        .leftJoin(sager, eq(sager.id, samtykker.sagId))
        .where(
          and(
            isNotNull(samtykker.tilbagekaldt),
            egenEllerEnhedensSag(klient),
            efterMarkoer(samtykker.tilbagekaldt, samtykker.id, q),
          ),
        )
        .orderBy(asc(samtykker.tilbagekaldt), asc(samtykker.id))
        .limit(antal + 1);
      const s = side(
        '/api/v1/samtykker/tilbagekaldte',
        q,
        rows,
        (r) => ({ tid: defined(r.s.tilbagekaldt, 'Tilbagekaldelsen'), id: r.s.id }),
        antal,
      );
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
