/**
 * The demo people from shared/personas.md, with dates relative to `today` so the demo
 * always looks current. Idempotent: records have stable ids, and existing ones are kept.
 */
import { createHash } from 'node:crypto';
import { klagevejledningFor } from '#/config/klagevejledninger.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { klageadgang } from '#/features/sager/afgoerelse.ts';
import { type Dag, formatDato, plusAar, plusDage } from '#/lib/dato.ts';
import type { Db } from './client.ts';
import * as t from './schema.ts';

/** The material of Ali's partshøring: the statement itself, as the letter and the portal show it. */
const ALI_LAEGEUDTALELSE = `Udtalelse fra Lægehuset i Tørring om Ali Hassan

Ali fik en hjerneskade ved en trafikulykke i 2019. Han går sikkert alene på ruter, han kender, fx til indkøb og til træning i Tørring.

På nye ruter og i trafik med mange indtryk bliver han hurtigt træt og mister overblikket. Han har to gange i år ikke kunnet finde hjem fra Vejle station og har måttet ringe efter hjælp.

Jeg vurderer, at Ali kan færdes alene i sit nærområde, men at han har brug for en ledsager til aktiviteter uden for Tørring, især når han skal med bus eller tog.

Karen Friis, praktiserende læge`;

/** A stable id from a seed key, so a second run finds the same rows. */
const sid = (key: string) => createHash('sha256').update(`mit-forloeb-seed:${key}`).digest('hex').slice(0, 24);

/** A fictitious CPR for a birthday; the 7th digit follows the CPR century rule. */
export function demoCpr(foedselsdato: Dag, loebenr: number): string {
  // A Dag is YYYY-MM-DD; the CPR number starts DDMMYY.
  const [y, m, d] = [foedselsdato.slice(0, 4), foedselsdato.slice(5, 7), foedselsdato.slice(8, 10)];
  const foerste = Number(y) >= 2000 ? 4 : 1;
  return `${d}${m}${y.slice(2)}${foerste}${String(loebenr).padStart(3, '0')}`;
}

export const demoMedarbejdere = [
  {
    id: sid('sofie'),
    oidcSub: 'medarbejder-sofie-lund',
    navn: 'Sofie Lund',
    rolle: 'sagsbehandler',
    enhed: 'voksenhandicap',
    telefon: '79 75 51 10',
    email: 'sofie.lund@hedensted.dk',
  },
  {
    id: sid('henrik'),
    oidcSub: 'medarbejder-henrik-berg',
    navn: 'Henrik Berg',
    rolle: 'sagsbehandler',
    enhed: 'boernehandicap',
    telefon: '79 75 51 20',
    email: 'henrik.berg@hedensted.dk',
  },
  {
    id: sid('maria'),
    oidcSub: 'medarbejder-maria-kjaer',
    navn: 'Maria Kjær',
    rolle: 'visitator',
    enhed: 'oest',
    telefon: '79 75 51 30',
    email: 'maria.kjaer@hedensted.dk',
  },
  {
    id: sid('peter'),
    oidcSub: 'medarbejder-peter-noergaard',
    navn: 'Peter Nørgaard',
    rolle: 'sagsbehandler',
    enhed: 'midt',
    telefon: '79 75 51 40',
    email: 'peter.noergaard@hedensted.dk',
  },
  // Team leader in Voksenhandicap: registers paper fuldmagter and værgemål (security review M2).
  {
    id: sid('lene'),
    oidcSub: 'medarbejder-lene-skov',
    navn: 'Lene Skov',
    rolle: 'leder',
    enhed: 'voksenhandicap',
    telefon: '79 75 51 50',
    email: 'lene.skov@hedensted.dk',
  },
  // Velfærdsrådgivningen answers the questions citizens ask without a case (src/config/beskeder.ts).
  {
    id: sid('anne'),
    oidcSub: 'medarbejder-anne-holm',
    navn: 'Anne Holm',
    rolle: 'sagsbehandler',
    enhed: 'velfaerdsraadgivningen',
    telefon: '79 75 51 60',
    email: 'anne.holm@hedensted.dk',
  },
] as const;

export async function seedDemo(db: Db, today: Dag) {
  const [{ id: sofie }, { id: henrik }, { id: maria }, { id: peter }] = demoMedarbejdere;
  const d = (n: number) => plusDage(today, n);
  const ts = (n: number, hh = '10:00') => new Date(`${d(n)}T${hh}:00+01:00`).toISOString();

  const p = {
    freja: {
      id: sid('freja'),
      navn: 'Freja Holm',
      foedselsdato: plusAar(d(75), -18),
      by: 'Løsning',
      adresse: 'Bakkevej 12, 8723 Løsning',
    },
    mette: {
      id: sid('mette'),
      navn: 'Mette Holm',
      foedselsdato: plusAar(d(-140), -46),
      by: 'Løsning',
      adresse: 'Bakkevej 12, 8723 Løsning',
    },
    lars: {
      id: sid('lars'),
      navn: 'Lars Holm',
      foedselsdato: plusAar(d(-20), -48),
      by: 'Løsning',
      adresse: 'Bakkevej 12, 8723 Løsning',
    },
    jens: {
      id: sid('jens'),
      navn: 'Jens Madsen',
      foedselsdato: plusAar(d(-100), -84),
      by: 'Juelsminde',
      adresse: 'Strandvejen 4, 7130 Juelsminde',
    },
    karin: {
      id: sid('karin'),
      navn: 'Karin Madsen',
      foedselsdato: plusAar(d(-50), -55),
      by: 'Horsens',
      adresse: 'Kildegade 8, 8700 Horsens',
    },
    ali: {
      id: sid('ali'),
      navn: 'Ali Hassan',
      foedselsdato: plusAar(d(-200), -34),
      by: 'Tørring',
      adresse: 'Åvænget 3, 7160 Tørring',
    },
    birgit: {
      id: sid('birgit'),
      navn: 'Birgit Sørensen',
      foedselsdato: plusAar(d(-30), -71),
      by: 'Hedensted',
      adresse: 'Østergade 21, 8722 Hedensted',
    },
  };

  await db.transaction(async (tx) => {
    await tx
      .insert(t.medarbejdere)
      .values([...demoMedarbejdere])
      .onConflictDoNothing();
    await tx
      .insert(t.personer)
      .values(Object.values(p).map((x, i) => ({ ...x, cpr: demoCpr(x.foedselsdato, 101 + i) })))
      .onConflictDoNothing();

    await tx
      .insert(t.relationer)
      .values([
        {
          id: sid('rel-mette-freja'),
          fraPersonId: p.mette.id,
          tilPersonId: p.freja.id,
          type: 'foraeldremyndighed',
          scopes: [],
          gyldigFra: p.freja.foedselsdato,
          gyldigTil: null,
          tilbagekaldt: null,
          oprettet: ts(-2000),
        },
        {
          id: sid('rel-lars-freja'),
          fraPersonId: p.lars.id,
          tilPersonId: p.freja.id,
          type: 'foraeldremyndighed',
          scopes: [],
          gyldigFra: p.freja.foedselsdato,
          gyldigTil: null,
          tilbagekaldt: null,
          oprettet: ts(-2000),
        },
        {
          id: sid('rel-karin-jens'),
          fraPersonId: p.karin.id,
          tilPersonId: p.jens.id,
          type: 'fuldmagt',
          scopes: ['se-sager', 'se-moeder', 'soege-hjaelpemidler'],
          gyldigFra: d(-200),
          gyldigTil: null,
          tilbagekaldt: null,
          oprettet: ts(-200),
        },
      ])
      .onConflictDoNothing();

    type Sag = typeof t.sager.$inferInsert;
    const sag = async (key: string, v: Omit<Sag, 'id'>, haendelser: [number, string, number?][]) => {
      const id = sid(key);
      await tx
        .insert(t.sager)
        .values({ id, ...v })
        .onConflictDoNothing();
      await tx
        .insert(t.sagshaendelser)
        .values(
          haendelser.map(([dag, tekst, trin], i) => ({
            id: sid(`${key}-h${i}`),
            sagId: id,
            type: 'trin' as const,
            trin: trin ?? null,
            tekst,
            tidspunkt: ts(dag),
            medarbejderId: v.sagsbehandlerId,
          })),
        )
        .onConflictDoNothing();
      return id;
    };
    const modtagetOgKvitteret = (dag: number): [number, string, number][] => [
      [dag, 'Vi har modtaget din ansøgning.', 1],
      [dag + 1, 'Vi har sendt dig en kvittering med sagsbehandlingsfristen.', 2],
    ];

    // Freja: children's case with a grant, the transition case, and an adult application.
    const frejaMerudgifter = await sag(
      'freja-merudgifter',
      {
        personId: p.freja.id,
        enhed: 'boernehandicap',
        titel: 'Dækning af merudgifter',
        lovgrundlag: 'Barnets Lov § 86',
        trin: 6,
        trinTekst: 'Du har fået bevilget dækning af merudgifter.',
        aaben: false,
        sagsbehandlerId: henrik,
        modtaget: d(-400),
        frist: d(-340),
      },
      [
        ...modtagetOgKvitteret(-400),
        [-380, 'Vi har indhentet oplysninger fra skolen og egen læge.', 3],
        [-360, 'Vi har vurderet sagen.', 4],
        [-350, 'Du har fået en afgørelse: bevilling.', 6],
      ],
    );
    await tx
      .insert(t.afgoerelser)
      .values({
        id: sid('freja-merudgifter-afg'),
        sagId: frejaMerudgifter,
        udfald: 'bevilling',
        dato: d(-350),
        begrundelse: 'Merudgifterne til kørsel og særlig kost er nødvendige og en følge af funktionsnedsættelsen.',
        ...klageadgang('Barnets Lov § 86', d(-350), 'digital-post'),
      })
      .onConflictDoNothing();
    const frejaOvergang = await sag(
      'freja-overgang',
      {
        personId: p.freja.id,
        enhed: 'boernehandicap',
        titel: 'Den Gode Overgang – fra barn til voksen',
        sagsart: 'overgang',
        lovgrundlag: 'Barnets Lov og Serviceloven',
        trin: 3,
        trinTekst: 'Vi forbereder det koordinerende møde om din overgang til voksenlivet.',
        aaben: true,
        sagsbehandlerId: henrik,
        modtaget: d(-90),
        frist: d(75),
      },
      [
        [-90, 'Vi har oprettet en sag om din overgang til voksenlivet.', 1],
        [-89, 'Vi har sendt et informationsbrev om, hvad der ændrer sig ved 18 år.', 2],
        [-30, 'Vi indhenter oplysninger til det koordinerende møde.', 3],
      ],
    );
    await sag(
      'freja-voksen-85',
      {
        personId: p.freja.id,
        enhed: 'voksenhandicap',
        titel: 'Socialpædagogisk støtte',
        lovgrundlag: 'Serviceloven § 85',
        trin: 3,
        trinTekst: 'Vi venter på oplysninger fra din læge.',
        aaben: true,
        sagsbehandlerId: sofie,
        modtaget: d(-20),
        frist: d(70),
      },
      [...modtagetOgKvitteret(-20), [-12, 'Vi indhenter oplysninger fra din læge og skole.', 3]],
    );

    // Jens: practical help granted, a bath bench under assessment, a rollator on loan, a plan.
    const jensHjaelp = await sag(
      'jens-praktisk',
      {
        personId: p.jens.id,
        enhed: 'oest',
        titel: 'Praktisk hjælp i hjemmet',
        // Jens is over folkepensionsalderen: helhedspleje under ældreloven, not serviceloven § 83 (SEL § 2, stk. 5).
        lovgrundlag: 'Ældreloven § 10',
        trin: 6,
        trinTekst: 'Du har fået bevilget praktisk hjælp hver anden uge.',
        aaben: false,
        sagsbehandlerId: maria,
        modtaget: d(-300),
        frist: d(-270),
      },
      [
        ...modtagetOgKvitteret(-300),
        [-290, 'Vi har været på besøg hos dig.', 3],
        [-285, 'Vi har vurderet sagen.', 4],
        [-280, 'Du har fået en afgørelse: bevilling.', 6],
      ],
    );
    await tx
      .insert(t.afgoerelser)
      .values({
        id: sid('jens-praktisk-afg'),
        sagId: jensHjaelp,
        udfald: 'bevilling',
        dato: d(-280),
        begrundelse: 'Du kan ikke selv gøre rent. Du får hjælp til rengøring hver anden uge.',
        // Jens is 84: his letter went by ordinary post (he is exempt from Digital Post).
        ...klageadgang('Ældreloven § 10', d(-280), 'almindelig-post'),
        forsendelse: 'almindelig-post',
      })
      .onConflictDoNothing();
    const jensBadebaenk = await sag(
      'jens-badebaenk',
      {
        personId: p.jens.id,
        enhed: 'oest',
        titel: 'Hjælpemiddel: badebænk',
        lovgrundlag: 'Serviceloven § 112',
        trin: 4,
        trinTekst: 'Terapeuten vurderer, om en badebænk er den rigtige løsning for dig.',
        aaben: true,
        sagsbehandlerId: maria,
        modtaget: d(-10),
        frist: d(25),
      },
      [
        ...modtagetOgKvitteret(-10),
        [-6, 'Terapeuten har været på hjemmebesøg.', 3],
        [-3, 'Vi vurderer din ansøgning.', 4],
      ],
    );
    const jensAnsoegning = await tx
      .insert(t.hjaelpemiddelAnsoegninger)
      .values({
        id: sid('jens-badebaenk-ans'),
        personId: p.jens.id,
        indsendtAf: null,
        hjaelpemiddel: 'Badebænk',
        beskrivelse: 'Jeg kan ikke længere stå op, mens jeg går i bad.',
        status: 'under-vurdering',
        modtaget: d(-10),
        sagId: jensBadebaenk,
        forventetSvar: d(25),
        kvitteringsnr: 'H-DEMO-JENS01',
      })
      .onConflictDoNothing()
      .returning({ id: t.hjaelpemiddelAnsoegninger.id });
    // Sent through the portal, so it is in the feed (and the API's list of applications, a view of it).
    for (const { id } of jensAnsoegning)
      await tilJournal(
        tx,
        {
          type: 'hjaelpemiddel-ansoegning',
          personId: p.jens.id,
          sagId: jensBadebaenk,
          genstandId: id,
          data: {
            hjaelpemiddel: 'Badebænk',
            katalogId: null,
            beskrivelse: 'Jeg kan ikke længere stå op, mens jeg går i bad.',
            varighed: null,
            telefon: null,
            besoegstid: null,
            leveringsadresse: null,
            forventetSvar: d(25),
            indsendtAf: null,
          },
        },
        new Date(d(-10)),
      );
    await tx
      .insert(t.udlaan)
      .values({
        id: sid('jens-rollator'),
        personId: p.jens.id,
        hjaelpemiddel: 'Rollator',
        nummer: 'HMD-10234',
        udlaantDato: d(-300),
      })
      .onConflictDoNothing();
    const jensPlan = sid('jens-plan');
    await tx
      .insert(t.planer)
      .values({
        id: jensPlan,
        personId: p.jens.id,
        sagId: jensHjaelp,
        retningsgivendeMaal: 'Kunne gå til købmanden selv igen',
        oprettet: d(-280),
      })
      .onConflictDoNothing();
    await tx
      .insert(t.delmaal)
      .values([
        {
          id: sid('jens-dm1'),
          planId: jensPlan,
          titel: 'Gå 500 meter med rollator uden pause',
          status: 'i-gang',
          raekkefoelge: 1,
          evaluering: 'Du går nu 300 meter. Vi fortsætter træningen.',
        },
        {
          id: sid('jens-dm2'),
          planId: jensPlan,
          titel: 'Stå sikkert under bad',
          status: 'ikke-startet',
          raekkefoelge: 2,
        },
      ])
      .onConflictDoNothing();
    await tx
      .insert(t.indsatser)
      .values([
        {
          id: sid('jens-i1'),
          delmaalId: sid('jens-dm1'),
          beskrivelse: 'Gangtræning to gange om ugen',
          hvem: 'Træningsenheden',
        },
        {
          id: sid('jens-i2'),
          delmaalId: sid('jens-dm2'),
          beskrivelse: 'Vurdering af badebænk',
          hvem: 'Maria Kjær, terapeut',
        },
      ])
      .onConflictDoNothing();
    const kompas = (dato: Dag, scores: Record<string, number>, key: string) =>
      Object.entries(scores).map(([dimension, score]) => ({
        id: sid(`${key}-${dimension}`),
        planId: jensPlan,
        dato,
        dimension,
        score,
      }));
    await tx
      .insert(t.kompasscorer)
      .values([
        ...kompas(d(-270), { bolig: 6, helbred: 3, netvaerk: 4, dagligdag: 3, oekonomi: 7 }, 'jens-k1'),
        ...kompas(d(-30), { bolig: 7, helbred: 5, netvaerk: 5, dagligdag: 5, oekonomi: 7 }, 'jens-k2'),
      ])
      .onConflictDoNothing();

    // Ali: § 85 granted with a plan, § 100 refused with a complaint deadline, a partshøring open.
    const ali85 = await sag(
      'ali-85',
      {
        personId: p.ali.id,
        enhed: 'voksenhandicap',
        titel: 'Socialpædagogisk støtte',
        lovgrundlag: 'Serviceloven § 85',
        trin: 6,
        trinTekst: 'Du har fået bevilget socialpædagogisk støtte 4 timer om ugen.',
        aaben: false,
        sagsbehandlerId: sofie,
        modtaget: d(-200),
        frist: d(-140),
      },
      [
        ...modtagetOgKvitteret(-200),
        [-180, 'Vi har indhentet oplysninger fra hjerneskadecentret.', 3],
        [-160, 'Vi har vurderet sagen.', 4],
        [-150, 'Du har fået en afgørelse: bevilling.', 6],
      ],
    );
    await tx
      .insert(t.afgoerelser)
      .values({
        id: sid('ali-85-afg'),
        sagId: ali85,
        udfald: 'bevilling',
        dato: d(-150),
        begrundelse: 'Du har brug for støtte til at strukturere din hverdag efter din hjerneskade.',
        ...klageadgang('Serviceloven § 85', d(-150), 'digital-post'),
      })
      .onConflictDoNothing();
    const ali100 = await sag(
      'ali-100',
      {
        personId: p.ali.id,
        enhed: 'voksenhandicap',
        titel: 'Dækning af merudgifter',
        lovgrundlag: 'Serviceloven § 100',
        trin: 6,
        trinTekst: 'Du har fået afslag. Du kan klage, hvis du er uenig.',
        aaben: true,
        sagsbehandlerId: sofie,
        modtaget: d(-70),
        frist: d(-10),
      },
      [
        ...modtagetOgKvitteret(-70),
        [-50, 'Vi har indhentet oplysninger.', 3],
        [-30, 'Vi har vurderet sagen.', 4],
        [-18, 'Du har fået en afgørelse: afslag.', 6],
      ],
    );
    await tx
      .insert(t.afgoerelser)
      .values({
        id: sid('ali-100-afg'),
        sagId: ali100,
        udfald: 'afslag',
        dato: d(-18),
        begrundelse: 'Dine merudgifter er under grænsen for, hvornår kommunen kan dække dem.',
        ...klageadgang('Serviceloven § 100', d(-18), 'digital-post'),
      })
      .onConflictDoNothing();
    const aliLedsagelse = await sag(
      'ali-97',
      {
        personId: p.ali.id,
        enhed: 'voksenhandicap',
        titel: 'Ledsagelse',
        lovgrundlag: 'Serviceloven § 97',
        trin: 5,
        trinTekst: 'Vi har sendt dig oplysninger, som du kan kommentere, før vi træffer afgørelse.',
        aaben: true,
        sagsbehandlerId: sofie,
        modtaget: d(-40),
        frist: d(20),
      },
      [
        ...modtagetOgKvitteret(-40),
        [-25, 'Vi har indhentet oplysninger fra din læge.', 3],
        [-10, 'Vi har vurderet sagen.', 4],
        [-2, 'Vi har sendt dig partshøring.', 5],
      ],
    );
    await tx
      .insert(t.partshoeringer)
      .values({
        id: sid('ali-97-ph'),
        sagId: aliLedsagelse,
        materiale: ALI_LAEGEUDTALELSE,
        sendt: d(-2),
        svarfrist: d(5),
      })
      .onConflictDoNothing();
    const aliPlan = sid('ali-plan');
    await tx
      .insert(t.planer)
      .values({
        id: aliPlan,
        personId: p.ali.id,
        sagId: ali85,
        retningsgivendeMaal: 'Bo i egen lejlighed og have et job',
        oprettet: d(-150),
      })
      .onConflictDoNothing();
    await tx
      .insert(t.delmaal)
      .values([
        {
          id: sid('ali-dm1'),
          planId: aliPlan,
          titel: 'Lave en ugeplan og følge den',
          status: 'i-gang',
          raekkefoelge: 1,
          evaluering: 'Du følger ugeplanen de fleste dage.',
        },
        {
          id: sid('ali-dm2'),
          planId: aliPlan,
          titel: 'Finde en praktikplads',
          status: 'ikke-startet',
          raekkefoelge: 2,
        },
      ])
      .onConflictDoNothing();
    await tx
      .insert(t.indsatser)
      .values([
        {
          id: sid('ali-i1'),
          delmaalId: sid('ali-dm1'),
          beskrivelse: 'Støtte fra bostøtte 4 timer om ugen',
          hvem: 'Bostøtten, Voksenhandicap',
        },
        { id: sid('ali-i2'), delmaalId: sid('ali-dm2'), beskrivelse: 'Samtale med jobcentret', hvem: 'Jobcentret' },
      ])
      .onConflictDoNothing();

    // Birgit: a new application, and an older case past its deadline.
    const birgitNy = await sag(
      'birgit-ny',
      {
        personId: p.birgit.id,
        enhed: 'midt',
        titel: 'Praktisk hjælp og madservice',
        lovgrundlag: 'Ældreloven § 10',
        trin: 2,
        trinTekst: 'Vi har sendt dig en kvittering. Vi ringer for at aftale et første møde.',
        aaben: true,
        sagsbehandlerId: peter,
        modtaget: d(-2),
        frist: d(26),
      },
      modtagetOgKvitteret(-2),
    );
    const birgitBolig = await sag(
      'birgit-bolig',
      {
        personId: p.birgit.id,
        enhed: 'midt',
        titel: 'Boligindretning',
        lovgrundlag: 'Serviceloven § 116',
        trin: 4,
        trinTekst: 'Vi venter på ergoterapeutens vurdering af dit badeværelse.',
        aaben: true,
        sagsbehandlerId: peter,
        modtaget: d(-100),
        frist: d(-10),
        nyFrist: d(20),
        nyFristBegrundelse: 'Vi venter på en udtalelse fra ergoterapeuten, som først kan komme på besøg i næste uge.',
      },
      [
        ...modtagetOgKvitteret(-100),
        [-70, 'Vi har indhentet oplysninger fra din læge.', 3],
        [-40, 'Vi vurderer din sag.', 4],
      ],
    );

    await tx
      .insert(t.moeder)
      .values([
        {
          id: sid('m-freja-overgang'),
          personId: p.freja.id,
          sagId: frejaOvergang,
          type: 'overgang',
          titel: 'Koordinerende møde: Den Gode Overgang',
          start: ts(21, '13:00'),
          slut: ts(21, '14:30'),
          sted: 'Rådhuset, Hedensted',
          deltagere: [
            'Freja Holm',
            'Mette Holm',
            'Lars Holm',
            'Henrik Berg (Børnehandicap)',
            'Sofie Lund (Voksenhandicap)',
          ],
          dagsorden: [
            'Hvad ændrer sig ved 18 år',
            'Frejas ønsker til voksenlivet',
            'Ansøgning om støtte efter Serviceloven',
            'Fuldmagt',
          ],
        },
        {
          id: sid('m-ali-opf'),
          personId: p.ali.id,
          sagId: ali85,
          type: 'opfoelgning',
          titel: 'Opfølgningsmøde om din plan',
          start: ts(7, '10:00'),
          slut: ts(7, '11:00'),
          sted: 'Voksenhandicap, Tørring',
          deltagere: ['Ali Hassan', 'Sofie Lund'],
          dagsorden: ['Status på ugeplanen', 'Praktikplads'],
        },
        {
          id: sid('m-birgit-foerste'),
          personId: p.birgit.id,
          sagId: birgitNy,
          type: 'foerste',
          titel: 'Første møde om din ansøgning',
          start: ts(4, '09:30'),
          slut: ts(4, '10:30'),
          sted: 'Hjemme hos dig',
          deltagere: ['Birgit Sørensen', 'Peter Nørgaard'],
          dagsorden: ['Hvad er svært i hverdagen', 'Hvad ønsker du at kunne selv'],
        },
        {
          id: sid('m-jens-opf'),
          personId: p.jens.id,
          sagId: jensHjaelp,
          type: 'opfoelgning',
          titel: 'Opfølgning på din plan',
          start: ts(14, '11:00'),
          slut: ts(14, '11:45'),
          sted: 'Hjemme hos dig',
          deltagere: ['Jens Madsen', 'Karin Madsen', 'Maria Kjær'],
          dagsorden: ['Gangtræning', 'Badebænk'],
        },
      ])
      .onConflictDoNothing();

    const brev = (
      key: string,
      sagId: string,
      type: 'kvittering' | 'partshoering' | 'afgoerelse' | 'brev',
      titel: string,
      dag: number,
      indhold: string,
    ) => ({ id: sid(key), sagId, type, titel, dato: d(dag), indhold });
    await tx
      .insert(t.dokumenter)
      .values([
        brev(
          'dok-ali-100-kv',
          ali100,
          'kvittering',
          'Kvittering for din ansøgning om dækning af merudgifter',
          -69,
          'Kære Ali Hassan\n\nVi har modtaget din ansøgning om dækning af merudgifter. Vi behandler den efter Serviceloven § 100.\n\nDu kan forvente svar inden 12 uger. Vi indhenter kun oplysninger fra andre, hvis du giver samtykke.\n\nVenlig hilsen\nSofie Lund, Voksenhandicap',
        ),
        brev(
          'dok-ali-100-afg',
          ali100,
          'afgoerelse',
          'Afgørelse: afslag på dækning af merudgifter',
          -18,
          'Kære Ali Hassan\n\nDu har søgt om dækning af merudgifter. Vi har givet afslag, fordi dine merudgifter er under grænsen for, hvornår kommunen kan dække dem.\n\nKlagevejledning: ' +
            klagevejledningFor('Serviceloven § 100') +
            '\n\nVenlig hilsen\nSofie Lund, Voksenhandicap',
        ),
        brev(
          'dok-ali-97-ph',
          aliLedsagelse,
          'partshoering',
          'Partshøring før afgørelse om ledsagelse',
          -2,
          `Kære Ali Hassan\n\nFør vi træffer afgørelse om ledsagelse, vil vi gerne høre dine bemærkninger til denne udtalelse fra din egen læge:\n\n${ALI_LAEGEUDTALELSE}\n\nSvar senest ${formatDato(d(5))}. Du kan svare i Mit Forløb under sagen, skrive til os eller ringe.\n\nVenlig hilsen\nSofie Lund, Voksenhandicap`,
        ),
        brev(
          'dok-birgit-kv',
          birgitNy,
          'kvittering',
          'Kvittering for din ansøgning om praktisk hjælp og madservice',
          -1,
          'Kære Birgit Sørensen\n\nVi har modtaget din ansøgning. Vi ringer til dig for at aftale et første møde.\n\nVenlig hilsen\nPeter Nørgaard, Team Midt',
        ),
      ])
      .onConflictDoNothing();
    await tx
      .insert(t.sagsbehandlerskift)
      .values({
        id: sid('skift-birgit-bolig'),
        sagId: birgitBolig,
        fraId: maria,
        tilId: peter,
        dato: d(-30),
        planlagt: true,
        midlertidig: false,
        begrundelse: 'Sager i Hedensted by behandles af Team Midt.',
      })
      .onConflictDoNothing();

    await tx
      .insert(t.samtykker)
      .values([
        {
          id: sid('s-freja-laege'),
          personId: p.freja.id,
          sagId: sid('freja-voksen-85'),
          kilde: 'Egen læge',
          formaal: 'Oplysninger om helbred til ansøgning om socialpædagogisk støtte',
          givet: d(-15),
        },
        {
          id: sid('s-ali-laege'),
          personId: p.ali.id,
          sagId: aliLedsagelse,
          kilde: 'Egen læge',
          formaal: 'Oplysninger om funktionsevne til ansøgning om ledsagelse',
          givet: d(-30),
        },
        {
          id: sid('s-jens-laege'),
          personId: p.jens.id,
          sagId: sid('jens-badebaenk'),
          kilde: 'Egen læge',
          formaal: 'Oplysninger om gangfunktion og balance',
          givet: d(-12),
        },
      ])
      .onConflictDoNothing();
  });
  return p;
}
