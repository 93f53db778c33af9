import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { audit, personer } from '../../../db/schema.ts';
import { demoCpr } from '../../../db/seed.ts';
import { upsertPerson } from './personer.server.ts';
import { PersonSchema } from './schemas.ts';
import { dubu, else_, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
let demo: Awaited<ReturnType<typeof nyDemoDb>>['demo'];
const antalPersoner = async () => defined(foerste(await db.select({ n: count() }).from(personer)), 'Antallet').n;
const antalAudit = async () => defined(foerste(await db.select({ n: count() }).from(audit)), 'Antallet').n;

beforeEach(async () => {
  ({ db, demo } = await nyDemoDb());
});

describe('PUT /personer: Nexus sender Else Nielsen', () => {
  it('opretter personen med "<system>:<id>" og skriver det i hendes log', async () => {
    const foer = await antalPersoner();
    const r = await upsertPerson(db, nexus, 'P-1', else_(), NU);
    expect(r).toMatchObject({ aendret: true, oprettet: true });
    expect(await antalPersoner()).toBe(foer + 1);
    const p = defined(foerste(await db.select().from(personer).where(eq(personer.id, r.id))), 'Personen');
    expect(p).toMatchObject({ kildeId: 'Nexus:P-1', navn: 'Else Nielsen', foedselsdato: '1950-02-01', email: null });
    expect(await db.select().from(audit).where(eq(audit.personId, r.id))).toMatchObject([
      { aktoerType: 'system', aktoerId: 'noegle-nexus', aktoerNavn: 'Nexus (integration)', handling: 'opret' },
    ]);
  });

  it('ændrer intet, når den samme person sendes igen', async () => {
    const a = await upsertPerson(db, nexus, 'P-1', else_(), NU);
    const [n, logs] = [await antalPersoner(), await antalAudit()];
    const b = await upsertPerson(db, nexus, 'P-1', else_(), NU);
    expect(b).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect([await antalPersoner(), await antalAudit()]).toEqual([n, logs]);
  });

  it('retter adressen og tømmer et udeladt valgfrit felt (PUT erstatter)', async () => {
    const a = await upsertPerson(db, nexus, 'P-1', else_(), NU);
    const { telefon: _t, ...udenTelefon } = else_({ adresse: 'Havnevej 1, 7130 Juelsminde' });
    const b = await upsertPerson(db, nexus, 'P-1', udenTelefon, NU);
    expect(b).toEqual({ id: a.id, aendret: true, oprettet: false });
    expect(foerste(await db.select().from(personer).where(eq(personer.id, a.id)))).toMatchObject({
      adresse: 'Havnevej 1, 7130 Juelsminde',
      telefon: null,
    });
  });

  it('knytter en borger, der allerede er i portalen uden kilde-id, i stedet for at lave en dublet', async () => {
    const jens = defined(foerste(await db.select().from(personer).where(eq(personer.id, demo.jens.id))), 'Personen');
    const foer = await antalPersoner();
    const r = await upsertPerson(
      db,
      nexus,
      'J-7',
      { cpr: jens.cpr, navn: 'Jens Madsen', foedselsdato: jens.foedselsdato, adresse: jens.adresse, by: jens.by },
      NU,
    );
    expect(r).toEqual({ id: jens.id, aendret: true, oprettet: false });
    expect(await antalPersoner()).toBe(foer);
    expect(defined(foerste(await db.select().from(personer).where(eq(personer.id, jens.id))), 'Personen').kildeId).toBe(
      'Nexus:J-7',
    );
  });

  it('afviser et CPR-nummer, der allerede hører til et andet id (409), uden at gemme noget', async () => {
    await upsertPerson(db, nexus, 'P-1', else_(), NU);
    const foer = await antalPersoner();
    expect(await fejlFra(async () => await upsertPerson(db, nexus, 'P-2', else_(), NU))).toMatchObject({
      status: 409,
      message: expect.stringContaining('"P-1" i jeres system'),
    });
    expect(await fejlFra(async () => await upsertPerson(db, dubu, 'D-1', else_(), NU))).toMatchObject({
      status: 409,
      message: expect.stringContaining('andet kildesystem'),
    });
    expect(await antalPersoner()).toBe(foer);
  });
});

describe('PersonSchema', () => {
  it.each([
    [{ cpr: '12345' }, 'cpr', 'CPR-nummeret skal være 10 cifre uden bindestreg.'],
    [{ cpr: '3102501234', foedselsdato: '1950-02-31' }, 'cpr', 'CPR-nummeret indeholder ikke en gyldig dato.'],
    [{ foedselsdato: '1950-02-02' }, 'foedselsdato', 'Fødselsdatoen passer ikke med CPR-nummeret.'],
    [{ foedselsdato: '01-02-1950' }, 'foedselsdato', 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24.'],
    [{ navn: '  ' }, 'navn', 'Må ikke være tom.'],
    [{ navn: undefined }, 'navn', 'Feltet skal udfyldes.'],
    [{ email: 'ikke-en-adresse' }, 'email', 'Skriv en gyldig e-mailadresse.'],
    [{ kaldenavn: 'Else' }, 'kaldenavn', 'Ukendt felt. Fjern det, eller se API-beskrivelsen.'],
  ])('%o giver en fejl i %s', (aendring, felt, besked) => {
    const r = valider(PersonSchema, { ...else_(), ...aendring });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.felter).toContainEqual({ felt, besked });
  });

  it('kender CPR-reglen for århundredet (7. ciffer)', () => {
    expect(valider(PersonSchema, { ...else_(), cpr: demoCpr('2008-03-15', 1), foedselsdato: '2008-03-15' }).ok).toBe(
      true,
    );
  });
});
