import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { lesMiljoe } from '#/config/miljoe.ts';
import { opbevaring } from '#/config/opbevaring.ts';
import { defined } from '#/lib/defined.ts';
import { RateLimit } from '#/server/rate-limit.ts';
import { type Db, foerste } from '../../../db/client.ts';
import {
  audit,
  beskedbilag,
  beskeder,
  beskedtraade,
  bilag,
  formularkladder,
  formularnoegler,
  hastighedsvinduer,
  hjaelpemiddelKladder,
  medarbejdere,
  sessioner,
} from '../../../db/schema.ts';
import { seedDemo } from '../../../db/seed.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { ryd } from './oprydning.server.ts';

const NU = new Date('2026-11-30T12:00:00Z');
const dageSiden = (n: number) => new Date(NU.getTime() - n * 86_400_000).toISOString();
const perioder = { kladdeDage: 30, logDage: 1826 };

let db: Db;
let mappe: string;
let jens: string;

beforeEach(async () => {
  db = await nyTestDatabase();
  jens = (await seedDemo(db, '2026-11-30')).jens.id;
  mappe = mkdtempSync(join(tmpdir(), 'bilag-'));
});

async function kladde(id: string, opdateret: string, ansoegningId: string | null = null, medBilag = false) {
  await db
    .insert(hjaelpemiddelKladder)
    .values({ id, personId: jens, oprettetAf: jens, data: {}, opdateret, ansoegningId });
  if (!medBilag) return;
  await db.insert(bilag).values({
    id: `bilag-${id}`,
    kladdeId: id,
    filnavn: 'x.pdf',
    type: 'application/pdf',
    stoerrelse: 4,
    oprettet: opdateret,
  });
  writeFileSync(join(mappe, `bilag-${id}`), '%PDF');
}

const kladdeIds = async () =>
  (await db.select({ id: hjaelpemiddelKladder.id }).from(hjaelpemiddelKladder)).map((k) => k.id).sort();

describe('oprydning efter opbevaringsperioderne', () => {
  it('sletter en ikke-sendt kladde og dens bilag (række og fil) efter 30 dage, men ikke en nyere eller en sendt', async () => {
    await kladde('gammel', dageSiden(31), null, true);
    await kladde('ny', dageSiden(29), null, true);
    await kladde('sendt', dageSiden(400), 'ansoegning-1', true);

    const r = await ryd(db, perioder, mappe, NU);

    expect(r).toMatchObject({ kladder: 1, bilag: 1 });
    expect(await kladdeIds()).toEqual(['ny', 'sendt']);
    expect((await db.select({ id: bilag.id }).from(bilag)).map((b) => b.id).sort()).toEqual([
      'bilag-ny',
      'bilag-sendt',
    ]);
    expect([
      existsSync(join(mappe, 'bilag-gammel')),
      existsSync(join(mappe, 'bilag-ny')),
      existsSync(join(mappe, 'bilag-sendt')),
    ]).toEqual([false, true, true]);
  });

  it('sletter logposter ældre end perioden i skiver og beholder resten', async () => {
    const foer = defined(foerste(await db.select({ n: count() }).from(audit)), 'Antallet').n;
    const post = (tidspunkt: string) => ({
      tidspunkt,
      aktoerType: 'borger' as const,
      aktoerId: jens,
      aktoerNavn: 'Jens Madsen',
      personId: jens,
      handling: 'se' as const,
      hvad: 'Sag',
    });
    // More rows than one slice of the purge, in inserts of 1000 (within both engines' parameter limits).
    const gammel = post(dageSiden(1827));
    for (let i = 0; i < 12; i++) await db.insert(audit).values(Array.from({ length: 1000 }, () => gammel));
    await db.insert(audit).values([post(dageSiden(1825)), post(dageSiden(1))]);

    expect((await ryd(db, perioder, mappe, NU)).logposter).toBe(12_000);
    expect(defined(foerste(await db.select({ n: count() }).from(audit)), 'Antallet').n).toBe(foer + 2);
  });

  it('sletter udløbne sessioner', async () => {
    const t = NU.getTime();
    const session = (id: string, oprettet: number, sidstAktiv: number) => ({
      id,
      secretHash: Buffer.alloc(32),
      personId: jens,
      oprettet,
      sidstAktiv,
    });
    await db
      .insert(sessioner)
      .values([
        session('aktiv', t - 60_000, t - 60_000),
        session('inaktiv', t - 3_600_000, t - 31 * 60_000),
        session('for-gammel', t - 9 * 3_600_000, t - 60_000),
      ]);

    expect((await ryd(db, perioder, mappe, NU)).sessioner).toBe(2);
    expect(await db.select({ id: sessioner.id }).from(sessioner)).toEqual([{ id: 'aktiv' }]);
  });

  it('fjerner en fil uden bilagsrække (fx efter et nedbrud midt i en upload), men først efter et døgn', async () => {
    writeFileSync(join(mappe, 'gammel-fil'), 'x');
    writeFileSync(join(mappe, 'ny-fil'), 'x');
    const to = new Date(NU.getTime() - 2 * 86_400_000);
    utimesSync(join(mappe, 'gammel-fil'), to, to);
    utimesSync(join(mappe, 'ny-fil'), NU, NU);

    expect((await ryd(db, perioder, mappe, NU)).foraeldreloeseFiler).toBe(1);
    expect([existsSync(join(mappe, 'gammel-fil')), existsSync(join(mappe, 'ny-fil'))]).toEqual([false, true]);
  });

  it('beholder en gammel fil, der er bilag til en besked', async () => {
    const t = dageSiden(400);
    await db.insert(beskedtraade).values({ id: 'tr', personId: jens, enhed: 'oest', oprettet: t, senest: t });
    await db
      .insert(beskeder)
      .values({ id: 'b', traadId: 'tr', fra: 'borger', afsender: 'Jens', emne: 'x', tekst: 'x', sendt: t });
    await db
      .insert(beskedbilag)
      .values({ id: 'besked-fil', beskedId: 'b', filnavn: 'x.pdf', type: 'application/pdf', stoerrelse: 4 });
    writeFileSync(join(mappe, 'besked-fil'), '%PDF');
    writeFileSync(join(mappe, 'uden-raekke'), '%PDF');
    const to = new Date(NU.getTime() - 2 * 86_400_000);
    utimesSync(join(mappe, 'besked-fil'), to, to);
    utimesSync(join(mappe, 'uden-raekke'), to, to);

    expect((await ryd(db, perioder, mappe, NU)).foraeldreloeseFiler).toBe(1);
    expect([existsSync(join(mappe, 'besked-fil')), existsSync(join(mappe, 'uden-raekke'))]).toEqual([true, false]);
  });

  it('sletter hastighedsbegrænsningens afsluttede vinduer, ikke det løbende', async () => {
    const login = new RateLimit('login', 5, 60_000);
    await login.tillad(db, 'gammel', NU.getTime() - 120_000);
    await login.tillad(db, 'loebende', NU.getTime() - 30_000);
    expect((await ryd(db, perioder, mappe, NU)).hastighedsvinduer).toBe(1);
    expect(await db.select({ noegle: hastighedsvinduer.noegle }).from(hastighedsvinduer)).toEqual([
      { noegle: 'login:loebende' },
    ]);
  });

  it('sletter medarbejderformularers engangsnøgler efter 30 dage, ikke nyere', async () => {
    const sofie = defined(
      foerste(await db.select().from(medarbejdere).where(eq(medarbejdere.navn, 'Sofie Lund'))),
      'Sofie',
    );
    const noegle = async (n: string, tidspunkt: string) =>
      await db.insert(formularnoegler).values({ noegle: n, medarbejderId: sofie.id, resultat: 'x', tidspunkt });
    await noegle('gammel', dageSiden(31));
    await noegle('ny', dageSiden(29));
    expect((await ryd(db, perioder, mappe, NU)).formularnoegler).toBe(1);
    expect(await db.select({ n: formularnoegler.noegle }).from(formularnoegler)).toEqual([{ n: 'ny' }]);
  });

  it('sletter formularkladder, der ikke er rettet i 30 dage, ikke nyere', async () => {
    const { gemKladde } = await import('#/features/kladder/kladder.server.ts');
    const kladde = async (sti: string, dage: number) =>
      await gemKladde(db, 'p:x', { sti, felter: [['tekst', 'Min klage']] }, new Date(NU.getTime() - dage * 86_400_000));
    await kladde('/gammel', 31);
    await kladde('/ny', 29);
    expect((await ryd(db, perioder, mappe, NU)).formularkladder).toBe(1);
    expect((await db.select({ sti: formularkladder.sti }).from(formularkladder)).map((k) => k.sti)).toEqual(['/ny']);
  });

  it('ændrer intet, når intet er for gammelt', async () => {
    await kladde('ny', dageSiden(1));
    const logFoer = defined(foerste(await db.select({ n: count() }).from(audit)), 'Antallet').n;
    expect(await ryd(db, perioder, mappe, NU)).toEqual({
      sessioner: 0,
      kladder: 0,
      bilag: 0,
      logposter: 0,
      foraeldreloeseFiler: 0,
      hastighedsvinduer: 0,
      formularnoegler: 0,
      formularkladder: 0,
    });
    expect(await kladdeIds()).toEqual(['ny']);
    expect(defined(foerste(await db.select({ n: count() }).from(audit)), 'Antallet').n).toBe(logFoer);
    expect(
      foerste(await db.select().from(hjaelpemiddelKladder).where(eq(hjaelpemiddelKladder.id, 'ny'))),
    ).toBeDefined();
  });
});

describe('opbevaringsperioderne', () => {
  it('er 30 dage for kladder og 5 år for loggen, uden andet sat', () => {
    expect(opbevaring(lesMiljoe({}))).toEqual({ kladdeDage: 30, logDage: 1826 });
  });

  it('kan sættes i miljøet', () => {
    expect(opbevaring(lesMiljoe({ OPBEVARING_KLADDE_DAGE: '14', OPBEVARING_LOG_DAGE: '730' }))).toEqual({
      kladdeDage: 14,
      logDage: 730,
    });
  });

  it.each(['0', '-3', 'tre', '1.5'])('afviser %j, så serveren ikke starter med en forkert periode', (v) => {
    expect(() => lesMiljoe({ OPBEVARING_KLADDE_DAGE: v })).toThrow('OPBEVARING_KLADDE_DAGE skal være et helt tal');
  });
});
