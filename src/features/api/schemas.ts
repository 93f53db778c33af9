/**
 * The API contract: every request is validated with these schemas, and the OpenAPI
 * document (openapi.ts) is generated from them. Messages are Danish, for the people who
 * read the case systems' integration logs.
 */
import { z } from 'astro/zod';
import { kommune } from '#/config/kommune.ts';
import { alleJournalTyper, journalTyper } from '#/features/journal/typer.ts';
import { foedselsdatoFraCpr } from '#/features/login/claims.ts';
import { moedetyper } from '#/features/moeder/labels.ts';
import { kompasDimensioner } from '#/features/plan/kompas.ts';
import { delmaalStatusser } from '#/features/plan/labels.ts';
import { forsendelseVaerdier, udfaldVaerdier } from '#/features/sager/afgoerelse.ts';
import { afgoerelseModtaget } from '#/features/sager/frister.ts';
import { trinOversigt } from '#/features/sager/trin.ts';
import { plusDage } from '#/lib/dato.ts';

/** The schemas that get a name in the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** A schema's message, or "Feltet skal udfyldes." when the field is missing. */
const besked = (tekst: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'Feltet skal udfyldes.' : tekst;

const dag = () => z.iso.date({ error: besked('Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24.') });
const tidspunkt = () =>
  z.iso.datetime({
    offset: true,
    error: besked('Skriv tidspunktet som ISO 8601 med tidszone, fx 2026-11-24T10:00:00+01:00.'),
  });
/** A record's change time in its case system, as every PUT may send it (features/api/synkorden.server.ts). */
const kildeAendret = () =>
  tidspunkt()
    .transform((t) => new Date(t).toISOString())
    .optional()
    .meta({
      description:
        'Hvornår posten sidst blev ændret i jeres system (ISO 8601 med tidszone). Et kald med et ældre tidspunkt end det, portalen har fået for samme post, ændrer intet og får 409 med det gældende; samme tidspunkt igen er en gentagelse (200, aendret: false). Udeladt: den seneste skrivning gælder.',
    });
const tekst = (max: number) => z.string().trim().min(1, 'Må ikke være tom.').max(max, `Højst ${max} tegn.`);
/** Optional text: left out or null both mean "none". */
const valgfri = (max: number) => tekst(max).nullish();

export const KILDE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const KildeIdSchema = z
  .string()
  .regex(KILDE_ID, "Id'et fra kildesystemet må kun indeholde bogstaver a-z, tal og . _ : - og højst være 128 tegn.")
  .meta({
    description: 'Postens id i kildesystemet. Portalen gemmer det som "<system>:<id>", hvor system er nøglens system.',
    example: '48213',
  });

const enheder = [...kommune.teams.map((t) => t.id), ...kommune.enheder.map((e) => e.id)] as [string, ...string[]];

export const PersonSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    cpr: z
      .string({ error: besked('CPR-nummeret skal være tekst.') })
      .regex(/^\d{10}$/, 'CPR-nummeret skal være 10 cifre uden bindestreg.'),
    navn: tekst(200),
    foedselsdato: dag().meta({ description: 'Skal passe med datoen i CPR-nummeret.' }),
    adresse: valgfri(200),
    by: valgfri(100),
    telefon: valgfri(30),
    email: z.email('Skriv en gyldig e-mailadresse.').max(254, 'Højst 254 tegn.').nullish(),
  })
  .superRefine((p, ctx) => {
    const fraCpr = foedselsdatoFraCpr(p.cpr);
    if (!fraCpr)
      ctx.addIssue({ code: 'custom', path: ['cpr'], message: 'CPR-nummeret indeholder ikke en gyldig dato.' });
    else if (fraCpr !== p.foedselsdato)
      ctx.addIssue({ code: 'custom', path: ['foedselsdato'], message: 'Fødselsdatoen passer ikke med CPR-nummeret.' });
  })
  .meta({
    description:
      'En borger. PUT erstatter hele posten: et valgfrit felt, der er udeladt eller null, bliver tomt. CPR-nummeret vises aldrig i portalen.',
  });

export const ForaeldremyndighedSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    indehavere: z
      .array(
        z.strictObject({
          personKildeId: KildeIdSchema.meta({
            description: 'Forælderens id i samme kildesystem. Forælderen skal være sendt først.',
          }),
          gyldigFra: dag(),
          gyldigTil: dag()
            .nullish()
            .meta({ description: 'Når forældremyndigheden ophører før 18-årsdagen (fx en afgørelse); ellers null.' }),
        }),
        { error: besked('Send indehavere som en liste, evt. tom.') },
      )
      .max(4, 'Højst 4 indehavere.'),
  })
  .superRefine((f, ctx) => {
    const set = new Set<string>();
    f.indehavere.forEach((i, n) => {
      if (set.has(i.personKildeId))
        ctx.addIssue({ code: 'custom', path: ['indehavere', n, 'personKildeId'], message: 'Samme forælder to gange.' });
      set.add(i.personKildeId);
      if (i.gyldigTil && i.gyldigTil < i.gyldigFra)
        ctx.addIssue({
          code: 'custom',
          path: ['indehavere', n, 'gyldigTil'],
          message: 'Slutdatoen er før startdatoen.',
        });
    });
  })
  .meta({
    description:
      'Hvem der har forældremyndigheden over barnet, efter jeres system (CPR-registret). Listen erstatter den, I sendte sidst: en forælder, der ikke længere er med, mister adgangen med det samme. Forældremyndighed registreret i portalen røres ikke. Adgangen ophører altid på 18-årsdagen.',
  });

export const SagSchema = z
  .strictObject({
    personKildeId: KildeIdSchema.meta({
      description: 'Personens id i samme kildesystem. Personen skal være sendt først.',
    }),
    enhed: z
      .enum(enheder, { error: besked(`Enheden skal være en af: ${enheder.join(', ')}.`) })
      .meta({ description: 'Enheden, der ejer sagen. Dens medarbejdere kan se sagen.' }),
    titel: tekst(200),
    sagsart: z
      .enum(['sag', 'overgang'], { error: besked('Sagsarten skal være "sag" eller "overgang".') })
      .optional()
      .meta({
        description:
          'Hvilken slags sag det er, uanset titlen. "overgang" er en sag om Den Gode Overgang (16-18 år); portalen opretter så ikke en til. Udeladt: "sag" for en ny sag, uændret for en kendt.',
      }),
    lovgrundlag: tekst(200).meta({
      description: 'Skrevet som i kommunens sagsbehandlingsfrister, fx "Serviceloven § 85".',
    }),
    trin: z
      .int({ error: besked('Trinnet skal være et helt tal fra 1 til 7.') })
      .min(1, 'Trinnet skal være et helt tal fra 1 til 7.')
      .max(7, 'Trinnet skal være et helt tal fra 1 til 7.')
      .meta({ description: `${trinOversigt}.` }),
    trinTekst: valgfri(1000).meta({ description: 'En sætning i klart sprog til borgeren om, hvor sagen er nu.' }),
    aaben: z.boolean({ error: besked('Skal være true eller false.') }),
    sagsbehandlerOidcSub: z.string().min(1, 'Må ikke være tom.').max(200, 'Højst 200 tegn.').nullish().meta({
      description: 'Sagsbehandlerens subject hos kommunens identitetsudbyder; medarbejderen skal findes i portalen.',
    }),
    modtaget: dag(),
    frist: dag().meta({ description: 'Den offentliggjorte sagsbehandlingsfrist for sagen.' }),
    nyFrist: dag()
      .nullish()
      .meta({ description: 'Ny forventet svardato, når fristen ikke kan holdes. Kræver nyFristBegrundelse.' }),
    nyFristBegrundelse: valgfri(1000),
    kildeAendret: tidspunkt()
      .transform((t) => new Date(t).toISOString())
      .meta({
        description:
          'Hvornår sagen sidst blev ændret i jeres system (ISO 8601 med tidszone). Et kald med et ældre tidspunkt end det, portalen har, ændrer intet og får 409 med det gældende; samme tidspunkt igen ændrer intet (200, aendret: false), heller ikke det, der er rettet i portalen siden.',
      }),
  })
  .superRefine((s, ctx) => {
    if (s.nyFrist && !s.nyFristBegrundelse)
      ctx.addIssue({
        code: 'custom',
        path: ['nyFristBegrundelse'],
        message: 'Skriv begrundelsen for den nye frist. Borgeren skal kende den.',
      });
    if (!s.nyFrist && s.nyFristBegrundelse)
      ctx.addIssue({
        code: 'custom',
        path: ['nyFristBegrundelse'],
        message: 'Send kun en begrundelse sammen med nyFrist.',
      });
    if (s.frist < s.modtaget)
      ctx.addIssue({ code: 'custom', path: ['frist'], message: 'Fristen kan ikke ligge før sagen er modtaget.' });
  })
  .meta({
    description:
      'En sag. Når trin, frist/nyFrist eller sagsbehandler ændres, skriver portalen en hændelse i sagens historik til borgeren.',
  });

export const ApiAfgoerelseSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    udfald: z.enum(udfaldVaerdier, { error: besked('Udfaldet skal være bevilling, delvis eller afslag.') }),
    dato: dag(),
    begrundelse: tekst(5000),
    klagevejledning: tekst(5000).optional().meta({
      description:
        'Klagevejledningen i brevet. Udelades den (brevet havde ingen), løber klagefristen ikke (Retssikkerhedsvejledningen pkt. 272): borgeren får at vide, at der ingen frist er, og kan klage når som helst. Send afgørelsen igen med klagevejledningen, når den er givet, med `dato` for det brev, der havde den.',
    }),
    forsendelse: z
      .enum(forsendelseVaerdier, { error: besked(`Forsendelsen skal være ${forsendelseVaerdier.join(', ')}.`) })
      .default('digital-post')
      .meta({
        description:
          'Hvordan brevet er sendt. Klagefristen løber fra den dag, borgeren regnes for at have fået det: Digital Post samme dag, almindelig post 6 hverdage efter brevets dato, Quickpost 2 dage efter (Ankestyrelsen).',
      }),
    klagefrist: dag().optional().meta({
      description:
        'Sidste dag at klage. Udelades den, regner portalen den ud: 4 uger efter modtagelsen, flyttet til næste åbne dag.',
    }),
  })
  .superRefine((a, ctx) => {
    // A deadline shorter than 4 weeks from receipt (retssikkerhedsloven § 67) would tell the citizen too early a date.
    // Only on a valid date and way of sending: their own fields report the rest.
    if (a.klagefrist !== undefined && a.klagevejledning === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['klagefrist'],
        message: 'Uden klagevejledning løber klagefristen ikke. Send klagevejledningen, eller udelad klagefrist.',
      });
    if (a.klagefrist === undefined || !z.iso.date().safeParse(a.dato).success) return;
    if (!(forsendelseVaerdier as readonly string[]).includes(a.forsendelse)) return;
    const modtaget = afgoerelseModtaget(a.dato, a.forsendelse);
    if (a.klagefrist < plusDage(modtaget, 28))
      ctx.addIssue({
        code: 'custom',
        path: ['klagefrist'],
        message: `Klagefristen skal være mindst 4 uger efter, at borgeren regnes for at have fået afgørelsen (${modtaget}).`,
      });
  })
  .meta({
    description:
      'Sagens afgørelse. Første gang lægger portalen brevet på sagen, flytter den til trin 6 (Afgørelse) og skriver en hændelse til borgeren, som ved en afgørelse truffet i portalen; igen en hændelse, hvis udfaldet ændres.',
  });

export const ApiPartshoeringSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    personKildeId: KildeIdSchema,
    sagKildeId: KildeIdSchema.meta({ description: 'Sagen, partshøringen hører til; den skal tilhøre samme person.' }),
    materiale: tekst(10000).meta({ description: 'De oplysninger, borgeren skal kunne kommentere, i almindelige ord.' }),
    svarfrist: dag(),
  })
  .meta({
    description:
      'En partshøring: borgeren får oplysningerne som et brev og kan svare i portalen; svaret kommer i /haendelser og /partshoeringssvar. Kan rettes, indtil den er besvaret.',
  });

export const ApiBrevSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    personKildeId: KildeIdSchema,
    sagKildeId: KildeIdSchema.meta({ description: 'Sagen, brevet hører til; den skal tilhøre samme person.' }),
    titel: tekst(200),
    dato: dag(),
    tekst: tekst(20000).meta({ description: 'Brevets tekst; portalen viser den, så den kan udskrives.' }),
  })
  .meta({ description: 'Et brev på sagen, som borgeren kan læse og udskrive under "Breve og dokumenter".' });

export const ApiBeskedSvarSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    svarPaa: z
      .string()
      .trim()
      .min(1, 'Må ikke være tom.')
      .max(100, 'Højst 100 tegn.')
      .meta({ description: "Id'et på borgerens besked: genstandId i hændelsen af typen besked." }),
    afsender: tekst(200).meta({
      description: 'Hvem svaret er fra, som borgeren ser det.',
      example: 'Sofie Lund, sagsbehandler',
    }),
    tekst: tekst(10000).meta({ description: 'Svaret, som borgeren læser det i portalen.' }),
  })
  .meta({ description: 'Sagsbehandlerens svar på en besked fra borgeren, skrevet i jeres system.' });

export const ApiMoedeSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    personKildeId: KildeIdSchema,
    sagKildeId: KildeIdSchema.nullish().meta({ description: 'Sagen, mødet hører til; den skal tilhøre samme person.' }),
    type: z.enum(moedetyper, {
      error: besked('Typen skal være foerste, opfoelgning, overgang, tvaerfagligt eller cafe.'),
    }),
    titel: tekst(200),
    start: tidspunkt(),
    slut: tidspunkt(),
    sted: valgfri(300),
    videolink: z
      .url({ protocol: /^https$/, error: besked('Skriv et link, der begynder med https://.') })
      .max(1000, 'Højst 1000 tegn.')
      .nullish(),
    deltagere: z.array(tekst(200)).max(50, 'Højst 50 deltagere.'),
    dagsorden: z.array(tekst(500)).max(50, 'Højst 50 punkter.'),
  })
  .superRefine((m, ctx) => {
    if (Date.parse(m.slut) <= Date.parse(m.start))
      ctx.addIssue({ code: 'custom', path: ['slut'], message: 'Mødet skal slutte efter, at det begynder.' });
  })
  .meta({ description: 'Et møde med borgeren. Borgerens egne emner og bisidder bevares, når mødet rettes.' });

export const IndsatsSchema = z.strictObject({ beskrivelse: tekst(500), hvem: tekst(200) });
export const ApiDelmaalSchema = z.strictObject({
  titel: tekst(300),
  status: z.enum(delmaalStatusser, { error: besked('Status skal være ikke-startet, i-gang, naaet eller opgivet.') }),
  evaluering: valgfri(2000),
  indsatser: z.array(IndsatsSchema).max(50, 'Højst 50 indsatser.'),
});
const dimensioner = Object.keys(kompasDimensioner) as [string, ...string[]];
export const KompasScoreSchema = z.strictObject({
  dato: dag(),
  dimension: z.enum(dimensioner, { error: besked(`Dimensionen skal være en af: ${dimensioner.join(', ')}.`) }),
  score: z
    .int({ error: besked('Scoren skal være et helt tal fra 1 til 10.') })
    .min(1, 'Scoren skal være et helt tal fra 1 til 10.')
    .max(10, 'Scoren skal være et helt tal fra 1 til 10.'),
});

export const ApiPlanSchema = z
  .strictObject({
    kildeAendret: kildeAendret(),
    personKildeId: KildeIdSchema,
    sagKildeId: KildeIdSchema.nullish().meta({
      description: 'Sagen, planen hører til; den skal tilhøre samme person.',
    }),
    retningsgivendeMaal: tekst(1000).meta({ description: 'Borgerens eget håb eller drøm, med borgerens ord.' }),
    delmaal: z.array(ApiDelmaalSchema).max(50, 'Højst 50 delmål.'),
    kompas: z
      .array(KompasScoreSchema)
      .max(1000, 'Højst 1000 scorer.')
      .meta({ description: 'Forandringskompasset: en score pr. dimension og vurderingsdato.' }),
  })
  .superRefine((p, ctx) => {
    const set = new Set<string>();
    p.kompas.forEach((k, i) => {
      const noegle = `${k.dato}|${k.dimension}`;
      if (set.has(noegle))
        ctx.addIssue({
          code: 'custom',
          path: ['kompas', i, 'dimension'],
          message: 'Dimensionen har allerede en score på denne dato.',
        });
      set.add(noegle);
    });
  })
  .meta({ description: 'En plan. Delmål, indsatser og kompasscorer erstattes samlet med dem, der sendes.' });

apiSchemas.add(PersonSchema, { id: 'Person' });
apiSchemas.add(SagSchema, { id: 'Sag' });
apiSchemas.add(ForaeldremyndighedSchema, { id: 'Foraeldremyndighed' });
apiSchemas.add(ApiAfgoerelseSchema, { id: 'Afgoerelse' });
apiSchemas.add(ApiMoedeSchema, { id: 'Moede' });
apiSchemas.add(ApiPartshoeringSchema, { id: 'Partshoering' });
apiSchemas.add(ApiBrevSchema, { id: 'Brev' });
apiSchemas.add(ApiBeskedSvarSchema, { id: 'BeskedSvar' });
apiSchemas.add(IndsatsSchema, { id: 'Indsats' });
apiSchemas.add(ApiDelmaalSchema, { id: 'Delmaal' });
apiSchemas.add(KompasScoreSchema, { id: 'KompasScore' });
apiSchemas.add(ApiPlanSchema, { id: 'Plan' });

const antalParam = () =>
  z
    .string()
    .regex(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, 'Antal skal være et helt tal fra 1 til 500.')
    .optional()
    .meta({ description: 'Højst så mange poster (1-500, standard 500).' });

// Query strings of the lists of what citizens sent.

export const SidenQuerySchema = z
  .strictObject({
    siden: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error: 'Skriv tidspunktet som ISO 8601, fx 2026-11-24T10:00:00Z.',
      })
      .optional()
      .meta({ description: 'Kun poster efter dette tidspunkt. Udelades for at få alt fra begyndelsen.' }),
    efter: z.string().min(1, 'Må ikke være tom.').max(100, 'Højst 100 tegn.').optional().meta({
      description: 'Id på den sidste post, der er hentet med samme tidspunkt (i "naeste" fra ældre udgaver).',
    }),
    haendelse: z
      .string()
      .regex(/^(?:0|[1-9]\d{0,14})$/, 'haendelse skal være et hændelses-id (et helt tal), fx 1234.')
      .optional()
      .meta({
        description:
          'Kun poster, hvis hændelse i /api/v1/haendelser har et højere id end dette. Sættes af "naeste"; siden og efter virker stadig.',
      }),
    antal: antalParam(),
  })
  .superRefine((q, ctx) => {
    if (q.efter && !q.siden) ctx.addIssue({ code: 'custom', path: ['efter'], message: 'efter kræver siden.' });
    if (q.haendelse && q.siden)
      ctx.addIssue({ code: 'custom', path: ['haendelse'], message: 'Brug enten haendelse eller siden, ikke begge.' });
  });

/** The outbound feed's query: a position in the feed, not a time, so nothing committed late is skipped. */
export const HaendelserQuerySchema = z.strictObject({
  siden: z
    .string()
    .regex(/^(?:0|[1-9]\d{0,14})$/, 'siden skal være et hændelses-id (et helt tal), fx 1234.')
    .optional()
    .meta({ description: 'Kun hændelser med et højere id end dette. Udelades for at få alt fra begyndelsen.' }),
  antal: antalParam(),
});

export const KvitterSchema = z
  .strictObject({
    ider: z
      .array(z.number().int('Et id er et helt tal.').positive('Et id er et positivt tal.'), {
        error: besked('Send ider som en liste af hændelsernes id.'),
      })
      .min(1, 'Send mindst ét id.')
      .max(500, 'Højst 500 id ad gangen.'),
  })
  .meta({ description: 'De hændelser, jeres system har journaliseret.' });

// Responses.

export const UpsertSvarSchema = z
  .strictObject({
    id: z.string().meta({ description: 'Postens id i portalen.' }),
    aendret: z.boolean().meta({ description: 'false, når posten allerede var sådan: intet er ændret.' }),
  })
  .meta({ description: '201 når posten er oprettet, 200 når den er rettet eller uændret.' });

export const ApiFejlSchema = z
  .strictObject({
    fejl: z.string(),
    felter: z
      .array(
        z.strictObject({
          felt: z.string().meta({ description: 'Stien til feltet, fx "delmaal[0].titel".' }),
          besked: z.string(),
        }),
      )
      .optional(),
    kildeAendret: z.string().optional().meta({
      description: 'Ved 409 på en sag: det tidspunkt fra jeres system, som portalens udgave af sagen har.',
    }),
  })
  .meta({ description: 'En fejl. Ved ugyldige data siger felter, hvad der er galt med hvert felt.' });

export const PersonReferenceSchema = z
  .strictObject({
    personKildeId: z
      .string()
      .nullable()
      .meta({ description: 'Personens id i dit system, hvis personen er sendt fra det.' }),
    cpr: z.string().nullable().meta({
      description:
        'Kun når personen ikke har et id fra dit system (fx en borger, der selv har logget ind); ellers null.',
    }),
  })
  .meta({ description: 'Hvem posten handler om.' });

const sagRef = {
  sagId: z.string().nullable().meta({ description: 'Sagens id i portalen.' }),
  sagKildeId: z.string().nullable().meta({ description: 'Sagens id i dit system, hvis sagen er sendt fra det.' }),
};

export const HjaelpemiddelAnsoegningSchema = z.strictObject({
  id: z.string(),
  modtaget: z.string().meta({ description: 'Tidspunktet, ansøgningen blev sendt (ISO 8601, UTC).' }),
  person: PersonReferenceSchema,
  indsendtAf: z.string().nullable().meta({ description: 'Navnet på den pårørende, der søgte på personens vegne.' }),
  hjaelpemiddel: z.string(),
  beskrivelse: z.string().meta({ description: 'Borgerens egen beskrivelse af, hvad der er svært.' }),
  status: z.string(),
  katalogId: z.string().nullable(),
  varighed: z.string().nullable(),
  telefon: z.string().nullable(),
  besoegstid: z.string().nullable(),
  leveringsadresse: z.string().nullable(),
  forventetSvar: z.string().nullable(),
  kvitteringsnr: z.string().nullable(),
  ...sagRef,
});

export const ApiKlageSchema = z.strictObject({
  id: z.string(),
  modtaget: z.string(),
  person: PersonReferenceSchema,
  ...sagRef,
  afgoerelseId: z.string().meta({ description: 'Afgørelsens id i portalen.' }),
  afgoerelseDato: z.string(),
  tekst: z.string(),
  status: z.string(),
  genvurderingFrist: z.string(),
  forSent: z.boolean().meta({
    description:
      'Modtaget efter klagefristen. Klagen genvurderes alligevel og sendes videre; kun Ankestyrelsen kan se bort fra fristen.',
  }),
  indsendtAf: z.string(),
  kvitteringsnr: z.string().nullable(),
});

export const PartshoeringssvarSchema = z.strictObject({
  id: z.string(),
  besvaret: z.string(),
  person: PersonReferenceSchema,
  ...sagRef,
  materiale: z.string(),
  sendt: z.string(),
  svarfrist: z.string(),
  svar: z.string(),
  besvaretAf: z.string().nullable(),
  kvitteringsnr: z.string().nullable(),
});

export const TilbagekaldtSamtykkeSchema = z.strictObject({
  id: z.string(),
  tilbagekaldt: z.string(),
  person: PersonReferenceSchema,
  ...sagRef,
  kilde: z.string(),
  formaal: z.string(),
  givet: z.string(),
  tilbagekaldtAf: z.string().nullable(),
  kvitteringsnr: z.string().nullable(),
});

/** A page of a list: the items oldest first, and the URL to call next time. */
const side = <T extends z.ZodType>(element: T) =>
  z.strictObject({
    elementer: z.array(element),
    flere: z.boolean().meta({ description: 'true, når der er flere poster: kald naeste med det samme.' }),
    naeste: z.string().meta({ description: 'Stien til næste kald. Gem den, og brug den ved næste hentning.' }),
  });

export const JournalhaendelseSchema = z.strictObject({
  id: z.number().int().meta({ description: 'Hændelsens id: stigende, og det samme ved hver hentning.' }),
  type: z.enum(alleJournalTyper).meta({
    description: `Hvad der er sket: ${Object.entries(journalTyper)
      .map(([k, v]) => `\`${k}\` (${v})`)
      .join(', ')}.`,
  }),
  tidspunkt: z.string().meta({ description: 'Hvornår det skete i portalen (ISO 8601, UTC).' }),
  person: PersonReferenceSchema,
  ...sagRef,
  genstandId: z.string().meta({ description: 'Id på det, hændelsen handler om (klagen, ansøgningen, brevet ...).' }),
  data: z.record(z.string(), z.unknown()).meta({ description: 'Indholdet, som portalen har det, til journalen.' }),
  kvitteret: z.string().nullable().meta({ description: 'Hvornår jeres system kvitterede for den, eller null.' }),
});

export const KvitteringSvarSchema = z.strictObject({
  kvitteret: z.number().int().meta({ description: 'Antal hændelser, der nu er kvitteret for (også tidligere).' }),
});

export const HaendelserSvarSchema = side(JournalhaendelseSchema);
export const HjaelpemiddelAnsoegningerSvarSchema = side(HjaelpemiddelAnsoegningSchema);
export const KlagerSvarSchema = side(ApiKlageSchema);
export const PartshoeringssvarSvarSchema = side(PartshoeringssvarSchema);
export const TilbagekaldteSamtykkerSvarSchema = side(TilbagekaldtSamtykkeSchema);

apiSchemas.add(UpsertSvarSchema, { id: 'UpsertSvar' });
apiSchemas.add(ApiFejlSchema, { id: 'Fejl' });
apiSchemas.add(PersonReferenceSchema, { id: 'PersonReference' });
apiSchemas.add(HjaelpemiddelAnsoegningSchema, { id: 'HjaelpemiddelAnsoegning' });
apiSchemas.add(ApiKlageSchema, { id: 'Klage' });
apiSchemas.add(PartshoeringssvarSchema, { id: 'Partshoeringssvar' });
apiSchemas.add(TilbagekaldtSamtykkeSchema, { id: 'TilbagekaldtSamtykke' });
apiSchemas.add(HjaelpemiddelAnsoegningerSvarSchema, { id: 'HjaelpemiddelAnsoegningerSide' });
apiSchemas.add(KlagerSvarSchema, { id: 'KlagerSide' });
apiSchemas.add(PartshoeringssvarSvarSchema, { id: 'PartshoeringssvarSide' });
apiSchemas.add(TilbagekaldteSamtykkerSvarSchema, { id: 'TilbagekaldteSamtykkerSide' });
apiSchemas.add(JournalhaendelseSchema, { id: 'Journalhaendelse' });
apiSchemas.add(HaendelserSvarSchema, { id: 'HaendelserSide' });
apiSchemas.add(KvitterSchema, { id: 'Kvittering' });
apiSchemas.add(KvitteringSvarSchema, { id: 'KvitteringSvar' });

export type PersonInput = z.output<typeof PersonSchema>;
export type SagInput = z.output<typeof SagSchema>;
export type AfgoerelseInput = z.output<typeof ApiAfgoerelseSchema>;
export type MoedeInput = z.output<typeof ApiMoedeSchema>;
export type PartshoeringInput = z.output<typeof ApiPartshoeringSchema>;
export type BrevInput = z.output<typeof ApiBrevSchema>;
export type BeskedSvarInput = z.output<typeof ApiBeskedSvarSchema>;
export type PlanInput = z.output<typeof ApiPlanSchema>;
export type SidenQuery = z.output<typeof SidenQuerySchema>;
export type ForaeldremyndighedInput = z.output<typeof ForaeldremyndighedSchema>;
export type HaendelserQuery = z.output<typeof HaendelserQuerySchema>;
export type KvitterInput = z.output<typeof KvitterSchema>;
export type UpsertSvar = z.output<typeof UpsertSvarSchema>;
export type Fejl = z.output<typeof ApiFejlSchema>;
export type PersonReference = z.output<typeof PersonReferenceSchema>;
