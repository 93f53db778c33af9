// A migration that rebuilds a table on SQLite (0020 makes afgoerelser.klagefrist nullable) keeps the
// rows and every reference to them: a complaint still points at its decision.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hentKlager } from '#/features/api/lister.server.ts';
import { IDAG, NU, nexus } from '#/features/api/test-hjaelp.ts';
import { type Db, foerste, lukDatabase, migrateDatabase, openDatabase } from './client.ts';
import { pgTitel, testPgUrl, tomPgDatabase } from './pg-test.ts';
import * as t from './schema.ts';
import { raaSql } from './test-fixtures.ts';

/** The migrations folder (of SQLite, or of PostgreSQL) as it stood before the migration whose tag starts with `foer`. */
function migreringerFoer(foer: string, kilde = 'db/migrations'): string {
  const mappe = join(mkdtempSync(join(tmpdir(), 'migreringer-')), 'migrations');
  cpSync(kilde, mappe, { recursive: true });
  const sti = join(mappe, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(sti, 'utf8')) as { entries: { tag: string }[] };
  const i = journal.entries.findIndex((e) => e.tag.startsWith(foer));
  if (i < 0) throw new Error(`Ingen migrering ${foer}`);
  journal.entries = journal.entries.slice(0, i);
  writeFileSync(sti, JSON.stringify(journal));
  return mappe;
}

describe('SQLite-migreringer, der bygger en tabel om', () => {
  it('afgørelserne og klagerne over dem er der efter 0020, og en klagefrist kan nu mangle', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, migreringerFoer('0020'));
    // Rows as the schema stood then, in its own SQL: today's seed writes columns added later.
    for (const raekke of [
      `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('p', '0101801234', 'Ali Hassan', '1980-01-01')`,
      `INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist)
         VALUES ('s', 'p', 'voksenhandicap', 'Merudgifter', 'Serviceloven § 100', 6, 1, '${IDAG}', '${IDAG}')`,
      `INSERT INTO afgoerelser (id, sag_id, udfald, dato, begrundelse, klagevejledning, klagefrist)
         VALUES ('a', 's', 'afslag', '${IDAG}', 'Begrundelse', 'Klagevejledning', '${IDAG}')`,
    ])
      await db.run(sql.raw(raekke));
    const afg = { id: 'a', sagId: 's' };
    await db.insert(t.klager).values({
      id: 'klage-over-afg',
      sagId: afg.sagId,
      afgoerelseId: afg.id,
      tekst: 'Jeg er uenig.',
      modtaget: NU.toISOString(),
      genvurderingFrist: IDAG,
      status: 'modtaget',
      indsendtAf: 'Ali Hassan',
    });
    const antal = (await db.select().from(t.afgoerelser)).length;

    await migrateDatabase(db);
    expect((await db.select().from(t.afgoerelser)).length).toBe(antal);
    const klage = foerste(await db.select().from(t.klager).where(eq(t.klager.id, 'klage-over-afg')));
    expect(klage?.afgoerelseId).toBe(afg.id);
    await db.update(t.afgoerelser).set({ klagefrist: null }).where(eq(t.afgoerelser.id, afg.id));
    expect(foerste(await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.id, afg.id)))?.klagefrist).toBeNull();
    // The references are enforced again afterwards.
    const fejl = await db
      .insert(t.klager)
      .values({ ...klage, id: 'uden-afgoerelse', afgoerelseId: 'findes-ikke' } as typeof t.klager.$inferInsert)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(String((fejl as Error | undefined)?.cause)).toMatch(/FOREIGN KEY/);
    await lukDatabase(db);
  });

  it('0023 kender de overgangssager, portalen lavede før sagsarten, på deres titel', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, migreringerFoer('0023'));
    await db.run(
      sql.raw(
        `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('p', '0101081234', 'Freja Holm', '2008-01-01')`,
      ),
    );
    for (const [id, titel] of [
      ['o', 'Den Gode Overgang – fra barn til voksen'],
      ['s', 'Merudgifter'],
    ])
      await db.run(
        sql.raw(`INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist)
          VALUES ('${id}', 'p', 'boernehandicap', '${titel}', 'Barnets Lov', 1, 1, '${IDAG}', '${IDAG}')`),
      );
    await migrateDatabase(db);
    const arter = await db.select({ id: t.sager.id, sagsart: t.sager.sagsart }).from(t.sager).orderBy(t.sager.id);
    expect(arter).toEqual([
      { id: 'o', sagsart: 'overgang' },
      { id: 's', sagsart: 'sag' },
    ]);
    await lukDatabase(db);
  });
});

/**
 * 0025 (PostgreSQL 0017): what citizens sent before the feed existed gets its event, since the
 * inboxes are now the feed filtered by type. Rows in that day's SQL, the same on both engines.
 */
async function foerFeedet(db: Db) {
  for (const raekke of [
    `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('p', '0101801234', 'Ali Hassan', '1980-01-01')`,
    `INSERT INTO personer (id, cpr, navn, foedselsdato) VALUES ('r', '0101551234', 'Karin Holm', '1955-01-01')`,
    `INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist, kilde_id)
       VALUES ('s', 'p', 'voksenhandicap', 'Merudgifter', 'Serviceloven § 100', 6, 1, '${IDAG}', '${IDAG}', 'Nexus:S-9')`,
    `INSERT INTO sager (id, person_id, enhed, titel, lovgrundlag, trin, aaben, modtaget, frist)
       VALUES ('u', 'p', 'oest', 'Ledsagelse', 'Serviceloven § 97', 5, 1, '${IDAG}', '${IDAG}')`,
    `INSERT INTO afgoerelser (id, sag_id, udfald, dato, begrundelse, klagevejledning, klagefrist)
       VALUES ('a', 's', 'afslag', '${IDAG}', 'Begrundelse', 'Klagevejledning', '${IDAG}')`,
    `INSERT INTO klager (id, sag_id, afgoerelse_id, tekst, modtaget, status, genvurdering_frist, indsendt_af, for_sent)
       VALUES ('k0', 's', 'a', 'Efter feedet.', '2026-11-24T09:00:00.000Z', 'modtaget', '${IDAG}', 'Ali Hassan', 0)`,
    `INSERT INTO journalhaendelser (tidspunkt, type, person_id, sag_id, kildesystem, enhed, genstand_id, data)
       VALUES ('2026-11-24T09:00:00.000Z', 'klage', 'p', 's', 'Nexus', 'voksenhandicap', 'k0', '{"skrevet":"af skriveren"}')`,
    `INSERT INTO klager (id, sag_id, afgoerelse_id, tekst, modtaget, status, genvurdering_frist, indsendt_af, for_sent)
       VALUES ('k1', 's', 'a', 'Jeg er uenig.', '2026-11-20T10:00:00.000Z', 'modtaget', '${IDAG}', 'Ali Hassan', 1)`,
    `INSERT INTO hjaelpemiddel_ansoegninger (id, person_id, indsendt_af, hjaelpemiddel, beskrivelse, status, modtaget, sag_id, forventet_svar)
       VALUES ('h1', 'p', 'r', 'Badebænk', 'Kan ikke stå.', 'modtaget', '2026-11-18T08:00:00.000Z', 'u', '${IDAG}')`,
    `INSERT INTO partshoeringer (id, sag_id, materiale, sendt, svarfrist, svar, besvaret, besvaret_af)
       VALUES ('ph1', 'u', 'Lægens udtalelse', '${IDAG}', '${IDAG}', 'Jeg går 50 meter.', '2026-11-21T12:00:00.000Z', 'Ali Hassan')`,
    `INSERT INTO partshoeringer (id, sag_id, materiale, sendt, svarfrist) VALUES ('ph2', 'u', 'Ubesvaret', '${IDAG}', '${IDAG}')`,
    `INSERT INTO samtykker (id, person_id, sag_id, kilde, formaal, givet, tilbagekaldt, tilbagekaldt_af)
       VALUES ('c1', 'p', NULL, 'Egen læge', 'Helbred', '2026-01-01', '2026-11-19T07:00:00.000Z', 'Ali Hassan')`,
    `INSERT INTO samtykker (id, person_id, sag_id, kilde, formaal, givet) VALUES ('c2', 'p', 'u', 'Egen læge', 'Helbred', '2026-01-01')`,
  ])
    await raaSql(db, raekke);
  await migrateDatabase(db);
  const haendelser = await db.select().from(t.journalhaendelser).orderBy(t.journalhaendelser.loebenr);
  expect(haendelser.map((h) => [h.type, h.genstandId, h.kildesystem, h.enhed])).toEqual([
    ['klage', 'k0', 'Nexus', 'voksenhandicap'],
    ['hjaelpemiddel-ansoegning', 'h1', null, 'oest'],
    ['samtykke-tilbagekaldt', 'c1', null, null],
    ['klage', 'k1', 'Nexus', 'voksenhandicap'],
    ['partshoeringssvar', 'ph1', null, 'oest'],
  ]);
  // With the data each writer gives; an event that existed is left as it was.
  expect(haendelser.map((h) => h.data)).toEqual([
    { skrevet: 'af skriveren' },
    {
      hjaelpemiddel: 'Badebænk',
      katalogId: null,
      beskrivelse: 'Kan ikke stå.',
      varighed: null,
      telefon: null,
      besoegstid: null,
      leveringsadresse: null,
      forventetSvar: IDAG,
      indsendtAf: 'Karin Holm',
    },
    { kilde: 'Egen læge', formaal: 'Helbred', givet: '2026-01-01', tilbagekaldtAf: 'Ali Hassan' },
    { afgoerelseId: 'a', tekst: 'Jeg er uenig.', indsendtAf: 'Ali Hassan', genvurderingFrist: IDAG, forSent: true },
    { materiale: 'Lægens udtalelse', svarfrist: IDAG, svar: 'Jeg går 50 meter.', besvaretAf: 'Ali Hassan' },
  ]);
  expect(haendelser.map((h) => h.tidspunkt).slice(1)).toEqual([
    '2026-11-18T08:00:00.000Z',
    '2026-11-19T07:00:00.000Z',
    '2026-11-20T10:00:00.000Z',
    '2026-11-21T12:00:00.000Z',
  ]);
  // The complaints' inbox, a view of the feed, still has both.
  expect((await hentKlager(db, nexus, {}, NU)).elementer.map((k) => k.id)).toEqual(['k0', 'k1']);
}

describe('0025: det, borgerne sendte før hændelserne fandtes, kommer i hændelserne', () => {
  it('på SQLite', async () => {
    const db = openDatabase(':memory:');
    await migrateDatabase(db, migreringerFoer('0025'));
    await foerFeedet(db);
    await lukDatabase(db);
  });

  it.skipIf(!testPgUrl)(pgTitel('på PostgreSQL (0017)'), async () => {
    const tom = await tomPgDatabase();
    const db = openDatabase(tom.url);
    try {
      await migrateDatabase(db, migreringerFoer('0017', 'db/migrations-pg'));
      await foerFeedet(db);
    } finally {
      await lukDatabase(db);
      await tom.slet();
    }
  });
});
