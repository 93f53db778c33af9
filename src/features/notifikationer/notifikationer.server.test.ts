// The outbox and the sender against the demo's real SMTP server and SMS gateway on loopback (never a mock transport).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Skrivning, skrivninger, udfoerSkrivning } from '#/actions/skrivninger.ts';
import { lesMiljoe } from '#/config/miljoe.ts';
import { type Bruger, loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { skrivBeskedPaaSag } from '#/features/beskeder/beskeder.server.ts';
import { bestilAfhentning, foersteAfhentningsdag, meldFejl } from '#/features/hjaelpemidler/udlaan.server.ts';
import type { Session } from '#/features/login/session.ts';
import { opdaterDepot } from '#/features/medarbejder/hjaelpemidler.server.ts';
import { brevLagtPaaSagen, skrivHaendelse } from '#/features/sager/haendelser.ts';
import { plusArbejdsdage } from '#/lib/arbejdsdage.ts';
import { attenAarsdag, dagen, plusDage } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { AFVIST_DOMAENE, startTestpostkasse, type Testpostkasse } from '#/server/testpostkasse.ts';
import { type Db, foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { sendForfaldne } from './afsender.server.ts';
import { type Kanaler, kanalerFraMiljoe } from './kanaler.server.ts';
import { bekraeftKode, vaelgKontakt } from './kontaktvalg.server.ts';
import { overgangsvarsel, skrivPaamindelser } from './paamindelser.server.ts';
import { varsl } from './udbakke.server.ts';

const maria = demoMedarbejdere.find((m) => m.navn.startsWith('Maria'));
const LINK = 'http://localhost:4321/min-side';
let postkasse: Testpostkasse;
let postDb: Db;
let kanaler: Kanaler;

beforeAll(async () => {
  // The mailbox keeps what it receives in a database of its own here.
  ({ db: postDb } = await nyDemoDb());
  postkasse = await startTestpostkasse(postDb, () => NU);
  kanaler = kanalerFraMiljoe(
    lesMiljoe({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(postkasse.smtpPort), SMS_GATEWAY_URL: postkasse.smsUrl }),
  );
});
afterAll(async () => await postkasse?.luk());

const bruger = async (db: Db, personId: string, now = NU) =>
  defined(
    await loadBruger(db, { personId, medarbejderId: null, handlerForId: null } as Session, now),
    'Brugeren',
  ) as Bruger;

/** Chooses e-mail (and SMS) for `personId` about `omPersonId`, confirmed with the code, as the person would. */
async function tilmeld(db: Db, personId: string, omPersonId: string, email: string, telefon?: string) {
  const b = await bruger(db, personId);
  const { koder } = await vaelgKontakt(db, b, { omPersonId, kanaler: telefon ? 'begge' : 'email', email, telefon }, NU);
  for (const k of koder)
    await udfoerSkrivning(db, skrivninger.bekraeftKode as Skrivning, b, { kanal: k.kanal, kode: k.kode }, NU);
}

const post = async () => await postDb.select().from(t.testpost);
const udbakke = async (db: Db) => await db.select().from(t.notifikationer);
const senere = (min: number) => new Date(NU.getTime() + min * 60_000);

describe('udbakken', () => {
  it('et brev på Alis sag giver én besked på e-mail, uden navn, CPR eller indhold; samme hændelse aldrig to gange', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali@eksempel.dk');
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    await db.transaction(
      async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Afgørelse om merudgifter'), NU),
    );
    const [n] = await udbakke(db);
    expect(n).toMatchObject({ kanal: 'email', adresse: 'ali@eksempel.dk', status: 'venter', aarsag: 'dokument' });
    // The same event again (a retry of the transaction) writes nothing new.
    await db.transaction(
      async (tx) =>
        await varsl(tx, { omPersonId: demo.ali.id, aarsag: 'dokument', kildeId: defined(n, 'n').kildeId }, NU),
    );
    expect(await udbakke(db)).toHaveLength(1);

    const foer = (await post()).length;
    expect(await sendForfaldne(db, kanaler, LINK, NU)).toMatchObject({ sendt: 1 });
    const nye = (await post()).slice(foer);
    expect(nye).toHaveLength(1);
    const mail = defined(nye[0], 'Mailen');
    expect([mail.til, mail.emne]).toEqual(['ali@eksempel.dk', 'Der er nyt i Mit Forløb']);
    expect(mail.tekst).toContain(LINK);
    expect(mail.tekst).not.toMatch(/Ali|Hassan|merudgift|\d{6}-?\d{4}/i);
    // Sent: nothing more goes.
    expect(await sendForfaldne(db, kanaler, LINK, senere(120))).toMatchObject({ sendt: 0 });
  });

  it('en ændring, der rulles tilbage, efterlader ingen besked', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali@eksempel.dk');
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    await expect(
      db.transaction(async (tx) => {
        await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Et brev'), NU);
        throw new Error('afbrudt');
      }),
    ).rejects.toThrow('afbrudt');
    expect(await udbakke(db)).toEqual([]);
  });

  it('flere hændelser inden for en time bliver til én besked, og intet sendes om natten', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali-samlet@eksempel.dk', '20 30 40 50');
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    const haendelse = async (now: Date) =>
      await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev'), now));
    await haendelse(NU);
    expect(await sendForfaldne(db, kanaler, LINK, NU)).toMatchObject({ sendt: 2 }); // e-mail and SMS
    await haendelse(senere(10));
    await haendelse(senere(20));
    expect(await sendForfaldne(db, kanaler, LINK, senere(20))).toMatchObject({ sendt: 0, udskudt: 4 });
    const foer = (await post()).length;
    expect(await sendForfaldne(db, kanaler, LINK, senere(61))).toMatchObject({ sendt: 4 });
    const nye = (await post()).slice(foer);
    expect(nye.map((p) => [p.kanal, p.tekst.split('.')[0]]).sort()).toEqual([
      ['email', 'Der er 2 nye ting til dig i Mit Forløb'],
      ['sms', 'Der er 2 nye ting til dig i Mit Forløb'],
    ]);
    // 22:30 in Copenhagen: it waits until 7.
    const aften = new Date('2026-11-24T21:30:00Z');
    await haendelse(aften);
    expect(await sendForfaldne(db, kanaler, LINK, aften)).toMatchObject({ sendt: 0 });
    expect(await sendForfaldne(db, kanaler, LINK, new Date('2026-11-25T05:59:00Z'))).toMatchObject({ sendt: 0 });
    expect(await sendForfaldne(db, kanaler, LINK, new Date('2026-11-25T06:00:00Z'))).toMatchObject({ sendt: 2 });
  });

  it('en afvist adresse markeres og får ikke flere beskeder', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, `ali@${AFVIST_DOMAENE}`);
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev'), NU));
    expect(await sendForfaldne(db, kanaler, LINK, NU)).toMatchObject({ afvist: 1 });
    const valg = defined(foerste(await db.select().from(t.kontaktvalg)), 'Valget');
    expect(valg.emailAfvist).toBe(NU.toISOString());
    await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev 2'), senere(5)));
    expect((await udbakke(db)).filter((n) => n.status === 'venter')).toEqual([]);
  });

  it('en midlertidig fejl prøves igen senere, og beskeden går ikke tabt', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali-igen@eksempel.dk');
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev'), NU));
    // A server that does not answer: port 9 on loopback (discard) is closed.
    const nede = kanalerFraMiljoe(lesMiljoe({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' }));
    expect(await sendForfaldne(db, nede, LINK, NU)).toMatchObject({ sendt: 0, opgivet: 0 });
    const [n] = await udbakke(db);
    expect([n?.status, n?.forsoeg, n?.tidligst]).toEqual(['venter', 1, senere(1).toISOString()]);
    expect(await sendForfaldne(db, kanaler, LINK, senere(1))).toMatchObject({ sendt: 1 });
  });
});

describe('hvem får besked', () => {
  it('Mette får besked om Frejas sag indtil 18-årsdagen, ikke på dagen; Freja selv stadig', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.mette.id, demo.freja.id, 'mette@eksempel.dk');
    await tilmeld(db, demo.freja.id, demo.freja.id, 'freja@eksempel.dk');
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.freja.id))), 'Sag');
    const brev = async (now: Date) =>
      await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev'), now));
    await brev(new Date('2027-02-06T12:00:00Z'));
    await brev(new Date('2027-02-07T12:00:00Z'));
    const raekker = await udbakke(db);
    expect(raekker.map((n) => [n.adresse, n.oprettet.slice(0, 10)]).sort()).toEqual([
      ['freja@eksempel.dk', '2027-02-06'],
      ['freja@eksempel.dk', '2027-02-07'],
      ['mette@eksempel.dk', '2027-02-06'],
    ]);
  });

  it('borgerens egen handling (en klage, et svar) giver ingen besked; et svar på en besked gør', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali@eksempel.dk');
    const ali = await bruger(db, demo.ali.id);
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 97');
    await skrivBeskedPaaSag(
      db,
      ali,
      { sagId: sag.id, emne: 'Spørgsmål', tekst: 'Hvornår?', noegle: crypto.randomUUID() },
      NU,
    );
    expect(await udbakke(db)).toEqual([]);
    const traad = defined(foerste(await db.select().from(t.beskedtraade)), 'Tråden');
    const sofie = defined(
      await loadBruger(
        db,
        { personId: null, medarbejderId: defined(demoMedarbejdere[0], 'Sofie').id, handlerForId: null } as Session,
        NU,
      ),
      'Sofie',
    );
    await udfoerSkrivning(
      db,
      skrivninger.besvarBesked as Skrivning,
      sofie,
      { traadId: traad.id, tekst: 'I morgen.', noegle: crypto.randomUUID() },
      NU,
    );
    expect((await udbakke(db)).map((n) => n.aarsag)).toEqual(['besked-svar']);
  });

  it('Jens melder fejl og bestiller afhentning uden besked; depotets reparation og afhentning giver besked', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.jens.id, demo.jens.id, 'jens@eksempel.dk');
    const jens = await bruger(db, demo.jens.id);
    const laan = defined(foerste(await db.select().from(t.udlaan).where(eq(t.udlaan.personId, demo.jens.id))), 'Lånet');
    const { fejlId } = await meldFejl(
      db,
      jens,
      { udlaanId: laan.id, beskrivelse: 'Bremsen virker ikke.', farlig: 'nej', noegle: crypto.randomUUID() },
      NU,
    );
    const { afhentningId } = await bestilAfhentning(
      db,
      jens,
      { udlaanId: laan.id, dato: foersteAfhentningsdag(dagen(NU)), noegle: crypto.randomUUID() },
      NU,
    );
    expect(await udbakke(db)).toEqual([]);
    const depot = defined(
      await loadBruger(
        db,
        { personId: null, medarbejderId: defined(maria, 'Maria').id, handlerForId: null } as Session,
        NU,
      ),
      'Depotet',
    );
    await opdaterDepot(db, depot, { type: 'fejl', id: fejlId, status: 'planlagt' }, NU);
    await opdaterDepot(db, depot, { type: 'fejl', id: fejlId, status: 'repareret' }, NU);
    await opdaterDepot(db, depot, { type: 'afhentning', id: afhentningId, status: 'afhentet' }, NU);
    expect((await udbakke(db)).map((n) => [n.aarsag, n.kildeId])).toEqual([
      ['depot', `fejlmelding:${fejlId}:planlagt`],
      ['depot', `fejlmelding:${fejlId}:repareret`],
      ['depot', `afhentning:${afhentningId}`],
    ]);
  });
});

describe('bekræftelse med kode', () => {
  it('en forkert kode bekræfter intet; en adresse uden bekræftelse får intet', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = await bruger(db, demo.ali.id);
    await vaelgKontakt(db, ali, { omPersonId: demo.ali.id, kanaler: 'email', email: 'ali@eksempel.dk' }, NU);
    await expect(bekraeftKode(db, ali, { kanal: 'email', kode: '000000' }, NU)).rejects.toThrow(/passer ikke/);
    const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, demo.ali.id))), 'Sag');
    await db.transaction(async (tx) => await skrivHaendelse(tx, sag.id, brevLagtPaaSagen('Brev'), NU));
    expect(await udbakke(db)).toEqual([]);
  });
});

describe('påmindelser', () => {
  it('en partshøring uden svar 3 arbejdsdage før fristen, et møde dagen før, og kun én gang hver', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.ali.id, demo.ali.id, 'ali@eksempel.dk');
    const ph = defined(foerste(await db.select().from(t.partshoeringer)), 'Partshøringen');
    const dag = (d: string) => new Date(`${d}T09:00:00Z`);
    const paamindelser = async () =>
      (await udbakke(db)).filter((n) => n.aarsag.startsWith('paamindelse-')).map((n) => n.aarsag);
    const paaminddag = plusArbejdsdage(ph.svarfrist, -3);
    await skrivPaamindelser(db, dag(plusDage(paaminddag, -1)));
    expect(await paamindelser()).not.toContain('paamindelse-partshoering');
    await skrivPaamindelser(db, dag(paaminddag));
    await skrivPaamindelser(db, dag(paaminddag));
    expect((await paamindelser()).filter((a) => a === 'paamindelse-partshoering')).toHaveLength(1);

    const moede = defined(
      foerste(await db.select().from(t.moeder).where(eq(t.moeder.personId, demo.ali.id))),
      'Alis møde',
    );
    const dagenFoer = plusDage(dagen(new Date(moede.start)), -1);
    await skrivPaamindelser(db, dag(plusDage(dagenFoer, -1)));
    expect(await paamindelser()).not.toContain('paamindelse-moede');
    await skrivPaamindelser(db, dag(dagenFoer));
    await skrivPaamindelser(db, new Date(`${dagenFoer}T15:00:00Z`));
    expect((await paamindelser()).filter((a) => a === 'paamindelse-moede')).toHaveLength(1);
  });

  it('forældrene får varsel 90, 30 og 7 dage før 18-årsdagen, og barnet ikke', async () => {
    const { db, demo } = await nyDemoDb();
    await tilmeld(db, demo.mette.id, demo.freja.id, 'mette@eksempel.dk');
    await tilmeld(db, demo.freja.id, demo.freja.id, 'freja@eksempel.dk');
    const atten = attenAarsdag(demo.freja.foedselsdato);
    const ved = async (dage: number) => await skrivPaamindelser(db, new Date(`${plusDage(atten, -dage)}T09:00:00Z`));
    for (const dage of [75, 74, 31, 30, 29, 8, 7, 1, 0]) await ved(dage);
    const varsler = (await udbakke(db)).filter((n) => n.aarsag === 'overgang');
    expect(varsler.map((n) => [n.adresse, n.kildeId.split(':').at(-1)])).toEqual([
      ['mette@eksempel.dk', '90'],
      ['mette@eksempel.dk', '30'],
      ['mette@eksempel.dk', '7'],
    ]);
  });

  it('overgangsvarsel: den nærmeste tærskel, der ikke er passeret', () => {
    expect([91, 90, 31, 30, 8, 7, 0, -1].map(overgangsvarsel)).toEqual([null, 90, 90, 30, 30, 7, 7, null]);
  });
});
