import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import type { Session } from '#/features/login/session.ts';
import { besvarPartshoering } from '#/features/sager/partshoering.server.ts';
import { tilbagekaldSamtykke } from '#/features/samtykker/samtykker.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afgoerelser, audit, klager, partshoeringer, personer, sager, samtykker } from '../../../db/schema.ts';
import { hentHaendelser } from './haendelser.server.ts';
import {
  hentHjaelpemiddelAnsoegninger,
  hentKlager,
  hentPartshoeringssvar,
  hentTilbagekaldteSamtykker,
} from './lister.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import { SidenQuerySchema } from './schemas.ts';
import { dubu, else_, elsesAfgoerelse, elsesSag, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
let demo: Awaited<ReturnType<typeof nyDemoDb>>['demo'];
const q = (s: string) => {
  const r = valider(SidenQuerySchema, Object.fromEntries(new URLSearchParams(s)));
  if (!r.ok) throw new Error(JSON.stringify(r.felter));
  return r.data;
};
const naesteQ = (naeste: string) => q(naeste.split('?')[1] ?? '');
const ts = (min: number) => new Date(NU.getTime() + min * 60_000).toISOString();

beforeEach(async () => {
  ({ db, demo } = await nyDemoDb());
});

const borger = async (personId: string) =>
  defined(await loadBruger(db, { personId, medarbejderId: null, handlerForId: null } as Session, NU), 'Borgeren');

/** A complaint as its writer (indsendKlage) stores it: the row and its event in one transaction. */
async function klage(values: typeof klager.$inferInsert, personId: string) {
  await db.transaction(async (tx) => {
    await tx.insert(klager).values(values);
    await tilJournal(
      tx,
      { type: 'klage', personId, sagId: values.sagId, genstandId: values.id, data: {} },
      new Date(values.modtaget),
    );
  });
}

/** Else's case from Nexus with a refusal, and `n` complaints about it, all at the same moment. */
async function elseKlagerOver(n: number, tidspunkt = ts(5)) {
  const person = await upsertPerson(db, nexus, 'P-1', else_(), NU);
  const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
  const afg = await upsertAfgoerelse(db, nexus, 'S-1', elsesAfgoerelse(), NU);
  for (let i = 0; i < n; i++)
    await klage(
      {
        id: `klage-${i}`,
        sagId: sag.id,
        afgoerelseId: afg.id,
        tekst: `Klage ${i}`,
        modtaget: tidspunkt,
        status: 'modtaget',
        genvurderingFrist: '2026-12-22',
        indsendtAf: 'Else Nielsen',
      },
      person.id,
    );
  return sag;
}

describe('GET /klager', () => {
  it('giver Elses klage med hendes id i Nexus – ikke CPR – og logger, at Nexus har set den', async () => {
    await elseKlagerOver(1);
    const side = await hentKlager(db, nexus, q(''), NU);
    expect(side.elementer).toMatchObject([
      { id: 'klage-0', sagKildeId: 'S-1', person: { personKildeId: 'P-1', cpr: null }, tekst: 'Klage 0' },
    ]);
    expect(side.flere).toBe(false);
    const person = defined(
      foerste(await db.select().from(personer).where(eq(personer.kildeId, 'Nexus:P-1'))),
      'Personen',
    );
    expect(
      await db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, person.id), eq(audit.handling, 'se'))),
    ).toMatchObject([
      {
        aktoerType: 'system',
        aktoerId: 'noegle-nexus',
        aktoerNavn: 'Nexus (integration)',
        hvad: 'Klager hentet (1)',
      },
    ]);
  });

  it('bladrer med naeste uden at springe over eller gentage, også når tidspunkterne er ens', async () => {
    await elseKlagerOver(5);
    const set: string[] = [];
    let side = await hentKlager(db, nexus, q('antal=2'), NU);
    const flere = [side.flere];
    set.push(...side.elementer.map((e) => e.id));
    while (side.flere) {
      side = await hentKlager(db, nexus, naesteQ(side.naeste), NU);
      flere.push(side.flere);
      set.push(...side.elementer.map((e) => e.id));
    }
    expect(set).toEqual(['klage-0', 'klage-1', 'klage-2', 'klage-3', 'klage-4']);
    expect(flere).toEqual([true, true, false]);
    // Polling again with the last cursor gives nothing new.
    expect((await hentKlager(db, nexus, naesteQ(side.naeste), NU)).elementer).toEqual([]);
  });

  it('giver kun klager efter siden', async () => {
    await elseKlagerOver(1, ts(5));
    expect((await hentKlager(db, nexus, q(`siden=${encodeURIComponent(ts(10))}`), NU)).elementer).toEqual([]);
    expect(
      (await hentKlager(db, nexus, q(`siden=${encodeURIComponent('2026-11-24T10:00:00+01:00')}`), NU)).elementer,
    ).toHaveLength(1);
  });

  it("giver ikke DUBU klager på Nexus' sager", async () => {
    await elseKlagerOver(1);
    expect((await hentKlager(db, dubu, q(''), NU)).elementer.map((e) => e.id)).not.toContain('klage-0');
  });

  it('giver CPR-nummeret, når personen ikke har et id fra systemet', async () => {
    const ali100 = defined(
      foerste(
        await db
          .select()
          .from(sager)
          .where(and(eq(sager.personId, demo.ali.id), eq(sager.lovgrundlag, 'Serviceloven § 100'))),
      ),
      'Sagen',
    );
    const afg = defined(
      foerste(await db.select().from(afgoerelser).where(eq(afgoerelser.sagId, ali100.id))),
      'Afgørelsen',
    );
    await klage(
      {
        id: 'ali-klage',
        sagId: ali100.id,
        afgoerelseId: afg.id,
        tekst: 'Jeg er uenig.',
        modtaget: ts(1),
        status: 'modtaget',
        genvurderingFrist: '2026-12-22',
        indsendtAf: 'Ali Hassan',
      },
      demo.ali.id,
    );
    const ali = defined(foerste(await db.select().from(personer).where(eq(personer.id, demo.ali.id))), 'Personen');
    expect((await hentKlager(db, nexus, q(''), NU)).elementer).toMatchObject([
      { id: 'ali-klage', sagKildeId: null, sagId: ali100.id, person: { personKildeId: null, cpr: ali.cpr } },
    ]);
  });
});

describe('GET /hjaelpemiddel-ansoegninger, /partshoeringssvar, /samtykker/tilbagekaldte', () => {
  it("giver Jens' ansøgning om en badebænk", async () => {
    const side = await hentHjaelpemiddelAnsoegninger(db, nexus, q(''), NU);
    expect(side.elementer).toMatchObject([
      { hjaelpemiddel: 'Badebænk', status: 'under-vurdering', kvitteringsnr: 'H-DEMO-JENS01', indsendtAf: null },
    ]);
    expect(await db.select().from(audit).where(eq(audit.hvad, 'Ansøgninger om hjælpemidler hentet (1)'))).toHaveLength(
      1,
    );
  });

  it('giver kun besvarede partshøringer', async () => {
    expect((await hentPartshoeringssvar(db, nexus, q(''), NU)).elementer).toEqual([]);
    const [ph] = await db.select().from(partshoeringer);
    await besvarPartshoering(
      db,
      await borger(demo.ali.id),
      {
        partshoeringId: defined(ph, 'Alis partshøring').id,
        tekst: 'Jeg kan godt gå alene om dagen.',
        send: 'ja',
        noegle: crypto.randomUUID(),
      },
      new Date(ts(3)),
    );
    expect((await hentPartshoeringssvar(db, nexus, q(''), NU)).elementer).toMatchObject([
      { svar: 'Jeg kan godt gå alene om dagen.', besvaret: ts(3), besvaretAf: 'Ali Hassan' },
    ]);
  });

  it('giver tilbagekaldte samtykker i den rækkefølge, de blev tilbagekaldt', async () => {
    expect((await hentTilbagekaldteSamtykker(db, nexus, q(''), NU)).elementer).toEqual([]);
    const [jens, ali] = [await samtykkeFor(demo.jens.id), await samtykkeFor(demo.ali.id)];
    await tilbagekaldSamtykke(db, await borger(demo.jens.id), { samtykkeId: jens, bekraeft: 'ja' }, new Date(ts(2)));
    await tilbagekaldSamtykke(db, await borger(demo.ali.id), { samtykkeId: ali, bekraeft: 'ja' }, new Date(ts(9)));
    expect(
      (await hentTilbagekaldteSamtykker(db, nexus, q(''), NU)).elementer.map((e) => [e.id, e.tilbagekaldt]),
    ).toEqual([
      [jens, ts(2)],
      [ali, ts(9)],
    ]);
  });
});

async function samtykkeFor(personId: string): Promise<string> {
  return defined(foerste(await db.select().from(samtykker).where(eq(samtykker.personId, personId))), 'Samtykket').id;
}

describe('listerne er hændelserne filtreret på type', () => {
  it('giver de samme poster som GET /haendelser, for hver nøgle', async () => {
    await elseKlagerOver(2);
    await tilbagekaldSamtykke(
      db,
      await borger(demo.ali.id),
      { samtykkeId: await samtykkeFor(demo.ali.id), bekraeft: 'ja' },
      NU,
    );
    for (const klient of [nexus, dubu, { ...dubu, enheder: ['*'] }]) {
      const feed = (await hentHaendelser(db, klient, {}, NU)).elementer;
      const af = (type: string) => feed.filter((h) => h.type === type).map((h) => h.genstandId);
      expect((await hentKlager(db, klient, q(''), NU)).elementer.map((e) => e.id)).toEqual(af('klage'));
      expect((await hentHjaelpemiddelAnsoegninger(db, klient, q(''), NU)).elementer.map((e) => e.id)).toEqual(
        af('hjaelpemiddel-ansoegning'),
      );
      expect((await hentTilbagekaldteSamtykker(db, klient, q(''), NU)).elementer.map((e) => e.id)).toEqual(
        af('samtykke-tilbagekaldt'),
      );
    }
  });

  it('en markør fra før (siden og efter) fører videre uden at springe over eller gentage', async () => {
    await elseKlagerOver(4);
    // What an integration saved from an older version's "naeste": after klage-1, at the same moment.
    const side = await hentKlager(db, nexus, q(`siden=${encodeURIComponent(ts(5))}&efter=klage-1`), NU);
    expect(side.elementer.map((e) => e.id)).toEqual(['klage-2', 'klage-3']);
    expect(side.naeste).toMatch(/^\/api\/v1\/klager\?haendelse=\d+$/);
    expect((await hentKlager(db, nexus, naesteQ(side.naeste), NU)).elementer).toEqual([]);
    // A cursor past everything waits at the feed's end: the next complaint comes, nothing older.
    const forbi = await hentKlager(db, nexus, q(`siden=${encodeURIComponent(ts(60))}`), NU);
    expect(forbi.elementer).toEqual([]);
    await klage(
      {
        id: 'klage-ny',
        sagId: defined(foerste(await db.select().from(klager)), 'En klage').sagId,
        afgoerelseId: defined(foerste(await db.select().from(klager)), 'En klage').afgoerelseId,
        tekst: 'Ny klage',
        modtaget: ts(61),
        status: 'modtaget',
        genvurderingFrist: '2026-12-22',
        indsendtAf: 'Else Nielsen',
      },
      defined(foerste(await db.select().from(personer).where(eq(personer.kildeId, 'Nexus:P-1'))), 'Else').id,
    );
    expect((await hentKlager(db, nexus, naesteQ(forbi.naeste), NU)).elementer.map((e) => e.id)).toEqual(['klage-ny']);
  });

  it('haendelse og siden på én gang er en fejl ved feltet', () => {
    const r = valider(SidenQuerySchema, { haendelse: '3', siden: ts(1) });
    expect(r.ok ? [] : r.felter).toEqual([
      { felt: 'haendelse', besked: 'Brug enten haendelse eller siden, ikke begge.' },
    ]);
  });
});
