import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import { afgoerelser, audit, sager, sagsbehandlerskift, sagshaendelser } from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import { ApiAfgoerelseSchema, SagSchema } from './schemas.ts';
import { dubu, else_, elsesSag, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
const antal = (t: typeof sager | typeof sagshaendelser | typeof audit | typeof afgoerelser) =>
  defined(db.select({ n: count() }).from(t).get(), 'Antallet').n;
const haendelser = (sagId: string) => db.select().from(sagshaendelser).where(eq(sagshaendelser.sagId, sagId)).all();
const senere = new Date(NU.getTime() + 3600_000);

beforeEach(() => {
  ({ db } = nyDemoDb());
  upsertPerson(db, nexus, 'P-1', else_(), NU);
});

describe('PUT /sager: Nexus spejler Elses sag', () => {
  it('opretter sagen hos Else med sagsbehandleren fundet på oidc_sub', () => {
    const foer = antal(sager);
    const r = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    expect(r).toMatchObject({ aendret: true, oprettet: true });
    expect(antal(sager)).toBe(foer + 1);
    const maria = defined(
      demoMedarbejdere.find((m) => m.oidcSub === 'medarbejder-maria-kjaer'),
      'Maria',
    );
    expect(db.select().from(sager).where(eq(sager.id, r.id)).get()).toMatchObject({
      kildeId: 'Nexus:S-1',
      trin: 1,
      sagsbehandlerId: maria.id,
      aaben: true,
    });
  });

  it('ændrer intet, når den samme sag sendes igen: samme antal rækker, ingen nye hændelser, ingen log', () => {
    const a = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    const foer = [antal(sager), antal(sagshaendelser), antal(audit)];
    const b = upsertSag(db, nexus, 'S-1', elsesSag(), senere);
    expect(b).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect([antal(sager), antal(sagshaendelser), antal(audit)]).toEqual(foer);
  });

  it('et nyt trin giver præcis én hændelse i klart sprog, i borgerens historik', () => {
    const a = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    expect(haendelser(a.id)).toHaveLength(0);
    const b = upsertSag(
      db,
      nexus,
      'S-1',
      elsesSag({ trin: 3, trinTekst: 'Vi indhenter oplysninger fra din læge.' }),
      senere,
    );
    expect(b).toEqual({ id: a.id, aendret: true, oprettet: false });
    expect(haendelser(a.id)).toMatchObject([
      {
        type: 'trin',
        trin: 3,
        tekst: 'Din sag er nu på trinnet "Vi indhenter oplysninger". Vi indhenter oplysninger fra din læge.',
        tidspunkt: senere.toISOString(),
      },
    ]);
  });

  it('ændringen og hændelsen er én transaktion: fejler hændelsen, er sagen uændret', () => {
    const a = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    db.$client.exec(
      "CREATE TRIGGER fejl_ved_haendelse BEFORE INSERT ON sagshaendelser BEGIN SELECT RAISE(ABORT, 'testfejl'); END",
    );
    expect(() => upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4 }), senere)).toThrow('testfejl');
    expect(defined(db.select().from(sager).where(eq(sager.id, a.id)).get(), 'Sagen').trin).toBe(1);
  });

  it('en ændret titel giver ingen hændelse, men logges som en rettelse', () => {
    const a = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    upsertSag(db, nexus, 'S-1', elsesSag({ titel: 'Praktisk hjælp' }), senere);
    expect(haendelser(a.id)).toHaveLength(0);
    expect(db.select().from(audit).where(eq(audit.hvad, 'Sag: Praktisk hjælp')).all()).toMatchObject([
      { handling: 'ret', aktoerNavn: 'Nexus (integration)' },
    ]);
  });

  it('en ny frist og en ny sagsbehandler fortælles borgeren, og skiftet vises på sagen', () => {
    const a = upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    upsertSag(
      db,
      nexus,
      'S-1',
      elsesSag({
        nyFrist: '2027-01-15',
        nyFristBegrundelse: 'Vi venter på en udtalelse fra din læge.',
        sagsbehandlerOidcSub: 'medarbejder-peter-noergaard',
      }),
      senere,
    );
    const h = haendelser(a.id);
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
    expect(db.select().from(sagsbehandlerskift).where(eq(sagsbehandlerskift.sagId, a.id)).all()).toHaveLength(1);
  });

  it('afviser en ukendt person med 422 og feltfejl, og gemmer intet', () => {
    const foer = [antal(sager), antal(audit)];
    const f = fejlFra(() => upsertSag(db, nexus, 'S-9', elsesSag({ personKildeId: 'FINDES-IKKE' }), NU));
    expect(f.status).toBe(422);
    expect(f.felter).toEqual([{ felt: 'personKildeId', besked: expect.stringContaining('findes ikke') }]);
    expect([antal(sager), antal(audit)]).toEqual(foer);
  });

  it("finder ikke en anden kildes person: DUBU kan ikke bruge Nexus' id", () => {
    expect(fejlFra(() => upsertSag(db, dubu, 'S-1', elsesSag(), NU)).status).toBe(422);
  });

  it('afviser en ukendt sagsbehandler med 422', () => {
    expect(fejlFra(() => upsertSag(db, nexus, 'S-1', elsesSag({ sagsbehandlerOidcSub: 'ingen' }), NU)).felter).toEqual([
      { felt: 'sagsbehandlerOidcSub', besked: expect.any(String) },
    ]);
  });

  it('flytter ikke en sag til en anden person', () => {
    upsertSag(db, nexus, 'S-1', elsesSag(), NU);
    upsertPerson(db, nexus, 'P-2', else_({ cpr: '0203601234', foedselsdato: '1960-03-02', navn: 'Poul Hansen' }), NU);
    expect(fejlFra(() => upsertSag(db, nexus, 'S-1', elsesSag({ personKildeId: 'P-2' }), NU))).toMatchObject({
      status: 422,
      felter: [{ felt: 'personKildeId' }],
    });
  });
});

describe('SagSchema', () => {
  it.each([
    [{ trin: 8 }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ trin: 2.5 }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ trin: '3' }, 'trin', 'Trinnet skal være et helt tal fra 1 til 7.'],
    [{ nyFrist: '2027-01-15' }, 'nyFristBegrundelse', 'Skriv begrundelsen for den nye frist. Borgeren skal kende den.'],
    [{ enhed: 'ukendt' }, 'enhed', expect.stringContaining('Enheden skal være en af')],
    [{ aaben: 'ja' }, 'aaben', 'Skal være true eller false.'],
    [{ frist: '2026-11-01' }, 'frist', 'Fristen kan ikke ligge før sagen er modtaget.'],
    [{ personKildeId: 'a/b' }, 'personKildeId', expect.stringContaining('må kun indeholde')],
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
  };

  it('opretter afgørelsen med én hændelse, og ændrer intet anden gang', () => {
    const sag = upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    const a = upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU);
    expect(a).toMatchObject({ aendret: true, oprettet: true });
    expect(haendelser(sag.id)).toMatchObject([
      {
        type: 'afgoerelse',
        trin: 6,
        tekst: 'Du har fået en afgørelse: afslag. Du kan klage senest 22. december 2026, hvis du er uenig.',
      },
    ]);
    const foer = [antal(afgoerelser), antal(sagshaendelser)];
    expect(upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, senere)).toEqual({
      id: a.id,
      aendret: false,
      oprettet: false,
    });
    expect([antal(afgoerelser), antal(sagshaendelser)]).toEqual(foer);
  });

  it('fortæller borgeren, når udfaldet ændres', () => {
    const sag = upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU);
    upsertAfgoerelse(db, nexus, 'S-1', { ...afgoerelse, udfald: 'bevilling' }, senere);
    expect(haendelser(sag.id).map((h) => h.tekst)).toContain('Afgørelsen er ændret. Du har nu fået: bevilling.');
  });

  it('giver 409 og gemmer intet, når sagen allerede er afgjort i portalen', () => {
    const sag = upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
    db.insert(afgoerelser)
      .values({
        id: 'lokal',
        sagId: sag.id,
        udfald: 'bevilling',
        dato: '2026-11-23',
        begrundelse: 'Truffet i portalen.',
        klagevejledning: 'Du kan klage.',
        klagefrist: '2026-12-21',
      })
      .run();
    const foer = [antal(afgoerelser), antal(sagshaendelser)];
    const fejl = fejlFra(() => upsertAfgoerelse(db, nexus, 'S-1', afgoerelse, NU));
    expect([fejl.status, fejl.message]).toEqual([409, expect.stringContaining('allerede en afgørelse')]);
    expect([antal(afgoerelser), antal(sagshaendelser)]).toEqual(foer);
  });

  it('giver 404 for en ukendt sag', () => {
    expect(fejlFra(() => upsertAfgoerelse(db, nexus, 'S-404', afgoerelse, NU)).status).toBe(404);
  });

  it('afviser en klagefrist før afgørelsen', () => {
    const r = valider(ApiAfgoerelseSchema, { ...afgoerelse, klagefrist: '2026-11-01' });
    expect(!r.ok && r.felter).toEqual([
      { felt: 'klagefrist', besked: 'Klagefristen kan ikke ligge før afgørelsens dato.' },
    ]);
  });
});
