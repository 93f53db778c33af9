import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import type { Db } from '../../../db/client.ts';
import { audit, personer } from '../../../db/schema.ts';
import { demoCpr } from '../../../db/seed.ts';
import { upsertPerson } from './personer.server.ts';
import { PersonSchema } from './schemas.ts';
import { dubu, else_, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
let demo: ReturnType<typeof nyDemoDb>['demo'];
const antalPersoner = () => defined(db.select({ n: count() }).from(personer).get(), 'Antallet').n;
const antalAudit = () => defined(db.select({ n: count() }).from(audit).get(), 'Antallet').n;

beforeEach(() => {
  ({ db, demo } = nyDemoDb());
});

describe('PUT /personer: Nexus sender Else Nielsen', () => {
  it('opretter personen med "<system>:<id>" og skriver det i hendes log', () => {
    const foer = antalPersoner();
    const r = upsertPerson(db, nexus, 'P-1', else_(), NU);
    expect(r).toMatchObject({ aendret: true, oprettet: true });
    expect(antalPersoner()).toBe(foer + 1);
    const p = defined(db.select().from(personer).where(eq(personer.id, r.id)).get(), 'Personen');
    expect(p).toMatchObject({ kildeId: 'Nexus:P-1', navn: 'Else Nielsen', foedselsdato: '1950-02-01', email: null });
    expect(db.select().from(audit).where(eq(audit.personId, r.id)).all()).toMatchObject([
      { aktoerType: 'system', aktoerId: 'noegle-nexus', aktoerNavn: 'Nexus (integration)', handling: 'opret' },
    ]);
  });

  it('ændrer intet, når den samme person sendes igen', () => {
    const a = upsertPerson(db, nexus, 'P-1', else_(), NU);
    const [n, logs] = [antalPersoner(), antalAudit()];
    const b = upsertPerson(db, nexus, 'P-1', else_(), NU);
    expect(b).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect([antalPersoner(), antalAudit()]).toEqual([n, logs]);
  });

  it('retter adressen og tømmer et udeladt valgfrit felt (PUT erstatter)', () => {
    const a = upsertPerson(db, nexus, 'P-1', else_(), NU);
    const { telefon: _t, ...udenTelefon } = else_({ adresse: 'Havnevej 1, 7130 Juelsminde' });
    const b = upsertPerson(db, nexus, 'P-1', udenTelefon, NU);
    expect(b).toEqual({ id: a.id, aendret: true, oprettet: false });
    expect(db.select().from(personer).where(eq(personer.id, a.id)).get()).toMatchObject({
      adresse: 'Havnevej 1, 7130 Juelsminde',
      telefon: null,
    });
  });

  it('knytter en borger, der allerede er i portalen uden kilde-id, i stedet for at lave en dublet', () => {
    const jens = defined(db.select().from(personer).where(eq(personer.id, demo.jens.id)).get(), 'Personen');
    const foer = antalPersoner();
    const r = upsertPerson(
      db,
      nexus,
      'J-7',
      { cpr: jens.cpr, navn: 'Jens Madsen', foedselsdato: jens.foedselsdato, adresse: jens.adresse, by: jens.by },
      NU,
    );
    expect(r).toEqual({ id: jens.id, aendret: true, oprettet: false });
    expect(antalPersoner()).toBe(foer);
    expect(defined(db.select().from(personer).where(eq(personer.id, jens.id)).get(), 'Personen').kildeId).toBe(
      'Nexus:J-7',
    );
  });

  it('afviser et CPR-nummer, der allerede hører til et andet id (409), uden at gemme noget', () => {
    upsertPerson(db, nexus, 'P-1', else_(), NU);
    const foer = antalPersoner();
    expect(fejlFra(() => upsertPerson(db, nexus, 'P-2', else_(), NU))).toMatchObject({
      status: 409,
      message: expect.stringContaining('"P-1" i jeres system'),
    });
    expect(fejlFra(() => upsertPerson(db, dubu, 'D-1', else_(), NU))).toMatchObject({
      status: 409,
      message: expect.stringContaining('andet kildesystem'),
    });
    expect(antalPersoner()).toBe(foer);
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
