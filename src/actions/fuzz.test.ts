import { foerste } from '../../db/client.ts';
import { aendringstaeller } from '../../db/test-fixtures.ts';
/**
 * Bad input at scale for every form action. Random form data, as a browser or a hostile
 * client may send it, goes through Astro's own conversion of a form, the action's schema, and
 * then the same write in the same transaction as the action (skrivninger.ts). An invalid form
 * gets only Danish messages; a valid one either succeeds or ends in a known refusal, and a
 * refusal leaves every table as it was. Each action is tried as a persona who may do it and
 * as others who may not.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { glemMiljoe } from '#/config/miljoe.ts';
import { type Bruger, loadBruger } from '#/features/adgang/adgang.server.ts';
import { IDAG, NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { skrivBeskedPaaSag } from '#/features/beskeder/beskeder.server.ts';
import { anmodOmFuldmagt, besvarAnmodning } from '#/features/fuldmagt/fuldmagt.server.ts';
import { gemBilag, gemSkridt, startKladde } from '#/features/hjaelpemidler/ansoegning.server.ts';
import { tjekFil } from '#/features/hjaelpemidler/filtjek.ts';
import {
  bestilAfhentning,
  foersteAfhentningsdag,
  meldFejl,
  UdlaanAfsluttet,
} from '#/features/hjaelpemidler/udlaan.server.ts';
import type { JournalType } from '#/features/journal/typer.ts';
import type { Session } from '#/features/login/session.ts';
import { vurderAnsoegning } from '#/features/medarbejder/hjaelpemidler.server.ts';
import { vaelgKontakt } from '#/features/notifikationer/kontaktvalg.server.ts';
import { bedOmAktindsigt } from '#/features/sager/aktindsigt.server.ts';
import { indsendKlage } from '#/features/sager/klage.server.ts';
import { plusDage } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { erDansk, erListe, fjendtligTekst, idsPrFelt, valg } from '#/lib/fuzz-hjaelp.ts';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { demoMedarbejdere } from '../../db/seed.ts';
// Astro's conversion of a form to the schema's input (an empty field becomes null, a repeated
// one a list). It is not in the package's exports, so it is imported by path: if Astro moves
// it, this import fails loudly rather than the test drifting from what Astro does.
import { formDataToObject } from '../../node_modules/astro/dist/actions/runtime/server.js';
import {
  BilagSchema,
  erAfvisning,
  erKendtUdfald,
  gemBilagFraFormular,
  IndsendSchema,
  indsendKladde,
  type Skrivning,
  skrivninger,
  udfoerSkrivning,
} from './skrivninger.ts';

type Navn = keyof typeof skrivninger;
type Persona =
  | 'ali'
  | 'jens'
  | 'karin'
  | 'birgit'
  | 'freja'
  | 'mette'
  | 'lars'
  | 'sofie'
  | 'henrik'
  | 'maria'
  | 'peter'
  | 'lene';
type Vaerdi = string | string[] | File | undefined;
type Form = [string, Vaerdi][];

/** Who may do each action with the example below, and someone who may not. */
const hvem: Record<Navn, [tilladt: Persona, ikkeTilladt: Persona]> = {
  klag: ['ali', 'birgit'],
  bedOmAktindsigt: ['ali', 'birgit'],
  skrivBesked: ['ali', 'birgit'],
  skrivGenerelBesked: ['ali', 'karin'],
  vaelgBeskedOmNyt: ['ali', 'sofie'],
  bekraeftKode: ['ali', 'sofie'],
  svarPartshoering: ['ali', 'jens'],
  tilfoejEmne: ['ali', 'karin'],
  angivBisidder: ['ali', 'sofie'],
  anmodOmFuldmagt: ['mette', 'ali'],
  besvarFuldmagt: ['jens', 'karin'],
  tilbagekaldFuldmagt: ['jens', 'karin'],
  gemTjekliste: ['freja', 'birgit'],
  tilbagekaldSamtykke: ['ali', 'freja'],
  ansoegBehov: ['jens', 'ali'],
  ansoegHjaelpemiddel: ['jens', 'karin'],
  ansoegVarighed: ['jens', 'maria'],
  ansoegKontakt: ['jens', 'birgit'],
  sletBilag: ['jens', 'karin'],
  meldFejl: ['jens', 'ali'],
  bestilAfhentning: ['jens', 'birgit'],
  naesteTrin: ['sofie', 'henrik'],
  forlaengFrist: ['sofie', 'maria'],
  overdragSag: ['peter', 'sofie'],
  traefAfgoerelse: ['sofie', 'peter'],
  behandlKlage: ['sofie', 'ali'],
  sendPartshoering: ['sofie', 'maria'],
  laegBrev: ['sofie', 'peter'],
  besvarAktindsigt: ['sofie', 'ali'],
  vurderHjaelpemiddel: ['maria', 'sofie'],
  opretOvergangssag: ['henrik', 'peter'],
  opretPlan: ['sofie', 'maria'],
  evaluerDelmaal: ['sofie', 'henrik'],
  opretMoede: ['sofie', 'ali'],
  tilfoejDelmaal: ['sofie', 'peter'],
  registrerKompas: ['sofie', 'maria'],
  registrerRelation: ['lene', 'sofie'],
  opdaterDepot: ['maria', 'henrik'],
  // Maria handles loans on Jens' case in Team Øst; Peter (Team Midt) has no case of Jens'.
  markerLeveret: ['maria', 'peter'],
  besvarBesked: ['sofie', 'peter'],
  overdragTraad: ['sofie', 'maria'],
  lukTraad: ['sofie', 'henrik'],
};

let db: Db;
let aendringer: () => Promise<Record<string, number>>;
let bilagDir: string;
const brugere = {} as Record<Persona, Bruger>;
/** A valid form per action that the persona allowed to can submit, with real ids from the seed. */
const eksempler = {} as Record<Navn, Form>;
/** Real ids per field name, mixed with ids of other kinds: a case id where a meeting id belongs. */
const ids: Record<string, string[]> = {};
let alleIds: string[] = [];

const uuid = () => crypto.randomUUID();
const pdf = new TextEncoder().encode('%PDF-1.7\n%fuzz\n');

beforeAll(() => {
  bilagDir = mkdtempSync(join(tmpdir(), 'mit-forloeb-fuzz-'));
  process.env.BILAG_DIR = bilagDir;
  glemMiljoe();
});

/**
 * A fresh world for each test: the seed, the data the examples refer to, and the change
 * counter. Each action starts from the same state, whatever the fuzz of another one saved.
 */
beforeEach(async () => {
  const { db: d, demo } = await nyDemoDb();
  db = d;
  const session = (ejer: Partial<Session>) =>
    ({ personId: null, medarbejderId: null, handlerForId: null, ...ejer }) as Session;
  for (const p of ['ali', 'jens', 'karin', 'birgit', 'freja', 'mette', 'lars'] as const)
    brugere[p] = defined(await loadBruger(db, session({ personId: demo[p].id }), NU), 'Brugeren');
  for (const m of demoMedarbejdere)
    brugere[(m.navn.split(' ', 1)[0] ?? m.navn).toLowerCase() as Persona] = defined(
      await loadBruger(db, session({ medarbejderId: m.id }), NU),
      'Brugeren',
    );
  expect(Object.values(brugere).every(Boolean)).toBe(true);

  const sag = async (personId: string, lovgrundlag: string) =>
    defined(
      foerste(
        await db
          .select()
          .from(t.sager)
          .where(and(eq(t.sager.personId, personId), eq(t.sager.lovgrundlag, lovgrundlag))),
      ),
      'Sagen',
    ).id;
  const ali100 = await sag(demo.ali.id, 'Serviceloven § 100');
  const ali97 = await sag(demo.ali.id, 'Serviceloven § 97');
  const frejaVoksen = await sag(demo.freja.id, 'Serviceloven § 85');
  const birgitNy = await sag(demo.birgit.id, 'Ældreloven § 10');
  const forste = <T extends { id: string }>(rows: T[]) => {
    const [r] = rows;
    if (!r) throw new Error('Demo-data mangler en række');
    return r.id;
  };
  const aliMoede = forste(await db.select().from(t.moeder).where(eq(t.moeder.personId, demo.ali.id)));
  const aliPlan = forste(await db.select().from(t.planer).where(eq(t.planer.personId, demo.ali.id)));
  const aliDelmaal = forste(await db.select().from(t.delmaal).where(eq(t.delmaal.planId, aliPlan)));
  const rollator = forste(await db.select().from(t.udlaan).where(eq(t.udlaan.personId, demo.jens.id)));
  const badebaenk = forste(
    await db.select().from(t.hjaelpemiddelAnsoegninger).where(eq(t.hjaelpemiddelAnsoegninger.personId, demo.jens.id)),
  );
  // A second request of Jens', granted on the same case, whose delivery Maria agrees below.
  const badebaenkSag = defined(
    foerste(await db.select().from(t.hjaelpemiddelAnsoegninger).where(eq(t.hjaelpemiddelAnsoegninger.id, badebaenk))),
    'Ansøgningen',
  ).sagId;
  const toiletforhoejer = uuid();
  await db.insert(t.hjaelpemiddelAnsoegninger).values({
    id: toiletforhoejer,
    personId: demo.jens.id,
    hjaelpemiddel: 'Toiletforhøjer',
    beskrivelse: 'Jeg kan ikke rejse mig fra toilettet.',
    status: 'bevilget',
    modtaget: IDAG,
    leveringsadresse: 'Strandvejen 4, 7130 Juelsminde',
    sagId: badebaenkSag,
  });

  // What the actions refer to and the seed lacks, made with the features' own writes.
  const klageNoegle = uuid();
  const { klageId } = await indsendKlage(
    db,
    brugere.ali,
    { sagId: ali100, tekst: 'Mine udgifter er højere end I har regnet med.', noegle: klageNoegle },
    NU,
  );
  const { aktindsigtId } = await bedOmAktindsigt(
    db,
    brugere.ali,
    { sagId: ali100, tekst: 'Lægens udtalelse', noegle: uuid() },
    NU,
  );
  const givet = await anmodOmFuldmagt(
    db,
    brugere.karin,
    { tilPersonId: demo.jens.id, scopes: ['se-plan'], gyldigFra: IDAG, noegle: uuid() },
    NU,
  );
  await besvarAnmodning(
    db,
    brugere.jens,
    { anmodningId: givet.anmodningId, svar: 'accepter', scopes: ['se-plan'] },
    NU,
  );
  const relationId = defined(
    defined(
      foerste(await db.select().from(t.fuldmagtAnmodninger).where(eq(t.fuldmagtAnmodninger.id, givet.anmodningId))),
      'Anmodningen',
    ).relationId,
    'Relationen',
  );
  const { anmodningId } = await anmodOmFuldmagt(
    db,
    brugere.karin,
    { tilPersonId: demo.jens.id, scopes: ['se-moeder'], gyldigFra: IDAG, noegle: uuid() },
    NU,
  );
  const jensKladde = await startKladde(db, brugere.jens, demo.jens.id, undefined, NU);
  await startKladde(db, brugere.karin, demo.jens.id, 'rollator', NU);
  await gemBilag(
    db,
    brugere.jens,
    jensKladde,
    { navn: 'laegeerklaering.pdf', type: 'application/pdf', bytes: pdf },
    NU,
  );
  const bilagId = forste(await db.select().from(t.bilag));
  const { fejlId } = await meldFejl(
    db,
    brugere.jens,
    { udlaanId: rollator, beskrivelse: 'Bremsen virker ikke.', farlig: 'ja', noegle: uuid() },
    NU,
  );
  await bestilAfhentning(
    db,
    brugere.jens,
    { udlaanId: rollator, dato: foersteAfhentningsdag(IDAG), noegle: uuid() },
    NU,
  );

  const { beskedId } = await skrivBeskedPaaSag(
    db,
    brugere.ali,
    { sagId: ali100, emne: 'Min afgørelse', tekst: 'Hvorfor fik jeg afslag?', noegle: uuid() },
    NU,
  );
  const traadId = defined(
    foerste(await db.select().from(t.beskeder).where(eq(t.beskeder.id, beskedId))),
    'Beskeden',
  ).traadId;
  const lene = defined(
    demoMedarbejdere.find((m) => m.navn === 'Lene Skov'),
    'Lene',
  ).id;

  const { koder } = await vaelgKontakt(
    db,
    brugere.ali,
    { omPersonId: demo.ali.id, kanaler: 'email', email: 'ali@eksempel.dk', telefon: undefined },
    NU,
  );
  const aliKode = defined(koder[0], 'Koden').kode;
  await vurderAnsoegning(
    db,
    brugere.maria,
    { noegle: uuid(), ansoegningId: toiletforhoejer, status: 'levering-aftalt', leveringsdato: plusDage(IDAG, 3) },
    NU,
  );

  const tekst = 'Jeg er uenig, fordi min situation er en anden end den, I beskriver.';
  const e = (felter: Record<string, string | string[]>): Form => Object.entries(felter);
  Object.assign(eksempler, {
    // Ali has complained about this decision above: only the same form again is a success (the first receipt).
    klag: e({ sagId: ali100, tekst, noegle: klageNoegle }),
    bedOmAktindsigt: e({ sagId: ali97, tekst: 'Alle dokumenter i sagen', noegle: uuid() }),
    skrivBesked: e({ sagId: ali97, emne: 'Ledsagelse', tekst: 'Hvornår hører jeg fra jer?', noegle: uuid() }),
    skrivGenerelBesked: e({
      personId: demo.ali.id,
      enhed: 'velfaerdsraadgivningen',
      emne: 'Flytning',
      tekst: 'Jeg skal flytte. Hvem skal jeg sige det til?',
      noegle: uuid(),
    }),
    vaelgBeskedOmNyt: e({
      omPersonId: demo.ali.id,
      kanaler: 'begge',
      email: 'ali@eksempel.dk',
      telefon: '20 30 40 50',
    }),
    bekraeftKode: e({ kanal: 'email', kode: aliKode }),
    besvarBesked: e({ noegle: uuid(), traadId, tekst: 'Du fik afslag, fordi dine udgifter er under grænsen.' }),
    overdragTraad: e({ noegle: uuid(), traadId, tilId: lene }),
    lukTraad: e({ noegle: uuid(), traadId, begrundelse: 'Du har fået svar i telefonen.' }),
    svarPartshoering: e({
      partshoeringId: forste(await db.select().from(t.partshoeringer)),
      tekst: 'Ingen bemærkninger',
      send: 'ja',
      noegle: uuid(),
    }),
    tilfoejEmne: e({ moedeId: aliMoede, tekst: 'Min nye ugeplan', noegle: uuid() }),
    angivBisidder: e({ moedeId: aliMoede, bisidder: 'ja', navn: 'Fatima Hassan' }),
    anmodOmFuldmagt: e({
      tilPersonId: demo.freja.id,
      scopes: ['se-sager', 'se-plan'],
      gyldigFra: plusDage(IDAG, 80),
      noegle: uuid(),
    }),
    besvarFuldmagt: e({ anmodningId, svar: 'accepter', scopes: ['se-moeder'] }),
    tilbagekaldFuldmagt: e({ relationId }),
    gemTjekliste: e({ personId: demo.freja.id, punkter: ['cafemoede', 'mitid'] }),
    tilbagekaldSamtykke: e({
      samtykkeId: defined(
        foerste(await db.select().from(t.samtykker).where(eq(t.samtykker.personId, demo.ali.id))),
        'Samtykket',
      ).id,
      bekraeft: 'ja',
    }),
    ansoegBehov: e({ kladdeId: jensKladde, behov: 'Jeg kan ikke længere stå op, mens jeg går i bad.' }),
    ansoegHjaelpemiddel: e({ kladdeId: jensKladde, hjaelpemiddel: 'badebaenk' }),
    ansoegVarighed: e({ kladdeId: jensKladde, varighed: 'varigt' }),
    ansoegKontakt: e({
      kladdeId: jensKladde,
      telefon: '+45 20 30-40 50',
      besoegstid: 'formiddag',
      leveringsadresse: 'Strandvejen 4, 7130 Juelsminde',
    }),
    sletBilag: e({ kladdeId: jensKladde, bilagId }),
    meldFejl: e({ udlaanId: rollator, beskrivelse: 'Hjulet slingrer.', farlig: 'nej', noegle: uuid() }),
    bestilAfhentning: e({
      udlaanId: rollator,
      dato: foersteAfhentningsdag(IDAG),
      bemaerkning: 'Ring på hos naboen.',
      noegle: uuid(),
    }),
    naesteTrin: e({
      noegle: uuid(),
      sagId: frejaVoksen,
      besked: 'Vi har fået svar fra din læge og vurderer nu din sag.',
    }),
    forlaengFrist: e({
      noegle: uuid(),
      sagId: frejaVoksen,
      nyFrist: plusDage(IDAG, 30),
      begrundelse: 'Vi venter stadig på svar fra lægen.',
    }),
    overdragSag: e({
      noegle: uuid(),
      sagId: birgitNy,
      tilId: demoMedarbejdere[2].id,
      planlagt: 'ja',
      midlertidig: 'nej',
      begrundelse: 'Ferie',
    }),
    traefAfgoerelse: e({
      noegle: uuid(),
      sagId: ali97,
      udfald: 'delvis',
      begrundelse: 'Du kan færdes alene om dagen.',
      brev: 'Kære Ali Hassan. Du får ledsagelse om aftenen.',
    }),
    besvarAktindsigt: e({
      sagId: ali100,
      aktindsigtId,
      svar: 'Vi har sendt dokumenterne med Digital Post.',
      noegle: uuid(),
    }),
    behandlKlage: e({
      noegle: uuid(),
      sagId: ali100,
      klageId,
      resultat: 'fastholdt',
      begrundelse: 'Grænsen er fastsat i loven.',
    }),
    sendPartshoering: e({
      noegle: uuid(),
      sagId: frejaVoksen,
      materiale: 'Udtalelse fra din læge om, hvad du selv kan klare i hverdagen.',
      svarfrist: plusDage(IDAG, 14),
    }),
    laegBrev: e({
      noegle: uuid(),
      sagId: frejaVoksen,
      titel: 'Svar på dit spørgsmål',
      tekst: 'Kære Freja. Vi har modtaget dit spørgsmål om hjælp i weekenden.',
    }),
    vurderHjaelpemiddel: e({ noegle: uuid(), ansoegningId: badebaenk, status: 'under-vurdering' }),
    opretOvergangssag: e({ personId: demo.freja.id }),
    opretPlan: e({ personId: demo.ali.id, retningsgivendeMaal: 'Have et arbejde, jeg er glad for' }),
    evaluerDelmaal: e({ delmaalId: aliDelmaal, status: 'naaet', evaluering: 'Ali følger ugeplanen.' }),
    opretMoede: e({
      personId: demo.ali.id,
      type: 'opfoelgning',
      titel: 'Opfølgning på praktik',
      start: `${plusDage(IDAG, 10)}T10:00`,
      varighed: '60',
      deltagere: 'Ali Hassan\nSofie Lund',
    }),
    tilfoejDelmaal: e({
      planId: aliPlan,
      titel: 'Tage bussen alene',
      indsats: 'Træning med bostøtten',
      hvem: 'Bostøtten',
    }),
    registrerKompas: e({ planId: aliPlan, dimension: 'job', score: '6' }),
    registrerRelation: e({
      personId: demo.ali.id,
      type: 'fuldmagt',
      cpr: defined(foerste(await db.select().from(t.personer).where(eq(t.personer.id, demo.karin.id))), 'Personen').cpr,
      scopes: ['se-sager'],
      gyldigFra: IDAG,
    }),
    opdaterDepot: e({ type: 'fejl', id: fejlId, status: 'repareret' }),
    markerLeveret: e({ noegle: uuid(), ansoegningId: toiletforhoejer, nummer: 'HMD-555' }),
  } satisfies Record<Navn, Form>);

  Object.assign(ids, await idsPrFelt(db));
  alleIds = [...new Set(Object.values(ids).flat())];
  aendringer = await aendringstaeller(db);
});

afterAll(() => {
  rmSync(bilagDir, { recursive: true, force: true });
  delete process.env.BILAG_DIR;
  glemMiljoe();
});

const tekster = [
  'Jeg er uenig i afgørelsen, fordi min ryg er blevet værre siden besøget.',
  'Ingen bemærkninger',
  'Strandvejen 4, 7130 Juelsminde',
  'Vi venter på en udtalelse fra lægen.',
  'Kære borger. Her er afgørelsen med begrundelse og klagevejledning.',
  'Ali Hassan\nSofie Lund',
];
/** Real days around today (a weekend, a holiday), and ones that only look like days. */
const datoer = [
  IDAG,
  plusDage(IDAG, -1),
  plusDage(IDAG, 1),
  plusDage(IDAG, 2),
  plusDage(IDAG, 4),
  plusDage(IDAG, 30),
  '2026-12-25',
  '2027-02-07',
  '2026-11-28',
  '2026-02-30',
  '2026-13-45',
  '9999-99-99',
  '0000-00-00',
];

/** Good values for a field by its name, where the schema itself does not list them. */
const efterNavn: Record<string, string[]> = {
  noegle: [], // a fresh uuid each time, below
  // A file field left empty, as a browser sends it; files themselves come from the mixed values.
  fil: [''],
  dato: datoer,
  gyldigFra: datoer,
  gyldigTil: ['', ...datoer],
  nyFrist: datoer,
  svarfrist: datoer,
  leveringsdato: datoer,
  start: [
    `${plusDage(IDAG, 10)}T10:00`,
    `${IDAG}T08:00`,
    '2027-03-28T02:30',
    '2026-10-25T02:30',
    '2026-13-45T25:61',
    '9999-99-99T99:99',
  ],
  varighed: ['15', '60', '480', '14', '481', '30.5', '1e2'],
  score: ['1', '5', '10', '0', '11', '2.5'],
  telefon: ['20304050', '+45 20 30 40 50', '2030405'],
  cpr: ['0102501234', '010250-1234'],
  hjaelpemiddel: ['badebaenk', 'ved-ikke', 'rollator', 'findes-ikke'],
  nummer: ['HMD-555', ''],
  navn: ['Fatima Hassan', ''],
  email: ['ali@eksempel.dk', 'ikke-en-adresse', ''],
  kode: ['123456', '12345', 'abcdef'],
};

const fil = fc
  .tuple(
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom('brev.pdf', 'billede.png', '../../etc/passwd', 'a\u0000b.exe', ''),
  )
  .map(([b, n]) => new File([b], n));

/** One field of a form: usually a good value, otherwise missing, empty, hostile, repeated or a file. */
function feltvaerdi(navn: string, felt: z.core.$ZodType): { god: fc.Arbitrary<Vaerdi>; blandet: fc.Arbitrary<Vaerdi> } {
  const muligheder = [
    ...valg(felt),
    ...(ids[navn] ?? []),
    ...(efterNavn[navn] ?? (valg(felt).length || ids[navn] ? [] : tekster)),
  ];
  const enkelt: fc.Arbitrary<string> =
    navn === 'noegle' ? fc.oneof(fc.uuid(), fc.constant(uuid())) : fc.constantFrom(...muligheder);
  const god: fc.Arbitrary<Vaerdi> = erListe(felt)
    ? fc.subarray(valg(felt))
    : navn.endsWith('Id') || navn === 'id'
      ? fc.oneof({ weight: 5, arbitrary: enkelt }, { weight: 1, arbitrary: fc.constantFrom(...alleIds) })
      : enkelt;
  const blandet = fc.oneof(
    { weight: 6, arbitrary: god },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fjendtligTekst },
    { weight: 1, arbitrary: fc.array(fc.oneof(enkelt, fjendtligTekst), { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fil },
  );
  return { god, blandet };
}

/** Fields the schema does not know: they must be ignored, whatever they are called. */
const ekstra = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        '$ACTION_ID',
        '_astroAction',
        'sagId.x',
        'personId',
        'id',
      ),
      fjendtligTekst.filter((s) => s.length < 100),
    ),
    fc.oneof(fjendtligTekst, fil),
  ),
  { maxLength: 3 },
);

function formArbitrary(schema: z.ZodObject): fc.Arbitrary<Form> {
  const felter = Object.entries(schema.shape).map(([navn, felt]) => ({
    navn,
    ...feltvaerdi(navn, felt as z.core.$ZodType),
  }));
  const gyldig = fc.tuple(...felter.map((f) => f.god.map((v) => [f.navn, v] as [string, Vaerdi])));
  const blandet = fc
    .tuple(fc.tuple(...felter.map((f) => f.blandet.map((v) => [f.navn, v] as [string, Vaerdi]))), ekstra)
    .map(([a, b]) => [...a, ...b]);
  return fc.oneof(gyldig, blandet);
}

function formData(form: Form): FormData {
  const fd = new FormData();
  for (const [navn, v] of form) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(navn, x);
  }
  return fd;
}

type Udfald = 'ugyldig' | 'ok' | 'afvist';

/** Fields a person picks a day or a time in: what a schema lets through must exist in the calendar. */
const tidsfelter: Record<string, z.ZodType> = {
  dato: z.iso.date(),
  gyldigFra: z.iso.date(),
  gyldigTil: z.iso.date(),
  nyFrist: z.iso.date(),
  svarfrist: z.iso.date(),
  leveringsdato: z.iso.date(),
  start: z.iso.datetime({ local: true, precision: -1 }),
};

/** One submission, as the action handles it; fails the test where a property does not hold. */
async function indsend<S extends z.ZodObject>(
  navn: string,
  input: S,
  skriv: (b: Bruger, data: z.output<S>) => unknown,
  persona: Persona,
  form: Form,
): Promise<Udfald> {
  const raa = formDataToObject(formData(form), input);
  const r = await input.safeParseAsync(raa);
  if (!r.success) {
    for (const iss of r.error.issues)
      expect(erDansk(iss.message), `${navn}: ${iss.path.join('.')}: ${iss.message}`).toBe(true);
    return 'ugyldig';
  }
  for (const [felt, v] of Object.entries(r.data as Record<string, unknown>)) {
    if (tidsfelter[felt] && typeof v === 'string' && v !== '')
      expect(tidsfelter[felt].safeParse(v).success, `${navn}: ${felt} "${v}" findes ikke i kalenderen`).toBe(true);
  }
  const foer = await aendringer();
  try {
    await skriv(brugere[persona], r.data);
    return 'ok';
  } catch (e) {
    if (!erKendtUdfald(e))
      throw new Error(`${navn} som ${persona} gav en uventet fejl: ${e instanceof Error ? e.stack : String(e)}`);
    if (erAfvisning(e)) expect(erDansk(e.message), `${navn}: ${e.message}`).toBe(true);
    expect(await aendringer(), `${navn} som ${persona} afvist med "${e.message}", men noget blev gemt`).toEqual(foer);
    return 'afvist';
  }
}

const personaFor = (navn: Navn): fc.Arbitrary<Persona> =>
  fc.oneof(
    { weight: 7, arbitrary: fc.constant(hvem[navn][0]) },
    { weight: 3, arbitrary: fc.constantFrom(...(Object.keys(brugere) as Persona[])) },
  );

const OPTS = { timeout: 120_000 };
const RUNS = 200;

describe('hver skrivende handling', () => {
  it('har en persona, der må, og et gyldigt eksempel', () => {
    expect(Object.keys(hvem).sort()).toEqual(Object.keys(skrivninger).sort());
  });

  it.each(Object.keys(skrivninger) as Navn[])('%s: tilfældige og fjendtlige formularer', OPTS, async (navn) => {
    const s = skrivninger[navn] as Skrivning<z.ZodObject>;
    expect(s.input).toBeInstanceOf(z.ZodObject);
    const [tilladt, ikkeTilladt] = hvem[navn];
    const udfald: Record<Udfald, number> = { ugyldig: 0, ok: 0, afvist: 0 };
    // The example as someone who may not: refused, and nothing saved.
    expect(
      await indsend(
        navn,
        s.input,
        async (b, data) => await udfoerSkrivning(db, s, b, data, NU),
        ikkeTilladt,
        eksempler[navn],
      ),
    ).toBe('afvist');
    await fc.assert(
      fc.asyncProperty(personaFor(navn), formArbitrary(s.input), async (persona, form) => {
        udfald[
          await indsend(navn, s.input, async (b, data) => await udfoerSkrivning(db, s, b, data, NU), persona, form)
        ]++;
      }),
      { numRuns: RUNS, examples: [[tilladt, eksempler[navn]]] },
    );
    // The runs reached every outcome: the schema's refusals, the write, and the write's refusals.
    expect(udfald.ugyldig, JSON.stringify(udfald)).toBeGreaterThan(0);
    expect(udfald.ok, JSON.stringify(udfald)).toBeGreaterThan(0);
    expect(udfald.afvist, JSON.stringify(udfald)).toBeGreaterThan(0);
  });
});

/** What each action's example writes to the outbound feed (journal/typer.ts); most write nothing there. */
const tilJournalen: Record<Navn, JournalType[]> = {
  // The example sends the world's complaint form again: saved once, journalised once.
  klag: [],
  bedOmAktindsigt: ['aktindsigt'],
  skrivBesked: ['besked'],
  skrivGenerelBesked: ['besked'],
  vaelgBeskedOmNyt: [],
  bekraeftKode: [],
  svarPartshoering: ['partshoeringssvar'],
  tilfoejEmne: ['moede-emne'],
  angivBisidder: ['moede-bisidder'],
  anmodOmFuldmagt: [],
  besvarFuldmagt: [],
  tilbagekaldFuldmagt: [],
  gemTjekliste: [],
  tilbagekaldSamtykke: ['samtykke-tilbagekaldt'],
  ansoegBehov: [],
  ansoegHjaelpemiddel: [],
  ansoegVarighed: [],
  ansoegKontakt: [],
  sletBilag: [],
  meldFejl: ['fejlmelding'],
  bestilAfhentning: ['afhentning'],
  naesteTrin: [],
  forlaengFrist: ['frist'],
  overdragSag: ['sagsbehandlerskift'],
  traefAfgoerelse: ['afgoerelse', 'brev'],
  behandlKlage: ['klage-genvurderet'],
  // Portal case letters: the partshøring's material, and the caseworker's letter.
  sendPartshoering: ['brev'],
  laegBrev: ['brev'],
  besvarAktindsigt: ['aktindsigt-besvaret'],
  // Below, as a grant: the request's new status, and the decision with its letter.
  vurderHjaelpemiddel: ['hjaelpemiddel-status', 'afgoerelse', 'brev'],
  opretOvergangssag: [],
  opretPlan: [],
  evaluerDelmaal: ['plan-evaluering'],
  opretMoede: [],
  tilfoejDelmaal: [],
  registrerKompas: ['kompasscorer'],
  registrerRelation: [],
  opdaterDepot: ['fejlmelding-status'],
  // The delivery's step on the case, and the loan it makes.
  markerLeveret: ['hjaelpemiddel-status', 'udlaan'],
  besvarBesked: ['besked-svar'],
  overdragTraad: [],
  lukTraad: ['besked-lukket'],
};

describe('til journalen', () => {
  it.each(Object.keys(skrivninger) as Navn[])(
    '%s skriver sine hændelser til journalen, i samme transaktion',
    async (navn) => {
      const s = skrivninger[navn] as Skrivning<z.ZodObject>;
      const form: Form =
        navn === 'vurderHjaelpemiddel'
          ? [
              ...eksempler[navn].filter(([felt]) => felt !== 'status'),
              ['status', 'bevilget'],
              ['begrundelse', 'Du kan ikke stå op, mens du bader.'],
            ]
          : eksempler[navn];
      const data = await s.input.parseAsync(formDataToObject(formData(form), s.input));
      // The world's own setup (a complaint, a defect) journalised before: only what the action adds counts.
      const foer = (await db.select({ loebenr: t.journalhaendelser.loebenr }).from(t.journalhaendelser)).length;
      await udfoerSkrivning(db, s, brugere[hvem[navn][0]], data, NU);
      const typer = (
        await db
          .select({ type: t.journalhaendelser.type })
          .from(t.journalhaendelser)
          .orderBy(t.journalhaendelser.loebenr)
      )
        .slice(foer)
        .map((h) => h.type);
      expect(typer.sort()).toEqual([...tilJournalen[navn]].sort());
    },
  );
});

describe('til journalen, udlån', () => {
  it('en afhentning, depotet har udført, afslutter udlånet, og begge dele går til journalen', async () => {
    const bestilt = defined(
      foerste(await db.select().from(t.afhentninger).where(eq(t.afhentninger.status, 'bestilt'))),
      'En bestilt afhentning',
    );
    const s = skrivninger.opdaterDepot as Skrivning<z.ZodObject>;
    const foer = (await db.select().from(t.journalhaendelser)).length;
    await udfoerSkrivning(db, s, brugere.maria, { type: 'afhentning', id: bestilt.id, status: 'afhentet' }, NU);
    const nye = (await db.select().from(t.journalhaendelser).orderBy(t.journalhaendelser.loebenr)).slice(foer);
    expect(nye.map((h) => [h.type, h.enhed, h.sagId])).toEqual([
      ['afhentning-status', 'depot', null],
      ['udlaan-afsluttet', 'depot', null],
    ]);
    // The loan has ended: no defect or pick-up can be sent on it any more, and nothing is saved.
    const foerFejl = await aendringer();
    const som = async (navn: 'meldFejl' | 'bestilAfhentning', input: Record<string, unknown>) =>
      await udfoerSkrivning(db, skrivninger[navn] as Skrivning<z.ZodObject>, brugere.jens, input, NU);
    await expect(
      som('meldFejl', { udlaanId: bestilt.udlaanId, beskrivelse: 'Hjulet slingrer.', farlig: 'nej', noegle: uuid() }),
    ).rejects.toThrow(UdlaanAfsluttet);
    await expect(
      som('bestilAfhentning', { udlaanId: bestilt.udlaanId, dato: foersteAfhentningsdag(IDAG), noegle: uuid() }),
    ).rejects.toThrow(/afleveret/);
    expect(await aendringer()).toEqual(foerFejl);
  });
});

describe('ansøgning om hjælpemiddel', () => {
  /** The catalogue the action looks the choice up in (astro:content), as a stand-in. */
  const katalog = (id: string) =>
    id === 'badebaenk'
      ? { titel: 'Badebænk', lovgrundlag: 'Serviceloven § 112 (hjælpemidler)' }
      : id === 'el-scooter'
        ? { titel: '<script>alert(1)</script>', lovgrundlag: 'Serviceloven § 113' }
        : undefined;

  it('indsend: tilfældige kladder og formularer giver en ansøgning eller en kendt afvisning', OPTS, async () => {
    // Drafts that are complete, for the persona who started them; the fuzz of the steps above may have filled others.
    const fuld = {
      behov: 'Jeg kan ikke stå op i badet.',
      hjaelpemiddel: 'badebaenk',
      varighed: 'varigt',
      telefon: '20304050',
      besoegstid: 'formiddag',
      leveringsadresse: 'Hovedgaden 1, 8722 Hedensted',
    };
    const birgitsKladde = await startKladde(
      db,
      brugere.birgit,
      brugere.birgit.aktoer.type === 'borger' ? brugere.birgit.aktoer.personId : '',
      undefined,
      NU,
    );
    await gemSkridt(db, brugere.birgit, birgitsKladde, fuld, NU);
    ids.kladdeId = (await db.select({ id: t.hjaelpemiddelKladder.id }).from(t.hjaelpemiddelKladder)).map((r) => r.id);
    const foer = new Set((await db.select().from(t.hjaelpemiddelAnsoegninger)).map((a) => a.id));
    const udfald: Record<Udfald, number> = { ugyldig: 0, ok: 0, afvist: 0 };
    const skriv = async (b: Bruger, { kladdeId }: z.output<typeof IndsendSchema>) =>
      await indsendKladde(db, b, kladdeId, katalog, NU);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(brugere) as Persona[])),
        formArbitrary(IndsendSchema),
        async (persona, form) => {
          udfald[await indsend('ansoegIndsend', IndsendSchema, skriv, persona, form)]++;
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          [
            'birgit',
            [
              ['kladdeId', birgitsKladde],
              ['hjaelpemiddel', 'el-scooter'],
            ],
          ],
        ],
      },
    );
    expect(udfald.ok, JSON.stringify(udfald)).toBeGreaterThan(0);
    expect(udfald.afvist, JSON.stringify(udfald)).toBeGreaterThan(0);
    // Every request submitted is journalised exactly once, however often its draft was sent.
    const nye = (await db.select().from(t.hjaelpemiddelAnsoegninger)).map((a) => a.id).filter((id) => !foer.has(id));
    const journal = await db
      .select({ id: t.journalhaendelser.genstandId })
      .from(t.journalhaendelser)
      .where(eq(t.journalhaendelser.type, 'hjaelpemiddel-ansoegning'));
    expect(nye.length).toBeGreaterThan(0);
    expect(
      journal
        .map((j) => j.id)
        .filter((id) => !foer.has(id))
        .sort(),
    ).toEqual(nye.sort());
  });

  it('bilag: tilfældige filer giver en dansk fejl eller et gemt bilag', OPTS, async () => {
    const jens = (brugere.jens.aktoer as { personId: string }).personId;
    // The open draft, or a new one if the fuzz above submitted it.
    const jensKladde = await startKladde(db, brugere.jens, jens, undefined, NU);
    const magi = fc.constantFrom(
      new Uint8Array(),
      pdf,
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      new TextEncoder().encode('MZ'),
      new TextEncoder().encode('<html>'),
    );
    const bilagFil = fc
      .tuple(
        magi,
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('laege.pdf', 'scan.PNG', '<script>.pdf', '../../x.pdf', 'æøå 😀.jpg', ''),
      )
      .map(([start, rest, n]) => new File([start, rest], n));
    const form = fc
      .record({
        kladdeId: fc.oneof(
          { weight: 4, arbitrary: fc.constant(jensKladde) },
          fc.constantFrom(...alleIds),
          fjendtligTekst,
        ),
        fil: fc.oneof({ weight: 4, arbitrary: bilagFil }, fc.constant(undefined), fjendtligTekst),
      })
      .map(
        ({ kladdeId, fil: f }): Form => [
          ['kladdeId', kladdeId],
          ['fil', f],
        ],
      );
    const udfald: Record<Udfald, number> = { ugyldig: 0, ok: 0, afvist: 0 };
    // The action's own write; a file the schema let through must not be refused by its check.
    const skriv = async (b: Bruger, data: z.output<typeof BilagSchema>) => {
      const bytes = new Uint8Array(await data.fil.arrayBuffer());
      const r = tjekFil(bytes.length, bytes.subarray(0, 16));
      if (!r.ok) throw new Error(`Skemaet lod en fil igennem, som handlingen afviser: ${r.fejl}`);
      return await gemBilagFraFormular(db, b, data, NU);
    };
    await fc.assert(
      fc.asyncProperty(personaFor('sletBilag'), form, async (persona, f) => {
        udfald[await indsend('ansoegBilag', BilagSchema, skriv, persona, f)]++;
      }),
      { numRuns: 100 },
    );
    expect(udfald.ugyldig, JSON.stringify(udfald)).toBeGreaterThan(0);
    expect(udfald.ok, JSON.stringify(udfald)).toBeGreaterThan(0);
  });
});

describe('egenkontrol: egenskaberne kan fejle', () => {
  it('en fejl, der ikke er en kendt afvisning (en 500), bliver fanget', async () => {
    const halv = z.object({ moedeId: z.string() });
    const skriv = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    };
    await expect(indsend('halv', halv, skriv, 'ali', [['moedeId', 'x']])).rejects.toThrow(/uventet fejl/);
  });

  it('en engelsk besked fra et skema bliver fanget', async () => {
    const engelsk = z.object({ tekst: z.string().min(5, 'Too small: expected string to have >=5 characters') });
    await expect(indsend('engelsk', engelsk, () => undefined, 'ali', [['tekst', 'kort']])).rejects.toThrow(/Too small/);
  });

  it('en kendt afvisning efter en skrivning uden for transaktionen bliver fanget', async () => {
    const { KlageFejl } = await import('#/features/sager/klage.server.ts');
    const halv = z.object({ moedeId: z.string() });
    const skriv = async () => {
      await db.update(t.moeder).set({ bisidder: 'Halvt gemt' });
      throw new KlageFejl('Klagefristen er udløbet.');
    };
    await expect(indsend('halv', halv, skriv, 'ali', [['moedeId', 'x']])).rejects.toThrow(/men noget blev gemt/);
  });
});
