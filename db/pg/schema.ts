// GENERATED from db/schema.ts by scripts/pg-skema.ts: do not edit by hand.
// Regenerate with `npm run db:pg-skema` (`npm run db:generate` also does it and makes the migrations).
// The PostgreSQL mirror of the SQLite tables, only for drizzle-kit (db/drizzle.pg.config.ts): the portal
// queries with the tables in db/schema.ts on both engines.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** SQLite's blob; drizzle-orm's pg-core has no bytea builder. */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const afgoerelser = pgTable(
  'afgoerelser',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    udfald: text('udfald').notNull(),
    dato: text('dato').notNull(),
    begrundelse: text('begrundelse').notNull(),
    klagevejledning: text('klagevejledning').notNull(),
    klagefrist: text('klagefrist'),
    forsendelse: text('forsendelse').notNull().default('digital-post'),
    kildeId: text('kilde_id').unique(),
  },
  (t) => [index('afgoerelser_sag').on(t.sagId, t.dato)],
);

export const afhentninger = pgTable(
  'afhentninger',
  {
    id: text('id').primaryKey(),
    udlaanId: text('udlaan_id')
      .notNull()
      .references((): AnyPgColumn => udlaan.id),
    dato: text('dato').notNull(),
    bemaerkning: text('bemaerkning'),
    modtaget: text('modtaget').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    status: text('status').notNull(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('afhentninger_udlaan').on(t.udlaanId)],
);

export const aktindsigter = pgTable(
  'aktindsigter',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    svarFrist: text('svar_frist').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    noegle: text('noegle').unique(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    besvaret: text('besvaret'),
    besvaretAf: text('besvaret_af').references((): AnyPgColumn => medarbejdere.id),
    svar: text('svar'),
  },
  (t) => [
    index('aktindsigter_sag').on(t.sagId, t.modtaget),
    index('aktindsigter_ubesvarede').on(t.sagId, t.svarFrist).where(sql.raw('"besvaret" is null')),
  ],
);

export const apiNoegler = pgTable('api_noegler', {
  id: text('id').primaryKey(),
  system: text('system').notNull(),
  secretHash: bytea('secret_hash').notNull(),
  scopes: text('scopes').notNull(),
  oprettet: text('oprettet').notNull(),
  tilbagekaldt: text('tilbagekaldt'),
  enheder: text('enheder').notNull().default('[]'),
});

export const audit = pgTable(
  'audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    tidspunkt: text('tidspunkt').notNull(),
    aktoerType: text('aktoer_type').notNull(),
    aktoerId: text('aktoer_id').notNull(),
    aktoerNavn: text('aktoer_navn').notNull(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    handling: text('handling').notNull(),
    hvad: text('hvad').notNull(),
  },
  (t) => [index('audit_person').on(t.personId), index('audit_tidspunkt').on(t.tidspunkt)],
);

export const bekraeftelseskoder = pgTable('bekraeftelseskoder', {
  id: text('id').primaryKey(),
  modtagerId: text('modtager_id')
    .notNull()
    .references((): AnyPgColumn => personer.id),
  kanal: text('kanal').notNull(),
  adresse: text('adresse').notNull(),
  kodeHash: text('kode_hash').notNull(),
  udloeber: text('udloeber').notNull(),
  forsoeg: bigint('forsoeg', { mode: 'number' }).notNull().default(0),
});

export const beskedbilag = pgTable(
  'beskedbilag',
  {
    id: text('id').primaryKey(),
    beskedId: text('besked_id')
      .notNull()
      .references((): AnyPgColumn => beskeder.id),
    filnavn: text('filnavn').notNull(),
    type: text('type').notNull(),
    stoerrelse: bigint('stoerrelse', { mode: 'number' }).notNull(),
  },
  (t) => [index('beskedbilag_besked').on(t.beskedId)],
);

export const beskeder = pgTable(
  'beskeder',
  {
    id: text('id').primaryKey(),
    traadId: text('traad_id')
      .notNull()
      .references((): AnyPgColumn => beskedtraade.id),
    fra: text('fra').notNull(),
    afsender: text('afsender').notNull(),
    medarbejderId: text('medarbejder_id').references((): AnyPgColumn => medarbejdere.id),
    emne: text('emne').notNull(),
    tekst: text('tekst').notNull(),
    sendt: text('sendt').notNull(),
    laest: text('laest'),
    svarFrist: text('svar_frist'),
    dokumentId: text('dokument_id').references((): AnyPgColumn => dokumenter.id),
    noegle: text('noegle').unique(),
    kildeId: text('kilde_id').unique(),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [index('beskeder_traad').on(t.traadId, t.sendt)],
);

export const beskedtraade = pgTable(
  'beskedtraade',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
    enhed: text('enhed').notNull(),
    tildeltId: text('tildelt_id').references((): AnyPgColumn => medarbejdere.id),
    lukket: text('lukket'),
    lukketBegrundelse: text('lukket_begrundelse'),
    oprettet: text('oprettet').notNull(),
    senest: text('senest').notNull(),
  },
  (t) => [
    uniqueIndex('beskedtraade_sag').on(t.sagId),
    index('beskedtraade_person').on(t.personId, t.enhed),
    index('beskedtraade_enhed').on(t.enhed, t.senest),
  ],
);

export const bilag = pgTable(
  'bilag',
  {
    id: text('id').primaryKey(),
    kladdeId: text('kladde_id')
      .notNull()
      .references((): AnyPgColumn => hjaelpemiddelKladder.id),
    filnavn: text('filnavn').notNull(),
    type: text('type').notNull(),
    stoerrelse: bigint('stoerrelse', { mode: 'number' }).notNull(),
    oprettet: text('oprettet').notNull(),
  },
  (t) => [index('bilag_kladde').on(t.kladdeId)],
);

export const delmaal = pgTable(
  'delmaal',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references((): AnyPgColumn => planer.id),
    titel: text('titel').notNull(),
    status: text('status').notNull(),
    evaluering: text('evaluering'),
    raekkefoelge: bigint('raekkefoelge', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('delmaal_plan').on(t.planId)],
);

export const dokumenter = pgTable(
  'dokumenter',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    type: text('type').notNull(),
    titel: text('titel').notNull(),
    dato: text('dato').notNull(),
    indhold: text('indhold').notNull(),
    kildeId: text('kilde_id').unique(),
  },
  (t) => [index('dokumenter_sag').on(t.sagId, t.dato)],
);

export const fejlmeldinger = pgTable(
  'fejlmeldinger',
  {
    id: text('id').primaryKey(),
    udlaanId: text('udlaan_id')
      .notNull()
      .references((): AnyPgColumn => udlaan.id),
    beskrivelse: text('beskrivelse').notNull(),
    farlig: integer('farlig').notNull(),
    modtaget: text('modtaget').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    status: text('status').notNull(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('fejlmeldinger_udlaan').on(t.udlaanId)],
);

export const formularkladder = pgTable(
  'formularkladder',
  {
    id: text('id').primaryKey(),
    ejer: text('ejer').notNull(),
    sti: text('sti').notNull(),
    felter: text('felter').notNull(),
    gemt: bigint('gemt', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('formularkladder_ejer_sti').on(t.ejer, t.sti), index('formularkladder_gemt').on(t.gemt)],
);

export const formularnoegler = pgTable('formularnoegler', {
  noegle: text('noegle').primaryKey(),
  medarbejderId: text('medarbejder_id')
    .notNull()
    .references((): AnyPgColumn => medarbejdere.id),
  resultat: text('resultat').notNull(),
  tidspunkt: text('tidspunkt').notNull(),
});

export const fuldmagtAnmodninger = pgTable(
  'fuldmagt_anmodninger',
  {
    id: text('id').primaryKey(),
    fraPersonId: text('fra_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    tilPersonId: text('til_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    scopes: text('scopes').notNull(),
    gyldigFra: text('gyldig_fra').notNull(),
    gyldigTil: text('gyldig_til'),
    status: text('status').notNull(),
    oprettet: text('oprettet').notNull(),
    besvaret: text('besvaret'),
    relationId: text('relation_id').references((): AnyPgColumn => relationer.id),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('anmodninger_til').on(t.tilPersonId), index('anmodninger_fra').on(t.fraPersonId)],
);

export const hastighedsvinduer = pgTable(
  'hastighedsvinduer',
  {
    noegle: text('noegle').primaryKey(),
    start: text('start').notNull(),
    slut: text('slut').notNull(),
    antal: bigint('antal', { mode: 'number' }).notNull(),
  },
  (t) => [index('hastighedsvinduer_slut').on(t.slut)],
);

export const hemmeligheder = pgTable('hemmeligheder', {
  navn: text('navn').primaryKey(),
  vaerdi: text('vaerdi').notNull(),
  oprettet: text('oprettet').notNull(),
});

export const hjaelpemiddelAnsoegninger = pgTable(
  'hjaelpemiddel_ansoegninger',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    indsendtAf: text('indsendt_af').references((): AnyPgColumn => personer.id),
    hjaelpemiddel: text('hjaelpemiddel').notNull(),
    beskrivelse: text('beskrivelse').notNull(),
    status: text('status').notNull(),
    modtaget: text('modtaget').notNull(),
    leveringsdato: text('leveringsdato'),
    katalogId: text('katalog_id'),
    varighed: text('varighed'),
    telefon: text('telefon'),
    besoegstid: text('besoegstid'),
    leveringsadresse: text('leveringsadresse'),
    forventetSvar: text('forventet_svar'),
    kvitteringsnr: text('kvitteringsnr').unique(),
    kladdeId: text('kladde_id').unique(),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
  },
  (t) => [index('ansoegninger_person').on(t.personId)],
);

export const hjaelpemiddelKladder = pgTable(
  'hjaelpemiddel_kladder',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    oprettetAf: text('oprettet_af')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    data: text('data').notNull(),
    opdateret: text('opdateret').notNull(),
    ansoegningId: text('ansoegning_id'),
  },
  (t) => [index('kladder_person').on(t.personId, t.oprettetAf), index('kladder_opdateret').on(t.opdateret)],
);

export const indholdsfiler = pgTable('indholdsfiler', {
  id: text('id').primaryKey(),
  filnavn: text('filnavn').notNull(),
  type: text('type').notNull(),
  stoerrelse: bigint('stoerrelse', { mode: 'number' }).notNull(),
  alt: text('alt'),
  indhold: bytea('indhold').notNull(),
  af: text('af').notNull(),
  tidspunkt: text('tidspunkt').notNull(),
});

export const indholdspubliceringer = pgTable(
  'indholdspubliceringer',
  {
    loebenr: bigint('loebenr', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    samling: text('samling').notNull(),
    slug: text('slug').notNull(),
    versionNr: bigint('version_nr', { mode: 'number' }),
    fra: text('fra').notNull(),
    af: text('af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
  },
  (t) => [index('indholdspubliceringer_side').on(t.samling, t.slug, t.fra)],
);

export const indholdsversioner = pgTable(
  'indholdsversioner',
  {
    samling: text('samling').notNull(),
    slug: text('slug').notNull(),
    nr: bigint('nr', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    frontmatter: text('frontmatter').notNull(),
    tekst: text('tekst').notNull(),
    forfattere: text('forfattere').notNull(),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
    godkendtAf: text('godkendt_af'),
    godkendt: text('godkendt'),
  },
  (t) => [primaryKey({ columns: [t.samling, t.slug, t.nr] })],
);

export const indsatser = pgTable(
  'indsatser',
  {
    id: text('id').primaryKey(),
    delmaalId: text('delmaal_id')
      .notNull()
      .references((): AnyPgColumn => delmaal.id),
    beskrivelse: text('beskrivelse').notNull(),
    hvem: text('hvem').notNull(),
  },
  (t) => [index('indsatser_delmaal').on(t.delmaalId)],
);

export const journalhaendelser = pgTable(
  'journalhaendelser',
  {
    loebenr: bigint('loebenr', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    tidspunkt: text('tidspunkt').notNull(),
    type: text('type').notNull(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
    kildesystem: text('kildesystem'),
    enhed: text('enhed'),
    genstandId: text('genstand_id').notNull(),
    data: text('data').notNull(),
  },
  (t) => [
    index('journalhaendelser_sag').on(t.sagId),
    index('journalhaendelser_tid').on(t.tidspunkt),
    index('journalhaendelser_type').on(t.type, t.loebenr),
  ],
);

export const journalkvitteringer = pgTable(
  'journalkvitteringer',
  {
    loebenr: bigint('loebenr', { mode: 'number' })
      .notNull()
      .references((): AnyPgColumn => journalhaendelser.loebenr),
    system: text('system').notNull(),
    kvitteret: text('kvitteret').notNull(),
    noegleId: text('noegle_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.loebenr, t.system] })],
);

export const klager = pgTable(
  'klager',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    afgoerelseId: text('afgoerelse_id')
      .notNull()
      .references((): AnyPgColumn => afgoerelser.id),
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    status: text('status').notNull(),
    genvurderingFrist: text('genvurdering_frist').notNull(),
    forSent: integer('for_sent').notNull().default(0),
    indsendtAf: text('indsendt_af').notNull(),
    noegle: text('noegle').unique(),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [
    index('klager_sag').on(t.sagId, t.modtaget),
    index('klager_ventende')
      .on(t.sagId, t.genvurderingFrist)
      .where(sql.raw("\"status\" in ('modtaget', 'genvurdering')")),
  ],
);

export const kompasscorer = pgTable(
  'kompasscorer',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references((): AnyPgColumn => planer.id),
    dato: text('dato').notNull(),
    dimension: text('dimension').notNull(),
    score: bigint('score', { mode: 'number' }).notNull(),
  },
  (t) => [index('kompasscorer_plan').on(t.planId)],
);

export const kontaktvalg = pgTable(
  'kontaktvalg',
  {
    id: text('id').primaryKey(),
    modtagerId: text('modtager_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    omPersonId: text('om_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    kanaler: text('kanaler').notNull(),
    email: text('email'),
    emailBekraeftet: text('email_bekraeftet'),
    telefon: text('telefon'),
    telefonBekraeftet: text('telefon_bekraeftet'),
    emailAfvist: text('email_afvist'),
    smsAfvist: text('sms_afvist'),
    opdateret: text('opdateret').notNull(),
  },
  (t) => [uniqueIndex('kontaktvalg_par').on(t.modtagerId, t.omPersonId), index('kontaktvalg_om').on(t.omPersonId)],
);

export const laase = pgTable('laase', {
  navn: text('navn').primaryKey(),
  indehaver: text('indehaver').notNull(),
  udloeber: text('udloeber').notNull(),
});

export const medarbejdere = pgTable('medarbejdere', {
  id: text('id').primaryKey(),
  oidcSub: text('oidc_sub').notNull().unique(),
  navn: text('navn').notNull(),
  rolle: text('rolle').notNull(),
  enhed: text('enhed').notNull(),
  telefon: text('telefon'),
  email: text('email'),
  aktiv: integer('aktiv').notNull().default(1),
});

export const moedeEmner = pgTable(
  'moede_emner',
  {
    id: text('id').primaryKey(),
    moedeId: text('moede_id')
      .notNull()
      .references((): AnyPgColumn => moeder.id),
    tekst: text('tekst').notNull(),
    tilfoejetAf: text('tilfoejet_af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('moede_emner_moede').on(t.moedeId)],
);

export const moeder = pgTable(
  'moeder',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
    type: text('type').notNull(),
    titel: text('titel').notNull(),
    start: text('start').notNull(),
    slut: text('slut').notNull(),
    sted: text('sted'),
    videolink: text('videolink'),
    deltagere: text('deltagere').notNull(),
    dagsorden: text('dagsorden').notNull(),
    bisidder: text('bisidder'),
    kildeId: text('kilde_id').unique(),
  },
  (t) => [index('moeder_person').on(t.personId)],
);

export const notifikationer = pgTable(
  'notifikationer',
  {
    id: text('id').primaryKey(),
    modtagerId: text('modtager_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    omPersonId: text('om_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    kanal: text('kanal').notNull(),
    adresse: text('adresse').notNull(),
    aarsag: text('aarsag').notNull(),
    kildeId: text('kilde_id').notNull(),
    oprettet: text('oprettet').notNull(),
    tidligst: text('tidligst').notNull(),
    status: text('status').notNull().default('venter'),
    forsoeg: bigint('forsoeg', { mode: 'number' }).notNull().default(0),
    sendt: text('sendt'),
    fejl: text('fejl'),
  },
  (t) => [
    uniqueIndex('notifikationer_en_gang').on(t.kildeId, t.modtagerId, t.kanal),
    index('notifikationer_forfaldne').on(t.status, t.tidligst),
    index('notifikationer_adresse').on(t.kanal, t.adresse, t.sendt),
  ],
);

export const overgangTjekliste = pgTable(
  'overgang_tjekliste',
  {
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    punkt: text('punkt').notNull(),
    afkrydsetAf: text('afkrydset_af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.punkt] })],
);

export const parkeredeFormularer = pgTable('parkerede_formularer', {
  id: text('id').primaryKey(),
  personId: text('person_id').references((): AnyPgColumn => personer.id),
  medarbejderId: text('medarbejder_id').references((): AnyPgColumn => medarbejdere.id),
  sti: text('sti').notNull(),
  felter: text('felter').notNull(),
  oprettet: bigint('oprettet', { mode: 'number' }).notNull(),
});

export const partshoeringTilfoejelser = pgTable(
  'partshoering_tilfoejelser',
  {
    id: text('id').primaryKey(),
    partshoeringId: text('partshoering_id')
      .notNull()
      .references((): AnyPgColumn => partshoeringer.id),
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    af: text('af').notNull(),
    kvitteringsnr: text('kvitteringsnr').notNull().unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('partshoering_tilfoejelser_ph').on(t.partshoeringId, t.modtaget)],
);

export const partshoeringer = pgTable(
  'partshoeringer',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    materiale: text('materiale').notNull(),
    sendt: text('sendt').notNull(),
    svarfrist: text('svarfrist').notNull(),
    svar: text('svar'),
    besvaret: text('besvaret'),
    besvaretAf: text('besvaret_af'),
    kvitteringsnr: text('kvitteringsnr').unique(),
    kildeId: text('kilde_id').unique(),
  },
  (t) => [index('partshoeringer_sag').on(t.sagId, t.sendt)],
);

export const personer = pgTable('personer', {
  id: text('id').primaryKey(),
  cpr: text('cpr').notNull().unique(),
  navn: text('navn').notNull(),
  foedselsdato: text('foedselsdato').notNull(),
  adresse: text('adresse'),
  by: text('by'),
  telefon: text('telefon'),
  email: text('email'),
  kildeId: text('kilde_id').unique(),
});

export const planer = pgTable(
  'planer',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
    retningsgivendeMaal: text('retningsgivende_maal').notNull(),
    oprettet: text('oprettet').notNull(),
    kildeId: text('kilde_id').unique(),
  },
  (t) => [index('planer_person').on(t.personId)],
);

export const relationer = pgTable(
  'relationer',
  {
    id: text('id').primaryKey(),
    fraPersonId: text('fra_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    tilPersonId: text('til_person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    type: text('type').notNull(),
    scopes: text('scopes').notNull(),
    gyldigFra: text('gyldig_fra').notNull(),
    gyldigTil: text('gyldig_til'),
    tilbagekaldt: text('tilbagekaldt'),
    tilbagekaldtAf: text('tilbagekaldt_af'),
    oprettet: text('oprettet').notNull(),
    kildesystem: text('kildesystem'),
  },
  (t) => [index('relationer_fra').on(t.fraPersonId), index('relationer_til').on(t.tilPersonId)],
);

export const sager = pgTable(
  'sager',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    enhed: text('enhed').notNull(),
    titel: text('titel').notNull(),
    sagsart: text('sagsart').notNull().default('sag'),
    lovgrundlag: text('lovgrundlag').notNull(),
    trin: bigint('trin', { mode: 'number' }).notNull(),
    trinTekst: text('trin_tekst'),
    aaben: integer('aaben').notNull().default(1),
    sagsbehandlerId: text('sagsbehandler_id').references((): AnyPgColumn => medarbejdere.id),
    modtaget: text('modtaget').notNull(),
    frist: text('frist').notNull(),
    nyFrist: text('ny_frist'),
    nyFristBegrundelse: text('ny_frist_begrundelse'),
    kildeId: text('kilde_id').unique(),
    kildeAendret: text('kilde_aendret'),
  },
  (t) => [
    index('sager_person').on(t.personId),
    index('sager_enhed').on(t.enhed),
    index('sager_sagsbehandler').on(t.sagsbehandlerId),
  ],
);

export const sagsbehandlerskift = pgTable(
  'sagsbehandlerskift',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    fraId: text('fra_id').references((): AnyPgColumn => medarbejdere.id),
    tilId: text('til_id')
      .notNull()
      .references((): AnyPgColumn => medarbejdere.id),
    dato: text('dato').notNull(),
    planlagt: integer('planlagt').notNull(),
    midlertidig: integer('midlertidig').notNull().default(0),
    begrundelse: text('begrundelse'),
  },
  (t) => [index('skift_sag').on(t.sagId, t.dato)],
);

export const sagshaendelser = pgTable(
  'sagshaendelser',
  {
    id: text('id').primaryKey(),
    sagId: text('sag_id')
      .notNull()
      .references((): AnyPgColumn => sager.id),
    type: text('type').notNull(),
    trin: bigint('trin', { mode: 'number' }),
    tekst: text('tekst').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
    medarbejderId: text('medarbejder_id').references((): AnyPgColumn => medarbejdere.id),
  },
  (t) => [index('haendelser_sag').on(t.sagId, t.tidspunkt)],
);

export const samtykker = pgTable(
  'samtykker',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    sagId: text('sag_id').references((): AnyPgColumn => sager.id),
    kilde: text('kilde').notNull(),
    formaal: text('formaal').notNull(),
    givet: text('givet').notNull(),
    tilbagekaldt: text('tilbagekaldt'),
    tilbagekaldtAf: text('tilbagekaldt_af'),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [index('samtykker_person').on(t.personId)],
);

export const sessioner = pgTable('sessioner', {
  id: text('id').primaryKey(),
  secretHash: bytea('secret_hash').notNull(),
  personId: text('person_id').references((): AnyPgColumn => personer.id),
  medarbejderId: text('medarbejder_id').references((): AnyPgColumn => medarbejdere.id),
  handlerForId: text('handler_for_id').references((): AnyPgColumn => personer.id),
  oprettet: bigint('oprettet', { mode: 'number' }).notNull(),
  sidstAktiv: bigint('sidst_aktiv', { mode: 'number' }).notNull(),
});

export const synkversioner = pgTable(
  'synkversioner',
  {
    ressource: text('ressource').notNull(),
    kildeId: text('kilde_id').notNull(),
    kildeAendret: text('kilde_aendret').notNull(),
    portalId: text('portal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ressource, t.kildeId] })],
);

export const testloginTilstand = pgTable(
  'testlogin_tilstand',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: text('payload').notNull(),
    uid: text('uid'),
    userCode: text('user_code'),
    grantId: text('grant_id'),
    udloeber: text('udloeber'),
    forbrugt: bigint('forbrugt', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('testlogin_uid').on(t.uid),
    index('testlogin_grant').on(t.grantId),
    index('testlogin_udloeber').on(t.udloeber),
  ],
);

export const testpost = pgTable('testpost', {
  id: text('id').primaryKey(),
  kanal: text('kanal').notNull(),
  til: text('til').notNull(),
  emne: text('emne'),
  tekst: text('tekst').notNull(),
  modtaget: text('modtaget').notNull(),
});

export const udlaan = pgTable(
  'udlaan',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references((): AnyPgColumn => personer.id),
    hjaelpemiddel: text('hjaelpemiddel').notNull(),
    nummer: text('nummer').notNull(),
    udlaantDato: text('udlaant_dato').notNull(),
    afleveret: text('afleveret'),
  },
  (t) => [index('udlaan_person').on(t.personId)],
);
