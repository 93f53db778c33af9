/** The outbound feed: routing, order, cursor, receipts, and an event exactly when its fact is committed. */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { tilJournal, UdenforTransaktion } from '#/features/journal/journal.server.ts';
import type { Session } from '#/features/login/session.ts';
import { indsendKlage } from '#/features/sager/klage.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { audit, journalhaendelser, journalkvitteringer, klager, personer, sager } from '../../../db/schema.ts';
import { demoensSidsteHaendelse } from '../../../db/test-fixtures.ts';
import { hentHaendelser, kvitter } from './haendelser.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import { HaendelserQuerySchema } from './schemas.ts';
import { dubu, else_, elsesAfgoerelse, elsesSag, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
let demo: Awaited<ReturnType<typeof nyDemoDb>>['demo'];

let demoens: number;
/** A query; without `siden` it reads after the demo's own events. */
const q = (s = '') => {
  const p = new URLSearchParams(s);
  if (!p.has('siden')) p.set('siden', String(demoens));
  const r = valider(HaendelserQuerySchema, Object.fromEntries(p));
  if (!r.ok) throw new Error(JSON.stringify(r.felter));
  return r.data;
};
const naesteQ = (naeste: string) => q(naeste.split('?')[1] ?? '');
const senere = (min: number) => new Date(NU.getTime() + min * 60_000);

beforeEach(async () => {
  ({ db, demo } = await nyDemoDb());
  demoens = await demoensSidsteHaendelse(db);
});

const testensHaendelser = async () => (await db.select().from(journalhaendelser)).filter((h) => h.loebenr > demoens);

async function borger(personId: string) {
  return defined(
    await loadBruger(db, { personId, medarbejderId: null, handlerForId: null } as Session, NU),
    'Borgeren',
  );
}

/** Ali's decided § 100 case, a case made in the portal (unit voksenhandicap). */
async function alisSag() {
  return defined(
    foerste(
      await db
        .select()
        .from(sager)
        .where(and(eq(sager.personId, demo.ali.id), eq(sager.lovgrundlag, 'Serviceloven § 100'))),
    ),
    'Alis sag',
  );
}

/** Writes `n` events on Ali's portal case, one transaction each. */
async function haendelserPaaAli(n: number) {
  const sag = await alisSag();
  for (let i = 0; i < n; i++)
    await db.transaction(async (tx) => {
      await tilJournal(
        tx,
        { type: 'klage', personId: demo.ali.id, sagId: sag.id, genstandId: `g-${i}`, data: { nr: i } },
        senere(i),
      );
    });
}

describe('GET /api/v1/haendelser', () => {
  it('Alis klage på portalens sag går til systemet for sagens enhed, med CPR, og ikke til børnenes system', async () => {
    const sag = await alisSag();
    await indsendKlage(
      db,
      await borger(demo.ali.id),
      { sagId: sag.id, tekst: 'Mine udgifter er højere end I har regnet med.', noegle: crypto.randomUUID() },
      NU,
    );
    const klage = defined(foerste(await db.select().from(klager)), 'Klagen');
    const { cpr } = defined(foerste(await db.select().from(personer).where(eq(personer.id, demo.ali.id))), 'Ali');
    const side = await hentHaendelser(db, nexus, q(), NU);
    expect(side.elementer).toMatchObject([
      {
        type: 'klage',
        person: { personKildeId: null, cpr },
        sagId: sag.id,
        sagKildeId: null,
        genstandId: klage.id,
        data: { tekst: 'Mine udgifter er højere end I har regnet med.', indsendtAf: 'Ali Hassan' },
        kvitteret: null,
      },
    ]);
    expect((await hentHaendelser(db, dubu, q(), NU)).elementer).toEqual([]);
    expect((await hentHaendelser(db, { ...nexus, enheder: [] }, q(), NU)).elementer).toEqual([]);
    expect((await hentHaendelser(db, { ...dubu, enheder: ['*'] }, q(), NU)).elementer).toHaveLength(1);
  });

  it('en klage på en sag fra Nexus går kun til Nexus, med personens id dér, selv for en nøgle bundet til alle enheder', async () => {
    const person = await upsertPerson(db, nexus, 'P-1', else_(), NU);
    await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    await upsertAfgoerelse(db, nexus, 'S-1', elsesAfgoerelse(), NU);
    const sag = defined(foerste(await db.select().from(sager).where(eq(sager.kildeId, 'Nexus:S-1'))), 'Sagen');
    await indsendKlage(
      db,
      await borger(person.id),
      { sagId: sag.id, tekst: 'Jeg kan ikke selv gøre rent.', noegle: crypto.randomUUID() },
      NU,
    );
    expect((await hentHaendelser(db, nexus, q(), NU)).elementer).toMatchObject([
      { type: 'klage', person: { personKildeId: 'P-1', cpr: null }, sagKildeId: 'S-1' },
    ]);
    expect((await hentHaendelser(db, { ...dubu, enheder: ['*'] }, q(), NU)).elementer).toEqual([]);
  });

  it('bladrer i rækkefølge med naeste, uden at gentage eller springe over, og logger én gang pr. person pr. kald', async () => {
    await haendelserPaaAli(5);
    const sete: number[] = [];
    let side = await hentHaendelser(db, nexus, q('antal=2'), NU);
    sete.push(...side.elementer.map((e) => e.id));
    expect(side.flere).toBe(true);
    while (side.flere) {
      side = await hentHaendelser(db, nexus, naesteQ(side.naeste), NU);
      sete.push(...side.elementer.map((e) => e.id));
    }
    const alle = (await testensHaendelser()).map((h) => h.loebenr).sort((a, b) => a - b);
    expect(sete).toEqual(alle);
    expect(new Set(sete).size).toBe(5);
    // Nothing new: the same cursor again, and an empty page keeps it.
    const tom = await hentHaendelser(db, nexus, naesteQ(side.naeste), NU);
    expect(tom.elementer).toEqual([]);
    expect(tom.naeste).toBe(side.naeste);
    const log = await db
      .select()
      .from(audit)
      .where(and(eq(audit.personId, demo.ali.id), eq(audit.aktoerType, 'system')));
    // Three calls with Ali's events (2 + 2 + 1), the empty fourth writes nothing.
    expect(log.map((l) => l.hvad)).toEqual([
      'Hændelser til journalen hentet (2)',
      'Hændelser til journalen hentet (2)',
      'Hændelser til journalen hentet (1)',
    ]);
  });

  it('en transaktion, der ruller tilbage, efterlader ingen hændelse; uden for en transaktion skrives ingen', async () => {
    const sag = await alisSag();
    await expect(
      db.transaction(async (tx) => {
        await tilJournal(tx, { type: 'klage', personId: demo.ali.id, sagId: sag.id, genstandId: 'x', data: {} }, NU);
        throw new Error('nedbrud midt i skrivningen');
      }),
    ).rejects.toThrow('nedbrud');
    await expect(
      tilJournal(db, { type: 'klage', personId: demo.ali.id, sagId: sag.id, genstandId: 'y', data: {} }, NU),
    ).rejects.toThrow(UdenforTransaktion);
    expect(await testensHaendelser()).toEqual([]);
  });

  it('samtidige skrivere og en læser, der henter imens: læseren får hver hændelse præcis én gang', async () => {
    const sag = await alisSag();
    const sete: number[] = [];
    let siden = '';
    let faerdig = false;
    const laeser = (async () => {
      while (!faerdig) {
        const side = await hentHaendelser(db, nexus, q(siden), NU);
        sete.push(...side.elementer.map((e) => e.id));
        siden = side.naeste.split('?')[1] ?? '';
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tilJournal(
            tx,
            { type: 'klage', personId: demo.ali.id, sagId: sag.id, genstandId: `g-${i}`, data: {} },
            NU,
          );
          // Held open a while, so later writers queue behind it and the reader polls in between.
          await new Promise((r) => setTimeout(r, i % 3));
        }),
      ),
    );
    faerdig = true;
    await laeser;
    sete.push(...(await hentHaendelser(db, nexus, q(siden), NU)).elementer.map((e) => e.id));
    expect(sete).toHaveLength(20);
    expect(new Set(sete).size).toBe(20);
  });
});

describe('POST /api/v1/haendelser/kvitter', () => {
  it('kvitterer, viser det i listen, og det samme igen ændrer intet', async () => {
    await haendelserPaaAli(3);
    const [a, b] = (await hentHaendelser(db, nexus, q(), NU)).elementer.map((e) => e.id);
    expect(await kvitter(db, nexus, { ider: [defined(a, 'a'), defined(b, 'b')] }, senere(10))).toEqual({
      kvitteret: 2,
    });
    expect(await kvitter(db, nexus, { ider: [defined(a, 'a')] }, senere(20))).toEqual({ kvitteret: 1 });
    const efter = (await hentHaendelser(db, nexus, q(), NU)).elementer;
    expect(efter.map((e) => e.kvitteret)).toEqual([senere(10).toISOString(), senere(10).toISOString(), null]);
    expect(await db.select().from(journalkvitteringer)).toHaveLength(2);
  });

  it('et id, nøglen ikke får, afviser hele kaldet med 422, og intet kvitteres', async () => {
    await haendelserPaaAli(2);
    const [a] = (await hentHaendelser(db, nexus, q(), NU)).elementer.map((e) => e.id);
    const fejl = await fejlFra(() => kvitter(db, dubu, { ider: [defined(a, 'a')] }, NU));
    expect(fejl.status).toBe(422);
    const ukendt = await fejlFra(() => kvitter(db, nexus, { ider: [defined(a, 'a'), 999_999] }, NU));
    expect(ukendt.felter).toEqual([{ felt: 'ider', besked: expect.stringContaining('999999') }]);
    expect(await db.select().from(journalkvitteringer)).toEqual([]);
  });
});
