import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Skrivning, skrivninger, udfoerSkrivning } from '#/actions/skrivninger.ts';
import { type Bruger, IkkeFundet, loadBruger } from '#/features/adgang/adgang.server.ts';
import { upsertBeskedSvar } from '#/features/api/beskeder.server.ts';
import { dubu, fejlFra, NU, nexus, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import {
  BeskedFejl,
  beskederPaaSag,
  beskedoversigt,
  generelTraad,
  indbakke,
  skrivBeskedPaaSag,
  skrivGenerelBesked,
  traadTilBehandling,
} from './beskeder.server.ts';

const session = (ejer: Partial<Session>) =>
  ({ personId: null, medarbejderId: null, handlerForId: null, ...ejer }) as Session;
const bruger = async (db: Db, ejer: Partial<Session>, now = NU) =>
  defined(await loadBruger(db, session(ejer), now), 'Brugeren');
const medarbejder = async (db: Db, navn: string) => {
  const m = defined(foerste(await db.select().from(t.medarbejdere).where(eq(t.medarbejdere.navn, navn))), navn);
  return (await bruger(db, { medarbejderId: m.id })) as Bruger & { aktoer: { type: 'medarbejder' } };
};
const besked = (sagId: string, over: Partial<{ emne: string; tekst: string }> = {}) => ({
  sagId,
  emne: 'Min afgørelse',
  tekst: 'Hvorfor fik jeg afslag på merudgifter?',
  noegle: crypto.randomUUID(),
  ...over,
});
const skriv = async <K extends 'besvarBesked' | 'lukTraad' | 'overdragTraad'>(
  db: Db,
  navn: K,
  b: Bruger,
  input: Record<string, unknown>,
  now = NU,
) => await udfoerSkrivning(db, skrivninger[navn] as Skrivning, b, input, now);
const journal = async (db: Db) =>
  (await db.select().from(t.journalhaendelser).orderBy(t.journalhaendelser.loebenr)).map((h) => [h.type, h.genstandId]);

describe('beskeder på en sag', () => {
  it('Ali skriver, Sofie svarer: samtalen, læst-markeringen, svarfristen og journalen', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, { personId: demo.ali.id });
    const sofie = await medarbejder(db, 'Sofie Lund');
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 100');
    const input = besked(sag.id);
    const { beskedId, sti } = await skrivBeskedPaaSag(db, ali, input, NU);
    // The same form again finds the first message.
    expect((await skrivBeskedPaaSag(db, ali, input, NU)).beskedId).toBe(beskedId);
    expect(sti).toBe(`/sager/${sag.id}/beskeder`);

    const [raekke] = await db.select().from(t.beskeder);
    expect(raekke).toMatchObject({ fra: 'borger', afsender: 'Ali Hassan', svarFrist: '2026-11-27', laest: null });
    expect(raekke?.kvitteringsnr).toMatch(/^B-2026-/);

    const indbakken = await indbakke(db, sofie, 'mine', NU);
    expect(indbakken.map((x) => [x.personNavn, x.tilstand.status, x.ulaeste])).toEqual([
      ['Ali Hassan', 'ubesvaret', 1],
    ]);
    const traadId = defined(indbakken[0], 'Tråden').traad.id;

    // Sofie opens it: Ali's message is read; she answers with the case's letter.
    const { breve } = await traadTilBehandling(db, sofie, traadId, NU);
    expect(foerste(await db.select().from(t.beskeder))?.laest).toBe(NU.toISOString());
    const brev = defined(breve[0], 'Et brev på sagen');
    const senere = new Date(NU.getTime() + 3_600_000);
    await skriv(
      db,
      'besvarBesked',
      sofie,
      { traadId, tekst: 'Se begrundelsen i brevet.', dokumentId: brev.id, noegle: crypto.randomUUID() },
      senere,
    );

    const set = await beskederPaaSag(db, ali, sag.id, senere);
    expect(set.tilstand.status).toBe('besvaret');
    expect(set.beskeder.map((b) => [b.fra, b.afsender, b.emne, b.dokument?.id ?? null])).toEqual([
      ['borger', 'Ali Hassan', 'Min afgørelse', null],
      ['kommune', 'Sofie Lund, sagsbehandler', 'Svar: Min afgørelse', brev.id],
    ]);
    // Ali's opening marks the answer read, once.
    const svaret = defined(foerste(await db.select().from(t.beskeder).where(eq(t.beskeder.fra, 'kommune'))), 'Svaret');
    expect(svaret.laest).toBe(senere.toISOString());

    const typer = (await journal(db)).map(([type]) => type);
    expect(typer.filter((x) => x === 'besked' || x === 'besked-svar')).toEqual(['besked', 'besked-svar']);
    const audit = await db.select().from(t.audit).where(eq(t.audit.personId, demo.ali.id));
    expect(audit.map((a) => a.hvad)).toEqual(
      expect.arrayContaining(['Besked til sagsbehandleren', 'Beskeder', 'Svar på besked', 'Beskeder på sagen']),
    );
  });

  it('Karin skriver på Jens’ sag inden for sin fuldmagt og kan ikke skrive på Alis', async () => {
    const { db, demo } = await nyDemoDb();
    const karin = await bruger(db, { personId: demo.karin.id });
    const jensSag = defined(
      foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.jens.id))),
      'Jens’ sag',
    );
    await skrivBeskedPaaSag(db, karin, besked(jensSag.id, { emne: 'Hjemmehjælpen' }), NU);
    expect(foerste(await db.select().from(t.beskeder))?.afsender).toBe('Karin Madsen på vegne af Jens Madsen');
    const aliSag = await demoSag(db, demo.ali.id, 'Serviceloven § 100');
    await expect(skrivBeskedPaaSag(db, karin, besked(aliSag.id), NU)).rejects.toThrow(IkkeFundet);
    await expect(beskederPaaSag(db, karin, aliSag.id, NU)).rejects.toThrow(IkkeFundet);
  });

  it('Mette mister Freja’s samtale på 18-årsdagen', async () => {
    const { db, demo } = await nyDemoDb();
    const sag = defined(
      foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.freja.id))),
      'Frejas sag',
    );
    const mette = await bruger(db, { personId: demo.mette.id });
    await skrivBeskedPaaSag(db, mette, besked(sag.id, { emne: 'Overgangen' }), NU);
    const dagenFoer = new Date(`${'2027-02-06'}T12:00:00Z`);
    const foedselsdag = new Date(`${'2027-02-07'}T12:00:00Z`);
    expect(demo.freja.foedselsdato.slice(5)).toBe('02-07');
    expect(
      (await beskederPaaSag(db, await bruger(db, { personId: demo.mette.id }, dagenFoer), sag.id, dagenFoer)).beskeder,
    ).toHaveLength(1);
    const metteSenere = await bruger(db, { personId: demo.mette.id }, foedselsdag);
    await expect(beskederPaaSag(db, metteSenere, sag.id, foedselsdag)).rejects.toThrow(IkkeFundet);
    await expect(beskedoversigt(db, metteSenere, demo.freja.id, foedselsdag)).rejects.toThrow(IkkeFundet);
    // Freja herself still has it, with her mother's message.
    const freja = await bruger(db, { personId: demo.freja.id }, foedselsdag);
    expect((await beskederPaaSag(db, freja, sag.id, foedselsdag)).beskeder[0]?.afsender).toBe(
      'Mette Holm på vegne af Freja Holm',
    );
  });

  it('en medarbejder kan ikke skrive som borger og ser ikke borgerens beskedsider', async () => {
    const { db, demo } = await nyDemoDb();
    const sofie = await medarbejder(db, 'Sofie Lund');
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 100');
    await expect(skrivBeskedPaaSag(db, sofie, besked(sag.id), NU)).rejects.toThrow(BeskedFejl);
    await expect(beskederPaaSag(db, sofie, sag.id, NU)).rejects.toThrow(IkkeFundet);
  });

  it('en medarbejder uden for enheden ser hverken tråden i indbakken eller på dens adresse', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, { personId: demo.ali.id });
    await skrivBeskedPaaSag(db, ali, besked((await demoSag(db, demo.ali.id, 'Serviceloven § 100')).id), NU);
    const peter = await medarbejder(db, 'Peter Nørgaard');
    expect(await indbakke(db, peter, 'enheden', NU)).toEqual([]);
    const traad = defined(foerste(await db.select().from(t.beskedtraade)), 'Tråden');
    await expect(traadTilBehandling(db, peter, traad.id, NU)).rejects.toThrow(IkkeFundet);
    await expect(
      skriv(db, 'besvarBesked', peter, { traadId: traad.id, tekst: 'Hej', noegle: crypto.randomUUID() }),
    ).rejects.toThrow(IkkeFundet);
  });
});

describe('beskeder uden sag', () => {
  it('går til den valgte enhed, som ser dem; en enhed, borgeren ikke har sager i, kan ikke vælges (ud over rådgivningen)', async () => {
    const { db, demo } = await nyDemoDb();
    const jens = await bruger(db, { personId: demo.jens.id });
    const input = {
      personId: demo.jens.id,
      enhed: 'velfaerdsraadgivningen',
      emne: 'Flytning',
      tekst: 'Jeg skal på plejehjem. Hvem skal jeg tale med?',
      noegle: crypto.randomUUID(),
    };
    await skrivGenerelBesked(db, jens, input, NU);
    await expect(
      skrivGenerelBesked(db, jens, { ...input, enhed: 'boernehandicap', noegle: crypto.randomUUID() }, NU),
    ).rejects.toThrow(BeskedFejl);
    const { traade, enheder } = await beskedoversigt(db, jens, demo.jens.id, NU);
    expect(enheder.map((e) => e.id)).toEqual(['oest', 'velfaerdsraadgivningen']);
    expect(traade.map((x) => [x.sag, x.traad.enhed, x.tilstand.status])).toEqual([
      [null, 'velfaerdsraadgivningen', 'ubesvaret'],
    ]);
    expect((await generelTraad(db, jens, demo.jens.id, 'velfaerdsraadgivningen', NU)).beskeder).toHaveLength(1);
    // Nobody in the demo works in Velfærdsrådgivningen: Maria (Team Øst) does not see it.
    const maria = await medarbejder(db, 'Maria Kjær');
    expect(await indbakke(db, maria, 'enheden', NU)).toEqual([]);
    // The journal gets it for the unit, without a case.
    const h = defined(
      foerste(await db.select().from(t.journalhaendelser).where(eq(t.journalhaendelser.type, 'besked'))),
      'Hændelsen',
    );
    expect([h.sagId, h.enhed]).toEqual([null, 'velfaerdsraadgivningen']);
  });
});

describe('luk og giv videre', () => {
  it('lukket uden svar viser begrundelsen; en kollega, der får tråden, har den i "mine"', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, { personId: demo.ali.id });
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 100');
    await skrivBeskedPaaSag(db, ali, besked(sag.id), NU);
    const traad = defined(foerste(await db.select().from(t.beskedtraade)), 'Tråden');
    const sofie = await medarbejder(db, 'Sofie Lund');
    const lene = await medarbejder(db, 'Lene Skov');
    const henrik = await medarbejder(db, 'Henrik Berg');
    await expect(
      skriv(db, 'overdragTraad', sofie, {
        traadId: traad.id,
        tilId: henrik.aktoer.medarbejderId,
        noegle: crypto.randomUUID(),
      }),
    ).rejects.toThrow(BeskedFejl);
    await skriv(db, 'overdragTraad', sofie, {
      traadId: traad.id,
      tilId: lene.aktoer.medarbejderId,
      noegle: crypto.randomUUID(),
    });
    expect((await indbakke(db, lene, 'mine', NU)).map((x) => x.traad.id)).toEqual([traad.id]);
    expect(await indbakke(db, sofie, 'mine', NU)).toEqual([]);
    await skriv(db, 'lukTraad', lene, {
      traadId: traad.id,
      begrundelse: 'Vi har talt sammen i telefonen.',
      noegle: crypto.randomUUID(),
    });
    const set = await beskederPaaSag(db, ali, sag.id, NU);
    expect([set.tilstand.status, set.traad?.lukketBegrundelse]).toEqual(['lukket', 'Vi har talt sammen i telefonen.']);
    expect((await journal(db)).map(([x]) => x)).toContain('besked-lukket');
  });
});

describe('PUT /api/v1/beskeder/{kildeId}', () => {
  it('et svar skrevet i kildesystemet: kun på systemets egne sager, idempotent, og ikke tilbage i journalen', async () => {
    const { db, demo } = await nyDemoDb();
    // Jens' practical help is not mirrored: Nexus reaches it as the system serving Team Øst.
    const jensSag = defined(
      foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.jens.id))),
      'Jens’ sag',
    );
    const jens = await bruger(db, { personId: demo.jens.id });
    const { beskedId } = await skrivBeskedPaaSag(db, jens, besked(jensSag.id), NU);
    const krop = { svarPaa: beskedId, afsender: 'Maria Kjær, visitator', tekst: 'Vi kommer på tirsdag.' };
    const nexusOest = { ...nexus, enheder: ['oest'] };
    const foer = (await journal(db)).length;
    expect(await upsertBeskedSvar(db, nexusOest, 'SV-1', krop, NU)).toMatchObject({ aendret: true, oprettet: true });
    expect(await upsertBeskedSvar(db, nexusOest, 'SV-1', krop, NU)).toMatchObject({ aendret: false, oprettet: false });
    expect(await upsertBeskedSvar(db, nexusOest, 'SV-1', { ...krop, tekst: 'Vi kommer på onsdag.' }, NU)).toMatchObject(
      {
        aendret: true,
        oprettet: false,
      },
    );
    expect((await journal(db)).length).toBe(foer);
    const set = await beskederPaaSag(db, jens, jensSag.id, NU);
    expect(set.beskeder.map((b) => [b.afsender, b.tekst])).toEqual([
      ['Jens Madsen', 'Hvorfor fik jeg afslag på merudgifter?'],
      ['Maria Kjær, visitator', 'Vi kommer på onsdag.'],
    ]);
    // DUBU serves Børnehandicap: Jens' thread is not its to answer, and it learns nothing of it.
    const fejl = await fejlFra(() => upsertBeskedSvar(db, dubu, 'SV-2', krop, NU));
    expect([fejl.status, fejl.felter?.[0]?.felt]).toEqual([422, 'svarPaa']);
    expect(
      (await fejlFra(() => upsertBeskedSvar(db, nexusOest, 'SV-3', { ...krop, svarPaa: 'findes-ikke' }, NU))).status,
    ).toBe(422);
  });
});
