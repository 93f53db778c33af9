import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import { foerste } from '../../../db/client.ts';
import { afgoerelser, audit, dokumenter, sager, sagsbehandlerskift, sagshaendelser } from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { fejlVedIndsaettelse } from '../../../db/test-fixtures.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import { ApiAfgoerelseSchema, SagSchema } from './schemas.ts';
import { dubu, else_, elsesSag, fejlFra, NEXUS_SENERE, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
const antal = async (t: typeof sager | typeof sagshaendelser | typeof audit | typeof afgoerelser) =>
  defined(foerste(await db.select({ n: count() }).from(t)), 'Antallet').n;
const haendelser = async (sagId: string) =>
  await db.select().from(sagshaendelser).where(eq(sagshaendelser.sagId, sagId));
const senere = new Date(NU.getTime() + 3600_000);

beforeEach(async () => {
  ({ db } = await nyDemoDb());
  await upsertPerson(db, nexus, 'P-1', else_(), NU);
});

describe('PUT /sager: Nexus spejler Elses sag', () => {
  it('opretter sagen hos Else med sagsbehandleren fundet på oidc_sub', async () => {
    const foer = await antal(sager);
    const r = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    expect(r).toMatchObject({ aendret: true, oprettet: true });
    expect(await antal(sager)).toBe(foer + 1);
    const maria = defined(
      demoMedarbejdere.find((m) => m.oidcSub === 'medarbejder-maria-kjaer'),
      'Maria',
    );
    expect(foerste(await db.select().from(sager).where(eq(sager.id, r.id)))).toMatchObject({
      kildeId: 'Nexus:S-1',
      trin: 1,
      sagsbehandlerId: maria.id,
      aaben: true,
    });
  });

  it('ændrer intet, når den samme sag sendes igen: samme antal rækker, ingen nye hændelser, ingen log', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    const foer = [await antal(sager), await antal(sagshaendelser), await antal(audit)];
    const b = await upsertSag(db, nexus, 'S-1', elsesSag(), senere);
    expect(b).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect([await antal(sager), await antal(sagshaendelser), await antal(audit)]).toEqual(foer);
  });

  it('et nyt trin giver præcis én hændelse i klart sprog, i borgerens historik', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    expect(await haendelser(a.id)).toHaveLength(0);
    const b = await upsertSag(
      db,
      nexus,
      'S-1',
      elsesSag({ trin: 3, trinTekst: 'Vi indhenter oplysninger fra din læge.', kildeAendret: NEXUS_SENERE }),
      senere,
    );
    expect(b).toEqual({ id: a.id, aendret: true, oprettet: false });
    expect(await haendelser(a.id)).toMatchObject([
      {
        type: 'trin',
        trin: 3,
        tekst: 'Din sag er nu på trinnet "Vi indhenter oplysninger". Vi indhenter oplysninger fra din læge.',
        tidspunkt: senere.toISOString(),
      },
    ]);
  });

  it('ændringen og hændelsen er én transaktion: fejler hændelsen, er sagen uændret', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    await fejlVedIndsaettelse(db, 'sagshaendelser');
    await expect(
      upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4, kildeAendret: NEXUS_SENERE }), senere),
    ).rejects.toMatchObject({
      cause: { message: 'testfejl' },
    });
    expect(defined(foerste(await db.select().from(sager).where(eq(sager.id, a.id))), 'Sagen').trin).toBe(1);
  });

  it('en ændret titel giver ingen hændelse, men logges som en rettelse', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    await upsertSag(db, nexus, 'S-1', elsesSag({ titel: 'Praktisk hjælp', kildeAendret: NEXUS_SENERE }), senere);
    expect(await haendelser(a.id)).toHaveLength(0);
    expect(await db.select().from(audit).where(eq(audit.hvad, 'Sag: Praktisk hjælp'))).toMatchObject([
      { handling: 'ret', aktoerNavn: 'Nexus (integration)' },
    ]);
  });

  it('sagsarten følger med: en overgangssag forbliver en, når systemet udelader arten, og en ny sag er en "sag"', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    const art = async () => foerste(await db.select().from(sager).where(eq(sager.id, a.id)))?.sagsart;
    expect(await art()).toBe('sag');
    await upsertSag(db, nexus, 'S-1', elsesSag({ sagsart: 'overgang', kildeAendret: NEXUS_SENERE }), senere);
    expect(await art()).toBe('overgang');
    const endnuSenere = new Date(Date.parse(NEXUS_SENERE) + 60_000).toISOString();
    const r = await upsertSag(db, nexus, 'S-1', elsesSag({ titel: 'Overgang', kildeAendret: endnuSenere }), senere);
    expect(r.aendret).toBe(true);
    expect(await art()).toBe('overgang');
  });

  it('en ny frist og en ny sagsbehandler fortælles borgeren, og skiftet vises på sagen', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    await upsertSag(
      db,
      nexus,
      'S-1',
      elsesSag({
        nyFrist: '2027-01-15',
        nyFristBegrundelse: 'Vi venter på en udtalelse fra din læge.',
        sagsbehandlerOidcSub: 'medarbejder-peter-noergaard',
        kildeAendret: NEXUS_SENERE,
      }),
      senere,
    );
    const h = await haendelser(a.id);
    expect(h.map((x) => x.type).sort()).toEqual(['frist', 'sagsbehandler']);
    expect(
      defined(
        h.find((x) => x.type === 'frist'),
        'Hændelsen',
      ).tekst,
    ).toBe(
      'Vi kan ikke svare inden fristen 18. december 2026. Vi forventer nu at svare senest 15. januar 2027. Begrundelse: Vi venter på en udtalelse fra din læge.',
    );
    expect(
      defined(
        h.find((x) => x.type === 'sagsbehandler'),
        'Hændelsen',
      ).tekst,
    ).toBe('Din sag er overgået til Peter Nørgaard. Du skal ikke starte forfra.');
    expect(await db.select().from(sagsbehandlerskift).where(eq(sagsbehandlerskift.sagId, a.id))).toHaveLength(1);
  });

  it('afviser en ukendt person med 422 og feltfejl, og gemmer intet', async () => {
    const foer = [await antal(sager), await antal(audit)];
    const f = await fejlFra(
      async () => await upsertSag(db, nexus, 'S-9', elsesSag({ personKildeId: 'FINDES-IKKE' }), NU),
    );
    expect(f.status).toBe(422);
    expect(f.felter).toEqual([{ felt: 'personKildeId', besked: expect.stringContaining('findes ikke') }]);
    expect([await antal(sager), await antal(audit)]).toEqual(foer);
  });

  it("finder ikke en anden kildes person: DUBU kan ikke bruge Nexus' id", async () => {
    expect((await fejlFra(async () => await upsertSag(db, dubu, 'S-1', elsesSag(), NU))).status).toBe(422);
  });

  it('afviser en ukendt sagsbehandler med 422', async () => {
    expect(
      (await fejlFra(async () => await upsertSag(db, nexus, 'S-1', elsesSag({ sagsbehandlerOidcSub: 'ingen' }), NU)))
        .felter,
    ).toEqual([{ felt: 'sagsbehandlerOidcSub', besked: expect.any(String) }]);
  });

  it('flytter ikke en sag til en anden person', async () => {
    await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    await upsertPerson(
      db,
      nexus,
      'P-2',
      else_({ cpr: '0203601234', foedselsdato: '1960-03-02', navn: 'Poul Hansen' }),
      NU,
    );
    expect(
      await fejlFra(async () => await upsertSag(db, nexus, 'S-1', elsesSag({ personKildeId: 'P-2' }), NU)),
    ).toMatchObject({
      status: 422,
      felter: [{ felt: 'personKildeId' }],
    });
  });
});

describe('PUT /sager: en synkronisering går aldrig baglæns', () => {
  const sagen = async (id: string) => defined(foerste(await db.select().from(sager).where(eq(sager.id, id))), 'Sagen');

  it('en ændring, der er ældre end portalens udgave, ændrer intet og får 409 med den gældende', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 3, kildeAendret: NEXUS_SENERE }), NU);
    const foer = [await antal(sagshaendelser), await antal(audit)];
    const f = await fejlFra(async () => await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 2 }), senere));
    expect(f).toMatchObject({ status: 409, gaeldende: { kildeAendret: NEXUS_SENERE } });
    expect(f.message).toContain('nyere udgave');
    expect(await sagen(a.id)).toMatchObject({ trin: 3, kildeAendret: NEXUS_SENERE });
    expect([await antal(sagshaendelser), await antal(audit)]).toEqual(foer);
  });

  it('den samme ændring igen (en rutinemæssig gen-synkronisering) fortryder ikke det, der er gjort i portalen siden', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    // A caseworker moves the case on in the portal.
    await db.update(sager).set({ trin: 5, trinTekst: 'Vi skriver afgørelsen.' }).where(eq(sager.id, a.id));
    const foer = [await antal(sagshaendelser), await antal(audit)];
    expect(await upsertSag(db, nexus, 'S-1', elsesSag(), senere)).toEqual({
      id: a.id,
      aendret: false,
      oprettet: false,
    });
    expect(await sagen(a.id)).toMatchObject({ trin: 5, trinTekst: 'Vi skriver afgørelsen.' });
    expect([await antal(sagshaendelser), await antal(audit)]).toEqual(foer);
  });

  it('en nyere ændring gemmes med sit tidspunkt; samme øjeblik i en anden tidszone er den samme', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    const b = await upsertSag(
      db,
      nexus,
      'S-1',
      valideret({ ...elsesSag({ trin: 2 }), kildeAendret: '2026-11-24T11:00:00+01:00' }),
      senere,
    );
    expect(b).toMatchObject({ aendret: true });
    expect(await sagen(a.id)).toMatchObject({ trin: 2, kildeAendret: NEXUS_SENERE });
    const igen = valideret({ ...elsesSag({ trin: 2 }), kildeAendret: '2026-11-24T10:00:00Z' });
    expect(await upsertSag(db, nexus, 'S-1', igen, senere)).toMatchObject({ aendret: false });
  });

  it('en sag spejlet før portalen gemte tidspunktet, tager imod den første ændring og husker dens tidspunkt', async () => {
    const a = await upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    await db.update(sager).set({ kildeAendret: null }).where(eq(sager.id, a.id));
    await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 2, kildeAendret: '2020-01-01T00:00:00.000Z' }), senere);
    expect(await sagen(a.id)).toMatchObject({ trin: 2, kildeAendret: '2020-01-01T00:00:00.000Z' });
  });
});

/** A body as the API's edge hands it on: validated and normalised. */
function valideret(krop: unknown) {
  const r = valider(SagSchema, krop);
  if (!r.ok) throw new Error(JSON.stringify(r.felter));
  return r.data;
}

describe('SagSchema', () => {
  it.each([
    [{ trin: 8 }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ trin: 2.5 }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ trin: '3' }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ nyFrist: '2027-01-15' }, 'nyFristBegrundelse', 'Skriv begrundelsen for den nye frist. Borgeren skal kende den.'],
    [{ enhed: 'ukendt' }, 'enhed', expect.stringContaining('Enheden skal være en af')],
    [{ sagsart: 'overgangssag' }, 'sagsart', 'Sagsarten skal være "sag" eller "overgang".'],
    [{ aaben: 'ja' }, 'aaben', 'Skal være true eller false.'],
    [{ frist: '2026-11-01' }, 'frist', 'Fristen kan ikke ligge før sagen er modtaget.'],
    [{ personKildeId: 'a/b' }, 'personKildeId', expect.stringContaining('må kun indeholde')],
    [{ kildeAendret: undefined }, 'kildeAendret', 'Feltet skal udfyldes.'],
    [{ kildeAendret: '2026-11-24T10:00:00' }, 'kildeAendret', expect.stringContaining('med tidszone')],
  ])('%o giver en fejl i %s', (aendring, felt, besked) => {
    const r = valider(SagSchema, { ...elsesSag(), ...aendring });
    expect(!r.ok && r.felter).toContainEqual({ felt, besked });
  });
});

describe('PUT /sager/{kildeId}/afgoerelse', () => {
  const afgoerelse = {
    udfald: 'afslag' as const,
    dato: '2026-11-24',
    begrundelse: 'Du kan selv gøre rent.',
    klagevejledning: 'Du kan klage inden 4 uger.',
    klagefrist: '2026-12-22',
    forsendelse: 'digital-post' as const,
  };

  it('opretter afgørelsen som en truffet i portalen: brev, trin 6 og én hændelse; og ændrer intet anden gang', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4 }), NU);
    const a = await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU);
    expect(a).toMatchObject({ aendret: true, oprettet: true });
    expect(await haendelser(sag.id)).toMatchObject([
      {
        type: 'afgoerelse',
        trin: 6,
        tekst: 'Du har fået en afgørelse: afslag. Brevet ligger under "Breve og dokumenter".',
      },
    ]);
    // No longer "Du får svar senest …" beside the decision: the case is at the decision.
    expect(foerste(await db.select().from(sager).where(eq(sager.id, sag.id)))).toMatchObject({
      trin: 6,
      trinTekst: 'Du har fået afslag. Du kan klage senest 22. december 2026, hvis du er uenig.',
    });
    expect(await db.select().from(dokumenter).where(eq(dokumenter.sagId, sag.id))).toMatchObject([
      {
        type: 'afgoerelse',
        titel: 'Afgørelse: afslag – praktisk hjælp i hjemmet',
        indhold:
          'Afgørelse: afslag.\n\nBegrundelse: Du kan selv gøre rent.\n\nKlagevejledning: Du kan klage inden 4 uger.',
      },
    ]);
    const foer = [await antal(afgoerelser), await antal(sagshaendelser)];
    expect(await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, senere)).toEqual({
      id: a.id,
      aendret: false,
      oprettet: false,
    });
    expect([await antal(afgoerelser), await antal(sagshaendelser)]).toEqual(foer);
  });

  it('fortæller borgeren, når udfaldet ændres', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU);
    await upsertAfgoerelse(db, nexus, 'S-1', { ...afgoerelse, udfald: 'bevilling' }, senere);
    expect((await haendelser(sag.id)).map((h) => h.tekst)).toContain(
      'Afgørelsen er ændret. Du har nu fået: bevilling.',
    );
  });

  it('en rettet afgørelse giver borgeren det nye brev; samme afgørelse igen giver intet brev', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    const breve = async () =>
      (await db.select().from(dokumenter).where(eq(dokumenter.sagId, sag.id))).map((d) => d.titel).toSorted();
    await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU);
    const foer = await breve();
    await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, senere);
    expect(await breve()).toEqual(foer);
    await upsertAfgoerelse(db, nexus, 'S-1', { ...afgoerelse, begrundelse: 'Vi har fået lægens udtalelse.' }, senere);
    const efter = await db.select().from(dokumenter).where(eq(dokumenter.sagId, sag.id));
    expect(efter).toHaveLength(foer.length + 1);
    const nyt = efter.find((d) => d.titel.startsWith('Ændret afgørelse'));
    expect(nyt?.indhold).toContain('Begrundelse: Vi har fået lægens udtalelse.');
  });

  it('giver 409 og gemmer intet, når sagen allerede er afgjort i portalen', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    await db.insert(afgoerelser).values({
      id: 'lokal',
      sagId: sag.id,
      udfald: 'bevilling',
      dato: '2026-11-23',
      begrundelse: 'Truffet i portalen.',
      klagevejledning: 'Du kan klage.',
      klagefrist: '2026-12-21',
    });
    const foer = [await antal(afgoerelser), await antal(sagshaendelser)];
    const fejl = await fejlFra(async () => await upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU));
    expect([fejl.status, fejl.message]).toEqual([409, expect.stringContaining('allerede en afgørelse')]);
    expect([await antal(afgoerelser), await antal(sagshaendelser)]).toEqual(foer);
  });

  it('uden klagevejledning løber ingen klagefrist: borgeren får det at vide, og den kommer, når vejledningen sendes', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4 }), NU);
    const { klagevejledning: _, klagefrist: __, ...udenVejledning } = afgoerelse;
    const input = valider(ApiAfgoerelseSchema, udenVejledning);
    if (!input.ok) throw new Error('Afgørelsen uden klagevejledning skal være gyldig');
    await upsertAfgoerelse(db, nexus, 'S-1', input.data, NU);
    const afg = async () => foerste(await db.select().from(afgoerelser).where(eq(afgoerelser.sagId, sag.id)));
    expect(await afg()).toMatchObject({ klagevejledning: '', klagefrist: null });
    expect(foerste(await db.select().from(sager).where(eq(sager.id, sag.id)))?.trinTekst).toBe(
      'Du har fået afslag. Afgørelsen mangler en klagevejledning, så der løber ingen klagefrist. Du kan klage, hvis du er uenig.',
    );
    expect(foerste(await db.select().from(dokumenter).where(eq(dokumenter.sagId, sag.id)))?.indhold).not.toContain(
      'Klagevejledning',
    );
    // A deadline without the guidance it runs from is refused.
    const r = valider(ApiAfgoerelseSchema, { ...udenVejledning, klagefrist: '2026-12-22' });
    expect(!r.ok && r.felter.map((f) => f.felt)).toEqual(['klagefrist']);
    // The letter with the guidance, sent later: the deadline runs from its date.
    await upsertAfgoerelse(db, nexus, 'S-1', { ...afgoerelse, dato: '2026-12-01', klagefrist: undefined }, senere);
    expect(await afg()).toMatchObject({ klagevejledning: afgoerelse.klagevejledning, klagefrist: '2026-12-29' });
    expect((await haendelser(sag.id)).map((h) => h.tekst)).toContain(
      'Du har fået vejledning om, hvordan du klager over afgørelsen. Du kan klage senest 29. december 2026, hvis du er uenig.',
    );
    expect(foerste(await db.select().from(sager).where(eq(sager.id, sag.id)))?.trinTekst).toBe(
      'Du har fået afslag. Du kan klage senest 29. december 2026, hvis du er uenig.',
    );
  });

  it('giver 404 for en ukendt sag', async () => {
    expect((await fejlFra(async () => await upsertAfgoerelse(db, nexus, 'S-404', afgoerelse, NU))).status).toBe(404);
  });

  it('afviser en klagefrist under 4 uger efter modtagelsen, også med almindelig post', () => {
    const r = valider(ApiAfgoerelseSchema, { ...afgoerelse, klagefrist: '2026-12-21' });
    expect(!r.ok && r.felter).toEqual([
      {
        felt: 'klagefrist',
        besked:
          'Klagefristen skal være mindst 4 uger efter, at borgeren regnes for at have fået afgørelsen (2026-11-24).',
      },
    ]);
    // Sent by ordinary post on Tuesday 24 November: received 6 working days later, Wednesday 2 December.
    const post = valider(ApiAfgoerelseSchema, { ...afgoerelse, forsendelse: 'almindelig-post' });
    expect(!post.ok && post.felter).toEqual([
      {
        felt: 'klagefrist',
        besked:
          'Klagefristen skal være mindst 4 uger efter, at borgeren regnes for at have fået afgørelsen (2026-12-02).',
      },
    ]);
    expect(
      valider(ApiAfgoerelseSchema, { ...afgoerelse, forsendelse: 'almindelig-post', klagefrist: '2026-12-30' }).ok,
    ).toBe(true);
  });

  it('regner klagefristen ud fra forsendelsen, når systemet ikke sender den', async () => {
    const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4 }), NU);
    const { klagefrist: _, ...uden } = afgoerelse;
    await upsertAfgoerelse(db, nexus, 'S-1', { ...uden, forsendelse: 'almindelig-post' }, NU);
    const gemt = foerste(await db.select().from(afgoerelser).where(eq(afgoerelser.sagId, sag.id)));
    // Received Wednesday 2 December; 4 weeks later is Wednesday 30 December, an open day.
    expect([gemt?.forsendelse, gemt?.klagefrist]).toEqual(['almindelig-post', '2026-12-30']);
  });
});
