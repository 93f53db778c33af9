/**
 * The portal's data model. Dates a person sees as a day are stored as 'YYYY-MM-DD' text
 * (a day in Europe/Copenhagen); moments as ISO timestamps in UTC.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
/** The id a source system (DUBU, Nexus, CURA) gives a record, as "<system>:<id>", for idempotent sync. */
const kildeId = () => text('kilde_id').unique();

export const personer = sqliteTable('personer', {
  id: id(),
  /** Never shown in a page, a URL or a log line; only used to match a login. */
  cpr: text('cpr').notNull().unique(),
  navn: text('navn').notNull(),
  foedselsdato: text('foedselsdato').notNull(),
  adresse: text('adresse'),
  by: text('by'),
  telefon: text('telefon'),
  email: text('email'),
  kildeId: kildeId(),
});

export const medarbejdere = sqliteTable('medarbejdere', {
  id: id(),
  /** The subject the municipality's identity provider sends for this person. */
  oidcSub: text('oidc_sub').notNull().unique(),
  navn: text('navn').notNull(),
  rolle: text('rolle', { enum: ['sagsbehandler', 'visitator', 'terapeut', 'depot', 'leder', 'redaktoer'] }).notNull(),
  /** The organisational unit: an area (voksenhandicap, boernehandicap) or a team id (oest, vest, midt) or depot. */
  enhed: text('enhed').notNull(),
  telefon: text('telefon'),
  email: text('email'),
  aktiv: integer('aktiv', { mode: 'boolean' }).notNull().default(true),
});

export const sager = sqliteTable(
  'sager',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    /** The unit owning the case; staff of that unit may see it. */
    enhed: text('enhed').notNull(),
    titel: text('titel').notNull(),
    /**
     * What kind of case it is, whatever its title: a transition case (Den Gode Overgang) is
     * recognised by this, so a mirrored one with the case system's own title is not made twice.
     */
    sagsart: text('sagsart', { enum: ['sag', 'overgang'] })
      .notNull()
      .default('sag'),
    lovgrundlag: text('lovgrundlag').notNull(),
    /** Step 1-7 of the sagsbehandlingsforløb (content/forloeb). */
    trin: integer('trin').notNull(),
    /** Plain-language sentence about where the case is now, written by the caseworker. */
    trinTekst: text('trin_tekst'),
    aaben: integer('aaben', { mode: 'boolean' }).notNull().default(true),
    sagsbehandlerId: text('sagsbehandler_id').references(() => medarbejdere.id),
    modtaget: text('modtaget').notNull(),
    /** The published handling deadline for this kind of case. */
    frist: text('frist').notNull(),
    /** A new expected date when the deadline cannot be kept, with the reason the law requires. */
    nyFrist: text('ny_frist'),
    nyFristBegrundelse: text('ny_frist_begrundelse'),
    kildeId: kildeId(),
    /**
     * A mirrored case: when its case system last changed it (ISO 8601, UTC), as the system said.
     * A sync older than this changes nothing (src/features/api/sager.server.ts). Null for a portal case.
     */
    kildeAendret: text('kilde_aendret'),
  },
  (t) => [
    index('sager_person').on(t.personId),
    index('sager_enhed').on(t.enhed),
    index('sager_sagsbehandler').on(t.sagsbehandlerId),
  ],
);

/** The case history the citizen sees: steps, caseworker changes, deadline changes, decisions. */
export const sagshaendelser = sqliteTable(
  'sagshaendelser',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    type: text('type', {
      enum: ['trin', 'sagsbehandler', 'frist', 'afgoerelse', 'klage', 'partshoering', 'dokument'],
    }).notNull(),
    trin: integer('trin'),
    tekst: text('tekst').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
    medarbejderId: text('medarbejder_id').references(() => medarbejdere.id),
  },
  (t) => [index('haendelser_sag').on(t.sagId, t.tidspunkt)],
);

export const sagsbehandlerskift = sqliteTable(
  'sagsbehandlerskift',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    fraId: text('fra_id').references(() => medarbejdere.id),
    tilId: text('til_id')
      .notNull()
      .references(() => medarbejdere.id),
    dato: text('dato').notNull(),
    planlagt: integer('planlagt', { mode: 'boolean' }).notNull(),
    midlertidig: integer('midlertidig', { mode: 'boolean' }).notNull().default(false),
    begrundelse: text('begrundelse'),
  },
  (t) => [index('skift_sag').on(t.sagId, t.dato)],
);

export const afgoerelser = sqliteTable(
  'afgoerelser',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    udfald: text('udfald', { enum: ['bevilling', 'delvis', 'afslag'] }).notNull(),
    dato: text('dato').notNull(),
    begrundelse: text('begrundelse').notNull(),
    /** Empty when the case system sent the decision without one: then `klagefrist` is null. */
    klagevejledning: text('klagevejledning').notNull(),
    /**
     * Null while the decision lacks a klagevejledning: the deadline does not run until one is given
     * (Retssikkerhedsvejledningen pkt. 272), so the citizen may complain at any time.
     */
    klagefrist: text('klagefrist'),
    /** How the letter reached the citizen: the complaint deadline runs from its receipt (src/config/forsendelse.ts). */
    forsendelse: text('forsendelse', { enum: ['digital-post', 'almindelig-post', 'quickpost'] })
      .notNull()
      .default('digital-post'),
    kildeId: kildeId(),
  },
  (t) => [index('afgoerelser_sag').on(t.sagId, t.dato)],
);

export const dokumenter = sqliteTable(
  'dokumenter',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    type: text('type', { enum: ['kvittering', 'partshoering', 'afgoerelse', 'brev'] }).notNull(),
    titel: text('titel').notNull(),
    dato: text('dato').notNull(),
    indhold: text('indhold').notNull(),
    /** A letter a case system sent (PUT /api/v1/breve/{id}). */
    kildeId: kildeId(),
  },
  (t) => [index('dokumenter_sag').on(t.sagId, t.dato)],
);

export const partshoeringer = sqliteTable(
  'partshoeringer',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    materiale: text('materiale').notNull(),
    sendt: text('sendt').notNull(),
    svarfrist: text('svarfrist').notNull(),
    svar: text('svar'),
    besvaret: text('besvaret'),
    besvaretAf: text('besvaret_af'),
    kvitteringsnr: text('kvitteringsnr').unique(),
    /** A partshøring a case system sent (PUT /api/v1/partshoeringer/{id}). */
    kildeId: kildeId(),
  },
  (t) => [index('partshoeringer_sag').on(t.sagId, t.sendt)],
);

/**
 * What the citizen adds to a partshøring answer after sending it, until the deadline: each
 * addition its own receipt; the first answer stays in `partshoeringer`.
 */
export const partshoeringTilfoejelser = sqliteTable(
  'partshoering_tilfoejelser',
  {
    id: id(),
    partshoeringId: text('partshoering_id')
      .notNull()
      .references(() => partshoeringer.id),
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    af: text('af').notNull(),
    kvitteringsnr: text('kvitteringsnr').notNull().unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('partshoering_tilfoejelser_ph').on(t.partshoeringId, t.modtaget)],
);

/** A citizen's request to see the documents of a case (aktindsigt, forvaltningsloven § 9). */
export const aktindsigter = sqliteTable(
  'aktindsigter',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    /** What the citizen wants to see, in their own words. */
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    /** 7 working days after receipt (forvaltningsloven § 16, stk. 2; offentlighedsloven § 36). */
    svarFrist: text('svar_frist').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    noegle: text('noegle').unique(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    /** When staff marked it answered; until then it counts against `svarFrist`. */
    besvaret: text('besvaret'),
    besvaretAf: text('besvaret_af').references(() => medarbejdere.id),
    /** How the answer was given, in the caseworker's words to the citizen (e.g. "sendt med Digital Post"). */
    svar: text('svar'),
  },
  (t) => [
    index('aktindsigter_sag').on(t.sagId, t.modtaget),
    // The caseload's pending deadlines: only the unanswered ones, few of all the years' requests.
    index('aktindsigter_ubesvarede').on(t.sagId, t.svarFrist).where(sql`${t.besvaret} is null`),
  ],
);

/**
 * A conversation between a citizen (or a relative acting for them) and the municipality: one per
 * case, and one general thread per person and unit for questions without a case.
 */
export const beskedtraade = sqliteTable(
  'beskedtraade',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    /** null: the person's general thread to `enhed`. */
    sagId: text('sag_id').references(() => sager.id),
    /** The unit answering: the case's unit, or the one the citizen chose. */
    enhed: text('enhed').notNull(),
    /** A colleague the thread was handed to; otherwise the case's caseworker (or the unit) answers. */
    tildeltId: text('tildelt_id').references(() => medarbejdere.id),
    /** Closed without an answer, with the reason the citizen sees; a new message opens it again. */
    lukket: text('lukket'),
    lukketBegrundelse: text('lukket_begrundelse'),
    oprettet: text('oprettet').notNull(),
    /** The last message, for the inboxes' order. */
    senest: text('senest').notNull(),
  },
  (t) => [
    uniqueIndex('beskedtraade_sag').on(t.sagId),
    index('beskedtraade_person').on(t.personId, t.enhed),
    index('beskedtraade_enhed').on(t.enhed, t.senest),
  ],
);

/** One message in a thread, from the citizen's side or the municipality's. */
export const beskeder = sqliteTable(
  'beskeder',
  {
    id: id(),
    traadId: text('traad_id')
      .notNull()
      .references(() => beskedtraade.id),
    fra: text('fra', { enum: ['borger', 'kommune'] }).notNull(),
    /** The writer as the other side sees them: "Karin Madsen på vegne af Jens Madsen", "Sofie Lund, sagsbehandler". */
    afsender: text('afsender').notNull(),
    /** The staff member who wrote it in the portal; null for the citizen's side and answers from a case system. */
    medarbejderId: text('medarbejder_id').references(() => medarbejdere.id),
    emne: text('emne').notNull(),
    tekst: text('tekst').notNull(),
    sendt: text('sendt').notNull(),
    /** When the other side first opened it. */
    laest: text('laest'),
    /** The citizen's message: when the municipality answers at the latest (src/config/beskeder.ts). */
    svarFrist: text('svar_frist'),
    /** A letter of the case the caseworker attached. */
    dokumentId: text('dokument_id').references(() => dokumenter.id),
    /** The form's one-time key (the citizen's side), or the case system's id of an answer written there. */
    noegle: text('noegle').unique(),
    kildeId: kildeId(),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [index('beskeder_traad').on(t.traadId, t.sendt)],
);

/** A file sent with a message: on disk beside the applications' attachments (BILAG_DIR), served only through the door. */
export const beskedbilag = sqliteTable(
  'beskedbilag',
  {
    id: id(),
    beskedId: text('besked_id')
      .notNull()
      .references(() => beskeder.id),
    filnavn: text('filnavn').notNull(),
    type: text('type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    stoerrelse: integer('stoerrelse').notNull(),
  },
  (t) => [index('beskedbilag_besked').on(t.beskedId)],
);

/**
 * How a person wants to hear that there is news (about themselves, or about someone they act for):
 * e-mail, SMS, both or none. An address is used only once it is confirmed with a code.
 */
export const kontaktvalg = sqliteTable(
  'kontaktvalg',
  {
    id: id(),
    /** Who gets the notice. */
    modtagerId: text('modtager_id')
      .notNull()
      .references(() => personer.id),
    /** Whose news: the receiver, or a person they act for. */
    omPersonId: text('om_person_id')
      .notNull()
      .references(() => personer.id),
    kanaler: text('kanaler', { enum: ['email', 'sms', 'begge', 'ingen'] }).notNull(),
    email: text('email'),
    emailBekraeftet: text('email_bekraeftet'),
    telefon: text('telefon'),
    telefonBekraeftet: text('telefon_bekraeftet'),
    /** When a notice to the address was last refused for good (shown to the person, and to staff). */
    emailAfvist: text('email_afvist'),
    smsAfvist: text('sms_afvist'),
    opdateret: text('opdateret').notNull(),
  },
  (t) => [uniqueIndex('kontaktvalg_par').on(t.modtagerId, t.omPersonId), index('kontaktvalg_om').on(t.omPersonId)],
);

/** A code sent to confirm an address; only its hash is kept. */
export const bekraeftelseskoder = sqliteTable('bekraeftelseskoder', {
  id: id(),
  modtagerId: text('modtager_id')
    .notNull()
    .references(() => personer.id),
  kanal: text('kanal', { enum: ['email', 'sms'] }).notNull(),
  adresse: text('adresse').notNull(),
  kodeHash: text('kode_hash').notNull(),
  udloeber: text('udloeber').notNull(),
  forsoeg: integer('forsoeg').notNull().default(0),
});

/**
 * The outbox of notices: written in the transaction of the change that causes it, delivered later by
 * the sender (one instance at a time). One row per event, receiver and channel: never sent twice.
 */
export const notifikationer = sqliteTable(
  'notifikationer',
  {
    id: id(),
    modtagerId: text('modtager_id')
      .notNull()
      .references(() => personer.id),
    omPersonId: text('om_person_id')
      .notNull()
      .references(() => personer.id),
    kanal: text('kanal', { enum: ['email', 'sms'] }).notNull(),
    adresse: text('adresse').notNull(),
    /** What happened, for staff and the log; never in the notice itself. */
    aarsag: text('aarsag').notNull(),
    /** The event's own id (a case event, a message): with receiver and channel, unique. */
    kildeId: text('kilde_id').notNull(),
    oprettet: text('oprettet').notNull(),
    /** Not before: quiet hours, a retry's back-off. */
    tidligst: text('tidligst').notNull(),
    status: text('status', { enum: ['venter', 'sendt', 'afvist', 'opgivet'] })
      .notNull()
      .default('venter'),
    forsoeg: integer('forsoeg').notNull().default(0),
    sendt: text('sendt'),
    fejl: text('fejl'),
  },
  (t) => [
    uniqueIndex('notifikationer_en_gang').on(t.kildeId, t.modtagerId, t.kanal),
    index('notifikationer_forfaldne').on(t.status, t.tidligst),
    index('notifikationer_adresse').on(t.kanal, t.adresse, t.sendt),
  ],
);

/** The demo's test mailbox: what the stand-in SMTP server and SMS gateway received (never in production). */
export const testpost = sqliteTable('testpost', {
  id: id(),
  kanal: text('kanal', { enum: ['email', 'sms'] }).notNull(),
  til: text('til').notNull(),
  emne: text('emne'),
  tekst: text('tekst').notNull(),
  modtaget: text('modtaget').notNull(),
});

export const klager = sqliteTable(
  'klager',
  {
    id: id(),
    sagId: text('sag_id')
      .notNull()
      .references(() => sager.id),
    afgoerelseId: text('afgoerelse_id')
      .notNull()
      .references(() => afgoerelser.id),
    tekst: text('tekst').notNull(),
    modtaget: text('modtaget').notNull(),
    status: text('status', {
      enum: ['modtaget', 'genvurdering', 'sendt-til-ankestyrelsen', 'afgoerelse-aendret'],
    }).notNull(),
    /** The municipality has 4 weeks to re-assess. */
    genvurderingFrist: text('genvurdering_frist').notNull(),
    /** Received after the complaint deadline: still received and re-assessed; only Ankestyrelsen may set it aside. */
    forSent: integer('for_sent', { mode: 'boolean' }).notNull().default(false),
    indsendtAf: text('indsendt_af').notNull(),
    /** The form's one-time key: submitting twice finds the first complaint instead of making a second. */
    noegle: text('noegle').unique(),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [
    index('klager_sag').on(t.sagId, t.modtaget),
    // The caseload's pending deadlines: only complaints still waiting, few of all the years' complaints.
    index('klager_ventende').on(t.sagId, t.genvurderingFrist).where(klageVenter(t.status)),
  ],
);

/** The statuses of a complaint still waiting for its re-assessment (frister.ts `venterPaaGenvurdering`). */
export const VENTENDE_KLAGESTATUS = ['modtaget', 'genvurdering'] as const;

/**
 * `VENTENDE_KLAGESTATUS` as SQL, for the partial index and the caseload's query alike. Literal values,
 * not parameters: a query uses the partial index only when its condition is this text.
 */
export function klageVenter(status: AnyColumn): SQL {
  return sql`${status} in (${sql.raw(VENTENDE_KLAGESTATUS.map((s) => `'${s}'`).join(', '))})`;
}

export const planer = sqliteTable(
  'planer',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    sagId: text('sag_id').references(() => sager.id),
    retningsgivendeMaal: text('retningsgivende_maal').notNull(),
    oprettet: text('oprettet').notNull(),
    kildeId: kildeId(),
  },
  (t) => [index('planer_person').on(t.personId)],
);

export const delmaal = sqliteTable(
  'delmaal',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => planer.id),
    titel: text('titel').notNull(),
    status: text('status', { enum: ['ikke-startet', 'i-gang', 'naaet', 'opgivet'] }).notNull(),
    evaluering: text('evaluering'),
    raekkefoelge: integer('raekkefoelge').notNull().default(0),
  },
  (t) => [index('delmaal_plan').on(t.planId)],
);

export const indsatser = sqliteTable(
  'indsatser',
  {
    id: id(),
    delmaalId: text('delmaal_id')
      .notNull()
      .references(() => delmaal.id),
    beskrivelse: text('beskrivelse').notNull(),
    hvem: text('hvem').notNull(),
  },
  (t) => [index('indsatser_delmaal').on(t.delmaalId)],
);

/** Forandringskompasset: a score per life dimension at each assessment. */
export const kompasscorer = sqliteTable(
  'kompasscorer',
  {
    id: id(),
    planId: text('plan_id')
      .notNull()
      .references(() => planer.id),
    dato: text('dato').notNull(),
    dimension: text('dimension').notNull(),
    score: integer('score').notNull(),
  },
  (t) => [index('kompasscorer_plan').on(t.planId)],
);

export const moeder = sqliteTable(
  'moeder',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    sagId: text('sag_id').references(() => sager.id),
    type: text('type', { enum: ['foerste', 'opfoelgning', 'overgang', 'tvaerfagligt', 'cafe'] }).notNull(),
    titel: text('titel').notNull(),
    start: text('start').notNull(),
    slut: text('slut').notNull(),
    sted: text('sted'),
    videolink: text('videolink'),
    deltagere: text('deltagere', { mode: 'json' }).$type<string[]>().notNull(),
    dagsorden: text('dagsorden', { mode: 'json' }).$type<string[]>().notNull(),
    /** The citizen's own note that they bring a bisidder, with the name if they gave one. */
    bisidder: text('bisidder'),
    kildeId: kildeId(),
  },
  (t) => [index('moeder_person').on(t.personId)],
);

/** Topics the citizen (or a relative) adds to a meeting's agenda before it. */
export const moedeEmner = sqliteTable(
  'moede_emner',
  {
    id: id(),
    moedeId: text('moede_id')
      .notNull()
      .references(() => moeder.id),
    tekst: text('tekst').notNull(),
    tilfoejetAf: text('tilfoejet_af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('moede_emner_moede').on(t.moedeId)],
);

export const samtykker = sqliteTable(
  'samtykker',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    sagId: text('sag_id').references(() => sager.id),
    kilde: text('kilde').notNull(),
    formaal: text('formaal').notNull(),
    givet: text('givet').notNull(),
    tilbagekaldt: text('tilbagekaldt'),
    tilbagekaldtAf: text('tilbagekaldt_af'),
    kvitteringsnr: text('kvitteringsnr').unique(),
  },
  (t) => [index('samtykker_person').on(t.personId)],
);

/**
 * Who may act for whom. Parental authority is derived from the child's birthday; a fuldmagt
 * or værgemål carries scopes and dates.
 */
export const relationer = sqliteTable(
  'relationer',
  {
    id: id(),
    /** The relative who acts. */
    fraPersonId: text('fra_person_id')
      .notNull()
      .references(() => personer.id),
    /** The person whose data it is. */
    tilPersonId: text('til_person_id')
      .notNull()
      .references(() => personer.id),
    type: text('type', { enum: ['foraeldremyndighed', 'fuldmagt', 'vaergemaal'] }).notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    gyldigFra: text('gyldig_fra').notNull(),
    gyldigTil: text('gyldig_til'),
    tilbagekaldt: text('tilbagekaldt'),
    /** Who revoked it: the giver, or staff recording a paper revocation. */
    tilbagekaldtAf: text('tilbagekaldt_af'),
    oprettet: text('oprettet').notNull(),
    /** The case system that sent it (custody from the CPR register through DUBU), or null when registered in the portal. */
    kildesystem: text('kildesystem'),
  },
  (t) => [index('relationer_fra').on(t.fraPersonId), index('relationer_til').on(t.tilPersonId)],
);

export const hjaelpemiddelAnsoegninger = sqliteTable(
  'hjaelpemiddel_ansoegninger',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    /** The relative who applied on the person's behalf, if any. */
    indsendtAf: text('indsendt_af').references(() => personer.id),
    hjaelpemiddel: text('hjaelpemiddel').notNull(),
    beskrivelse: text('beskrivelse').notNull(),
    status: text('status', {
      enum: ['modtaget', 'under-vurdering', 'bevilget', 'afslag', 'levering-aftalt', 'udleveret'],
    }).notNull(),
    modtaget: text('modtaget').notNull(),
    leveringsdato: text('leveringsdato'),
    /** The catalogue entry (content/hjaelpemidler), or null for "Jeg ved det ikke". */
    katalogId: text('katalog_id'),
    varighed: text('varighed'),
    telefon: text('telefon'),
    besoegstid: text('besoegstid'),
    leveringsadresse: text('leveringsadresse'),
    forventetSvar: text('forventet_svar'),
    kvitteringsnr: text('kvitteringsnr').unique(),
    /** The draft it was submitted from: submitting the same draft twice finds this request. */
    kladdeId: text('kladde_id').unique(),
    sagId: text('sag_id').references(() => sager.id),
  },
  (t) => [index('ansoegninger_person').on(t.personId)],
);

/** An application in progress, kept between the steps so it survives a reload and can be resumed. */
export const hjaelpemiddelKladder = sqliteTable(
  'hjaelpemiddel_kladder',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    oprettetAf: text('oprettet_af')
      .notNull()
      .references(() => personer.id),
    data: text('data', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    opdateret: text('opdateret').notNull(),
    ansoegningId: text('ansoegning_id'),
  },
  // The open draft is found by person and author; the retention job finds old drafts by last change.
  (t) => [index('kladder_person').on(t.personId, t.oprettetAf), index('kladder_opdateret').on(t.opdateret)],
);

/** Attachments: stored as files outside public/, served only through the access door. */
export const bilag = sqliteTable(
  'bilag',
  {
    id: id(),
    kladdeId: text('kladde_id')
      .notNull()
      .references(() => hjaelpemiddelKladder.id),
    filnavn: text('filnavn').notNull(),
    type: text('type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    stoerrelse: integer('stoerrelse').notNull(),
    oprettet: text('oprettet').notNull(),
  },
  // Also what deleting a draft checks its foreign key against.
  (t) => [index('bilag_kladde').on(t.kladdeId)],
);

export const fejlmeldinger = sqliteTable(
  'fejlmeldinger',
  {
    id: id(),
    udlaanId: text('udlaan_id')
      .notNull()
      .references(() => udlaan.id),
    beskrivelse: text('beskrivelse').notNull(),
    farlig: integer('farlig', { mode: 'boolean' }).notNull(),
    modtaget: text('modtaget').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    status: text('status', { enum: ['modtaget', 'planlagt', 'repareret'] }).notNull(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('fejlmeldinger_udlaan').on(t.udlaanId)],
);

export const afhentninger = sqliteTable(
  'afhentninger',
  {
    id: id(),
    udlaanId: text('udlaan_id')
      .notNull()
      .references(() => udlaan.id),
    dato: text('dato').notNull(),
    bemaerkning: text('bemaerkning'),
    modtaget: text('modtaget').notNull(),
    indsendtAf: text('indsendt_af').notNull(),
    status: text('status', { enum: ['bestilt', 'afhentet'] }).notNull(),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('afhentninger_udlaan').on(t.udlaanId)],
);

export const udlaan = sqliteTable(
  'udlaan',
  {
    id: id(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    hjaelpemiddel: text('hjaelpemiddel').notNull(),
    nummer: text('nummer').notNull(),
    udlaantDato: text('udlaant_dato').notNull(),
    afleveret: text('afleveret'),
  },
  (t) => [index('udlaan_person').on(t.personId)],
);

export const sessioner = sqliteTable('sessioner', {
  id: text('id').primaryKey(),
  /** SHA-256 of the token's secret; the secret itself is never stored. */
  secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
  personId: text('person_id').references(() => personer.id),
  medarbejderId: text('medarbejder_id').references(() => medarbejdere.id),
  /** Whose data a relative is looking at now. */
  handlerForId: text('handler_for_id').references(() => personer.id),
  oprettet: integer('oprettet').notNull(),
  sidstAktiv: integer('sidst_aktiv').notNull(),
});

/**
 * A form posted after its session ran out: what was typed, kept for the same person until they have
 * logged in again and are back at the form (features/login/parkeret.server.ts). Deleted when shown,
 * and never kept longer than an hour.
 */
export const parkeredeFormularer = sqliteTable('parkerede_formularer', {
  id: text('id').primaryKey(),
  personId: text('person_id').references(() => personer.id),
  medarbejderId: text('medarbejder_id').references(() => medarbejdere.id),
  /** The form's page: the text is only given back there. */
  sti: text('sti').notNull(),
  felter: text('felter', { mode: 'json' }).$type<[string, string][]>().notNull(),
  oprettet: integer('oprettet').notNull(),
});

/**
 * What a person is typing in a free-text form (a complaint, a partshøring answer, a message),
 * saved while they type so neither a timeout nor a closed tab loses it; one per person and page.
 */
export const formularkladder = sqliteTable(
  'formularkladder',
  {
    id: text('id').primaryKey(),
    /** "p:<person id>" or "m:<staff id>": whose text it is. */
    ejer: text('ejer').notNull(),
    sti: text('sti').notNull(),
    felter: text('felter', { mode: 'json' }).$type<[string, string][]>().notNull(),
    gemt: integer('gemt').notNull(),
  },
  (t) => [uniqueIndex('formularkladder_ejer_sti').on(t.ejer, t.sti), index('formularkladder_gemt').on(t.gemt)],
);

/** Every read and write of a person's data. Append-only: the portal never updates or deletes here. */
export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tidspunkt: text('tidspunkt').notNull(),
    aktoerType: text('aktoer_type', { enum: ['borger', 'medarbejder', 'system'] }).notNull(),
    aktoerId: text('aktoer_id').notNull(),
    aktoerNavn: text('aktoer_navn').notNull(),
    /** The person whose data were read or written. */
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    handling: text('handling', { enum: ['se', 'opret', 'ret'] }).notNull(),
    hvad: text('hvad').notNull(),
  },
  // By person alone: SQLite appends the rowid (= id) to the index, so "newest first" for one
  // person reads the index in order instead of sorting all their rows. By time: the retention job.
  (t) => [index('audit_person').on(t.personId), index('audit_tidspunkt').on(t.tidspunkt)],
);

/** A relative's request for a fuldmagt, and the person's answer. Accepting creates a row in `relationer`. */
export const fuldmagtAnmodninger = sqliteTable(
  'fuldmagt_anmodninger',
  {
    id: id(),
    fraPersonId: text('fra_person_id')
      .notNull()
      .references(() => personer.id),
    tilPersonId: text('til_person_id')
      .notNull()
      .references(() => personer.id),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    gyldigFra: text('gyldig_fra').notNull(),
    gyldigTil: text('gyldig_til'),
    status: text('status', { enum: ['afventer', 'accepteret', 'afvist', 'trukket-tilbage'] }).notNull(),
    oprettet: text('oprettet').notNull(),
    besvaret: text('besvaret'),
    relationId: text('relation_id').references(() => relationer.id),
    kvitteringsnr: text('kvitteringsnr').unique(),
    noegle: text('noegle').unique(),
  },
  (t) => [index('anmodninger_til').on(t.tilPersonId), index('anmodninger_fra').on(t.fraPersonId)],
);

/** The family's ticks on the 18-year checklist, shared by the young person and the parents. */
export const overgangTjekliste = sqliteTable(
  'overgang_tjekliste',
  {
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    punkt: text('punkt').notNull(),
    afkrydsetAf: text('afkrydset_af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.punkt] })],
);

/** Bearer tokens for the case systems' integration API; only a hash of the secret is stored. */
export const apiNoegler = sqliteTable('api_noegler', {
  id: id(),
  system: text('system').notNull(),
  secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
  /** What the system may do, e.g. ["skriv:personer", "skriv:sager", "laes:hjaelpemidler"]. */
  scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
  oprettet: text('oprettet').notNull(),
  tilbagekaldt: text('tilbagekaldt'),
  /**
   * The units whose unowned items (on cases made in the portal) the key receives, e.g. ["oest"];
   * "*" is every unit and the items without a unit. Items on a case a system owns go only to that system.
   */
  enheder: text('enheder', { mode: 'json' }).$type<string[]>().notNull().default([]),
});

/**
 * The outbound feed (GET /api/v1/haendelser): what the portal and its users created that a case
 * system may need to journalise, in the order it was committed. Written in the same transaction as
 * the fact itself (journal/journal.server.ts), so an event exists exactly when its fact does.
 */
export const journalhaendelser = sqliteTable(
  'journalhaendelser',
  {
    /** The event's id and the feed's cursor. Writers hold the write lock, so numbers commit in order. */
    loebenr: integer('loebenr').primaryKey({ autoIncrement: true }),
    tidspunkt: text('tidspunkt').notNull(),
    type: text('type').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => personer.id),
    sagId: text('sag_id').references(() => sager.id),
    /** Who receives it: the system owning the case, or else keys bound to this unit. */
    kildesystem: text('kildesystem'),
    enhed: text('enhed'),
    /** The id of what the event is about (the complaint, the application, the letter ...). */
    genstandId: text('genstand_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('journalhaendelser_sag').on(t.sagId),
    index('journalhaendelser_tid').on(t.tidspunkt),
    // The inboxes are the feed filtered by type (src/features/api/lister.server.ts).
    index('journalhaendelser_type').on(t.type, t.loebenr),
  ],
);

/** A case system's receipt that it has journalised an event. */
export const journalkvitteringer = sqliteTable(
  'journalkvitteringer',
  {
    loebenr: integer('loebenr')
      .notNull()
      .references(() => journalhaendelser.loebenr),
    system: text('system').notNull(),
    kvitteret: text('kvitteret').notNull(),
    noegleId: text('noegle_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.loebenr, t.system] })],
);

/**
 * Sync order (issue 14): for each record a case system writes through the API, the change time it
 * sent last. A write older than this changes nothing (409), the same again is a repeat
 * (src/features/api/synkorden.server.ts). Cases keep theirs on `sager.kilde_aendret`.
 */
export const synkversioner = sqliteTable(
  'synkversioner',
  {
    /** The route's operation, e.g. upsertPerson: one system id may name a person and a meeting. */
    ressource: text('ressource').notNull(),
    /** The stored source id, "<system>:<id>". */
    kildeId: text('kilde_id').notNull(),
    kildeAendret: text('kilde_aendret').notNull(),
    /** The portal's id of the record, the answer to a repeat. */
    portalId: text('portal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ressource, t.kildeId] })],
);

/**
 * One-time keys of staff forms (the citizens' forms keep theirs on the row they create). A form
 * sent again with the same key is answered with the first result instead of writing twice.
 */
export const formularnoegler = sqliteTable('formularnoegler', {
  noegle: text('noegle').primaryKey(),
  /** Who sent the form: another user's key is not theirs to replay. */
  medarbejderId: text('medarbejder_id')
    .notNull()
    .references(() => medarbejdere.id),
  /** The id the first submission returned (a case or an application). */
  resultat: text('resultat').notNull(),
  tidspunkt: text('tidspunkt').notNull(),
});

/**
 * Leases of scheduled work (the retention job): one instance at a time holds a name until
 * `udloeber`; an instance that stops renewing loses it, and another takes over.
 */
export const laase = sqliteTable('laase', {
  navn: text('navn').primaryKey(),
  /** Which process holds it: host, pid and a random part. */
  indehaver: text('indehaver').notNull(),
  udloeber: text('udloeber').notNull(),
});

/** The rate limits' fixed windows, shared by every process on the database: one row per key. */
export const hastighedsvinduer = sqliteTable(
  'hastighedsvinduer',
  {
    /** Route group and client address, e.g. "login:203.0.113.7". */
    noegle: text('noegle').primaryKey(),
    start: text('start').notNull(),
    slut: text('slut').notNull(),
    antal: integer('antal').notNull(),
  },
  (t) => [index('hastighedsvinduer_slut').on(t.slut)],
);

/**
 * Secrets every process must agree on (the login flow's HMAC key, the stand-in login's keys),
 * generated by whichever process starts first; never shown or logged.
 */
export const hemmeligheder = sqliteTable('hemmeligheder', {
  navn: text('navn').primaryKey(),
  vaerdi: text('vaerdi').notNull(),
  oprettet: text('oprettet').notNull(),
});

/**
 * The stand-in MitID's state (demo and tests only): oidc-provider's sessions, interactions,
 * codes and grants, so a login started on one process finishes on another.
 */
export const testloginTilstand = sqliteTable(
  'testlogin_tilstand',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    uid: text('uid'),
    userCode: text('user_code'),
    grantId: text('grant_id'),
    /** null: kept until destroyed. */
    udloeber: text('udloeber'),
    /** When a code was used (seconds since the epoch, as oidc-provider counts). */
    forbrugt: integer('forbrugt'),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('testlogin_uid').on(t.uid),
    index('testlogin_grant').on(t.grantId),
    index('testlogin_udloeber').on(t.udloeber),
  ],
);

/**
 * Redaktion (issue 16): every version of every content entry (a pjece, a step of a case, a page),
 * written by editors in the browser. The rules are src/features/redaktion/arbejdsgang.ts; the one
 * writer is src/features/redaktion/versioner.server.ts.
 */
export const indholdsversioner = sqliteTable(
  'indholdsversioner',
  {
    /** The content collection (src/features/indhold/schemas.ts), e.g. pjecer. */
    samling: text('samling').notNull(),
    slug: text('slug').notNull(),
    nr: integer('nr').notNull(),
    status: text('status', { enum: ['kladde', 'til-godkendelse', 'godkendt'] }).notNull(),
    /** The frontmatter, checked with the collection's schema; stored as the editor wrote it. */
    frontmatter: text('frontmatter', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The body, Markdown. */
    tekst: text('tekst').notNull(),
    /** Staff ids of every editor who changed this version: none of them may approve it. */
    forfattere: text('forfattere', { mode: 'json' }).$type<string[]>().notNull(),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
    godkendtAf: text('godkendt_af'),
    godkendt: text('godkendt'),
  },
  (t) => [primaryKey({ columns: [t.samling, t.slug, t.nr] })],
);

/** An entry's timeline: from `fra` the public sees this version; no version takes the page down. */
export const indholdspubliceringer = sqliteTable(
  'indholdspubliceringer',
  {
    loebenr: integer('loebenr').primaryKey({ autoIncrement: true }),
    samling: text('samling').notNull(),
    slug: text('slug').notNull(),
    versionNr: integer('version_nr'),
    fra: text('fra').notNull(),
    /** Who decided it (a staff id), and when. */
    af: text('af').notNull(),
    tidspunkt: text('tidspunkt').notNull(),
  },
  (t) => [index('indholdspubliceringer_side').on(t.samling, t.slug, t.fra)],
);

/**
 * Images and PDF files for the public content (issue 16). The bytes are in the database, not in a
 * folder: every instance serves them without a shared volume, and every backup holds them.
 */
export const indholdsfiler = sqliteTable('indholdsfiler', {
  id: id(),
  filnavn: text('filnavn').notNull(),
  type: text('type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  stoerrelse: integer('stoerrelse').notNull(),
  /** What the image shows, for whoever cannot see it; null for a PDF. */
  alt: text('alt'),
  indhold: blob('indhold', { mode: 'buffer' }).notNull(),
  /** The editor who uploaded it (a staff id), and when. */
  af: text('af').notNull(),
  tidspunkt: text('tidspunkt').notNull(),
});
