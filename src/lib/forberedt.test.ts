import { asc, DrizzleQueryError, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { type Db, migrateDatabase, openDatabase, pgPool, sqliteForbindelse } from '../../db/client.ts';
import { saetningsnavn } from '../../db/navngivne.ts';
import { hemmeligheder } from '../../db/schema.ts';
import { nyTestDatabase, testMotor } from '../../db/test-database.ts';
import { aabenTransaktion } from '../../db/test-transaktion.ts';
import { forberedt, forberedtMedListe, LAENGSTE_FORBEREDTE_LISTE, listeVaerdier } from './forberedt.server.ts';

const NU = '2026-12-02T10:00:00.000Z';

describe('forberedt', () => {
  it('en gemt forespørgsel læser i den åbne transaktion: dens egne, ikke gemte rækker', async () => {
    const db = await nyTestDatabase();
    const laes = async (navn: string) =>
      await forberedt(db, 'test.hemmelighed', () =>
        db
          .select({ vaerdi: hemmeligheder.vaerdi })
          .from(hemmeligheder)
          .where(eq(hemmeligheder.navn, sql.placeholder('navn')))
          .prepare(),
      ).execute({ navn });
    // Made and kept outside any transaction first, as a request would.
    expect(await laes('x')).toEqual([]);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(hemmeligheder).values({ navn: 'x', vaerdi: 'i-transaktionen', oprettet: NU });
        expect(await laes('x')).toEqual([{ vaerdi: 'i-transaktionen' }]);
        throw new Error('rul tilbage');
      }),
    ).rejects.toThrow('rul tilbage');
    expect(await laes('x')).toEqual([]);
  });
});

describe('forberedtMedListe', () => {
  it('læser de samme rækker som en bygget IN-liste, for korte og lange lister, og genbruger sætningen pr. længde', async () => {
    const db = await nyTestDatabase();
    const navne = Array.from({ length: LAENGSTE_FORBEREDTE_LISTE + 4 }, (_, i) => `n${i}`);
    await db.insert(hemmeligheder).values(navne.map((navn) => ({ navn, vaerdi: `v-${navn}`, oprettet: NU })));
    const saetning = (antal: number) =>
      forberedtMedListe(db, 'test.liste', antal, (liste) =>
        db
          .select({ vaerdi: hemmeligheder.vaerdi })
          .from(hemmeligheder)
          .where(inArray(hemmeligheder.navn, liste))
          .orderBy(asc(hemmeligheder.vaerdi))
          .prepare(),
      );
    for (const liste of [['n3'], ['n1', 'n2'], ['n2', 'nej'], navne.slice(0, LAENGSTE_FORBEREDTE_LISTE + 2)]) {
      const bygget = await db
        .select({ vaerdi: hemmeligheder.vaerdi })
        .from(hemmeligheder)
        .where(inArray(hemmeligheder.navn, liste))
        .orderBy(asc(hemmeligheder.vaerdi));
      expect(bygget.length).toBeGreaterThan(0);
      expect(await saetning(liste.length).execute(listeVaerdier(liste))).toEqual(bygget);
    }
    expect(saetning(2)).toBe(saetning(2));
    expect(saetning(2)).not.toBe(saetning(3));
    // Longer lists are not kept: each length would be a statement kept for the process's life.
    expect(saetning(LAENGSTE_FORBEREDTE_LISTE + 1)).not.toBe(saetning(LAENGSTE_FORBEREDTE_LISTE + 1));
  });
});

describe.skipIf(testMotor !== 'sqlite')('forberedt på SQLite (db/synkrone.ts)', () => {
  const hemmelighed = (db: Db) =>
    forberedt(db, 'test.synkron', () =>
      db
        .select({ vaerdi: hemmeligheder.vaerdi })
        .from(hemmeligheder)
        .where(eq(hemmeligheder.navn, sql.placeholder('navn')))
        .prepare(),
    );
  const indsaetDirekte = (db: Db, vaerdi: string) =>
    sqliteForbindelse(db)
      .prepare('insert into hemmeligheder (navn, vaerdi, oprettet) values (?, ?, ?)')
      .run('x', vaerdi, NU);

  it('en gemt læsning giver de samme rækker som drizzles egen vej, også med en tom venstre-join og ingen række', async () => {
    const db = await nyTestDatabase();
    indsaetDirekte(db, 'v');
    const anden = alias(hemmeligheder, 'anden');
    const bygget = () =>
      db
        .select({ h: hemmeligheder, anden: { navn: anden.navn, vaerdi: anden.vaerdi } })
        .from(hemmeligheder)
        .leftJoin(anden, eq(anden.navn, sql.placeholder('anden')))
        .where(eq(hemmeligheder.navn, sql.placeholder('navn')));
    const gemt = forberedt(db, 'test.synkron.join', () => bygget().prepare());
    for (const vaerdier of [
      { navn: 'x', anden: 'x' },
      { navn: 'x', anden: 'ingen' },
      { navn: 'ingen', anden: 'x' },
    ]) {
      const drizzles = bygget().prepare();
      expect(await gemt.all(vaerdier)).toEqual(await drizzles.all(vaerdier));
      expect(await gemt.get(vaerdier)).toEqual(await drizzles.get(vaerdier));
      expect(await gemt.execute(vaerdier)).toEqual(await drizzles.execute(vaerdier));
    }
    expect(await gemt.get({ navn: 'x', anden: 'ingen' })).toEqual({
      h: { navn: 'x', vaerdi: 'v', oprettet: NU },
      anden: null,
    });
  });

  it('mens en anden forespørgsels transaktion holder forbindelsen, venter den sin tur og ser aldrig det, der rulles tilbage', async () => {
    const db = await nyTestDatabase();
    const t = aabenTransaktion(db, 'rollback', { navn: 'x', vaerdi: 'aldrig-gemt' });
    await t.aaben;
    const laest = hemmelighed(db).execute({ navn: 'x' });
    t.slut();
    await expect(t.tx).rejects.toThrow('afvist');
    expect(await laest).toEqual([]);
  });

  it('en gemt læsning logges én gang (drizzles logger), både straks og når den venter på sin tur', async () => {
    const logget: string[] = [];
    const db = openDatabase(':memory:', { logger: { logQuery: (tekst) => logget.push(tekst) } });
    await migrateDatabase(db);
    const gemt = hemmelighed(db);
    const gange = () => logget.filter((t) => t.startsWith('select') && t.includes('"hemmeligheder"')).length;
    await gemt.execute({ navn: 'x' });
    expect(gange()).toBe(1);
    const t = aabenTransaktion(db, 'commit');
    await t.aaben;
    const venter = gemt.execute({ navn: 'x' });
    t.slut();
    await t.tx;
    expect(await venter).toEqual([]);
    expect(gange()).toBe(2);
  });

  it('en fejl i SQLite afviser løftet som drizzles egen (DrizzleQueryError), og kastes ikke ved kaldet', async () => {
    const db = await nyTestDatabase();
    indsaetDirekte(db, 'v');
    const json = forberedt(db, 'test.synkron.json', () =>
      db
        .select({ v: sql<string>`json_extract(${sql.placeholder('j')}, '$.a')` })
        .from(hemmeligheder)
        .prepare(),
    );
    expect(await json.get({ j: '{"a":"ok"}' })).toEqual({ v: 'ok' });
    let kald: Promise<unknown> | undefined;
    expect(() => {
      kald = json.all({ j: '{ikke json' });
    }).not.toThrow();
    const fejl = await kald?.catch((e: unknown) => e);
    expect(fejl).toBeInstanceOf(DrizzleQueryError);
    expect((fejl as DrizzleQueryError).cause).toMatchObject({ message: expect.stringMatching(/malformed JSON/) });
  });
});

describe.skipIf(testMotor !== 'postgres')('forberedt på PostgreSQL', () => {
  it('en gemt forespørgsel er en navngiven sætning på forbindelsen, opkaldt efter sin tekst; en enkeltstående er ikke', async () => {
    const db = await nyTestDatabase();
    await db.insert(hemmeligheder).values({ navn: 'n', vaerdi: 'v', oprettet: NU });
    const efter = (kolonne: 'navn' | 'vaerdi') =>
      forberedt(db, `test.navngivet.${kolonne}`, () =>
        db
          .select({ navn: hemmeligheder.navn })
          .from(hemmeligheder)
          .where(eq(hemmeligheder[kolonne], sql.placeholder('x')))
          .prepare(),
      );
    // Twice each, so a connection runs a statement it has already parsed.
    for (let i = 0; i < 2; i++) {
      expect(await efter('navn').execute({ x: 'n' })).toEqual([{ navn: 'n' }]);
      expect(await efter('vaerdi').execute({ x: 'v' })).toEqual([{ navn: 'n' }]);
    }
    expect(await db.select().from(hemmeligheder).where(eq(hemmeligheder.oprettet, NU))).toHaveLength(1);

    // Every pooled connection's named statements (each connection keeps its own).
    const pool = pgPool(db);
    const klienter = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    const navngivne = new Map<string, string>();
    try {
      for (const k of klienter) {
        const { rows } = await k.query<{ name: string; statement: string }>(
          'select name, statement from pg_prepared_statements',
        );
        for (const r of rows) navngivne.set(r.name, r.statement);
      }
    } finally {
      for (const k of klienter) k.release();
    }
    const om = [...navngivne.values()].filter((t) => t.includes('"hemmeligheder"'));
    expect(om.filter((t) => t.includes('"hemmeligheder"."navn" = $1'))).toHaveLength(1);
    expect(om.filter((t) => t.includes('"hemmeligheder"."vaerdi" = $1'))).toHaveLength(1);
    expect(om.filter((t) => t.includes('"oprettet"'))).toEqual([]);
    for (const [navn, tekst] of navngivne) expect(navn).toBe(saetningsnavn(tekst));
  });
});
