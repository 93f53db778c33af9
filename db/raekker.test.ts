import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { forberedt } from '../src/lib/forberedt.server.ts';
import type { Db } from './client.ts';
import { medarbejdere, personer, relationer, sager } from './schema.ts';
import { nyTestDatabase, testMotor } from './test-database.ts';

const NU = '2026-12-02T10:00:00.000Z';

async function medData(): Promise<Db> {
  const db = await nyTestDatabase();
  await db.insert(personer).values([
    { id: 'p1', cpr: '0101011111', navn: 'Ali', foedselsdato: '2001-01-01' },
    { id: 'p2', cpr: '0202022222', navn: 'Mor', foedselsdato: '1970-02-02', by: 'Aarhus' },
  ]);
  await db.insert(medarbejdere).values({
    id: 'm1',
    oidcSub: 'sub-m1',
    navn: 'Bo',
    rolle: 'sagsbehandler',
    enhed: 'oest',
    aktiv: false,
  });
  const sag = { personId: 'p1', enhed: 'oest', lovgrundlag: 'SEL § 85', trin: 2, modtaget: NU, frist: '2027-01-01' };
  await db.insert(sager).values([
    { ...sag, id: 's1', titel: 'Med sagsbehandler', sagsbehandlerId: 'm1', aaben: false },
    { ...sag, id: 's2', titel: 'Uden sagsbehandler', trinTekst: 'Vi læser' },
  ]);
  await db.insert(relationer).values({
    id: 'r1',
    fraPersonId: 'p2',
    tilPersonId: 'p1',
    type: 'fuldmagt',
    scopes: ['se-sager', 'se-plan'],
    gyldigFra: '2026-01-01',
    oprettet: NU,
  });
  return db;
}

// The kept statements' mapper runs on SQLite (db/synkrone.ts); on PostgreSQL both ways are drizzle's.
describe.skipIf(testMotor !== 'sqlite')('rækkerne af en gemt forespørgsel (db/raekker.ts)', () => {
  it('er de samme objekter som drizzles: indlejrede felter, sandt/falsk, JSON, SQL med egen afkodning, joins med og uden rækker', async () => {
    const db = await medData();
    const giver = alias(personer, 'giver');
    const forespoergsler = {
      indlejret: () =>
        db
          .select({
            sag: sager,
            behandler: { navn: medarbejdere.navn, aktiv: medarbejdere.aktiv },
            antal: sql<number>`count(*) over ()`.mapWith(Number),
            stor: sql<string>`upper(${sager.titel})`.as('stor'),
            blandet: { navn: medarbejdere.navn, titel: sager.titel },
          })
          .from(sager)
          .leftJoin(medarbejdere, eq(medarbejdere.id, sager.sagsbehandlerId))
          .orderBy(sager.id),
      helTabelJoin: () =>
        db
          .select()
          .from(sager)
          .innerJoin(personer, eq(personer.id, sager.personId))
          .leftJoin(medarbejdere, eq(medarbejdere.id, sager.sagsbehandlerId))
          .leftJoin(relationer, eq(relationer.tilPersonId, personer.id))
          .leftJoin(giver, eq(giver.id, relationer.fraPersonId))
          .orderBy(sager.id),
      json: () => db.select().from(relationer),
      ingen: () => db.select().from(sager).where(eq(sager.id, 'ingen')),
    };
    for (const [navn, bygget] of Object.entries(forespoergsler)) {
      const gemt = forberedt(db, `test.raekker.${navn}`, () => bygget().prepare());
      const drizzles = bygget().prepare();
      expect(await gemt.all(), navn).toEqual(await drizzles.all());
      expect(await gemt.get(), navn).toEqual(await drizzles.get());
      // The keys' order too: a page may list an object's fields.
      expect(JSON.stringify(await gemt.all()), navn).toBe(JSON.stringify(await drizzles.all()));
    }
    const [medBehandler, udenBehandler] = await forberedt(db, 'test.raekker.indlejret', () =>
      forespoergsler.indlejret().prepare(),
    ).all();
    expect(medBehandler).toMatchObject({
      behandler: { navn: 'Bo', aktiv: false },
      antal: 2,
      stor: 'MED SAGSBEHANDLER',
    });
    expect(medBehandler?.sag).toMatchObject({ id: 's1', aaben: false });
    // An object of a left-joined table's columns is null when they all are: no caseworker, not one without a name.
    expect(udenBehandler?.behandler).toBeNull();
    // One of two tables: the object stays.
    expect(udenBehandler?.blandet).toEqual({ navn: null, titel: 'Uden sagsbehandler' });
    const [helMed, helUden] = await forberedt(db, 'test.raekker.helTabelJoin', () =>
      forespoergsler.helTabelJoin().prepare(),
    ).all();
    expect(helMed?.medarbejdere?.navn).toBe('Bo');
    // A whole left-joined table without a row is null, not an object of nulls.
    expect(helUden?.medarbejdere).toBeNull();
    expect(helUden?.relationer?.scopes).toEqual(['se-sager', 'se-plan']);
    expect(helUden?.giver?.navn).toBe('Mor');
  });
});
