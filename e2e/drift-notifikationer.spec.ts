/**
 * The crash test for notices: a case system puts many letters on the cases of people who asked for
 * e-mail, the server is killed with `kill -9` between the commits and the sender's delivery, and
 * after a restart every receipted letter's notice reaches every address once, bundled, and none
 * twice. Its own server, port and database (as drift-crash.spec.ts); the clock is pinned in the day,
 * so quiet hours never hold the notices back whenever CI runs.
 */
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createApiToken } from '#/features/api/noegler.server.ts';
import { defined } from '#/lib/defined.ts';
import { freshDatabase, startPortal } from '../bench/portal.ts';
import { type Db, foerste, lukDatabase, openDatabase } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { e2eDatabaseUrl } from './database.ts';

const PORT = Number(process.env.E2E_PORT ?? 4399) + 2;
const NU = '2026-12-02T10:00:00.000Z';
const BREVE = 40;

/** Each person with a case, the case system's ids, and who has asked for e-mail about them. */
const personer = [
  { navn: 'Ali Hassan', modtagere: ['Ali Hassan'] },
  { navn: 'Jens Madsen', modtagere: ['Jens Madsen', 'Karin Madsen'] },
  { navn: 'Birgit Sørensen', modtagere: ['Birgit Sørensen'] },
  { navn: 'Freja Holm', modtagere: ['Freja Holm', 'Mette Holm', 'Lars Holm'] },
];
const adresse = (navn: string) => `${navn.split(' ')[0]?.toLowerCase()}@eksempel.dk`;

async function personId(db: Db, navn: string): Promise<string> {
  return defined(foerste(await db.select().from(t.personer).where(eq(t.personer.navn, navn))), navn).id;
}

test('kill -9 mellem commit og afsendelse: ingen besked tabt, ingen sendt to gange', async ({ request }) => {
  test.setTimeout(180_000);
  let token = '';
  const database = await freshDatabase(e2eDatabaseUrl(`drift-notifikationer-${PORT}`), async (db) => {
    token = (await createApiToken(db, 'Nexus', ['skriv:breve'], new Date(NU), ['*'])).token;
    for (const [i, p] of personer.entries()) {
      const id = await personId(db, p.navn);
      await db
        .update(t.personer)
        .set({ kildeId: `Nexus:P-${i}` })
        .where(eq(t.personer.id, id));
      const sag = defined(foerste(await db.select().from(t.sager).where(eq(t.sager.personId, id))), 'Sagen');
      await db
        .update(t.sager)
        .set({ kildeId: `Nexus:S-${i}` })
        .where(eq(t.sager.id, sag.id));
      for (const m of p.modtagere)
        await db.insert(t.kontaktvalg).values({
          id: crypto.randomUUID(),
          modtagerId: await personId(db, m),
          omPersonId: id,
          kanaler: 'email',
          email: adresse(m),
          emailBekraeftet: NU,
          opdateret: NU,
        });
    }
  });
  const env = { TEST_POSTKASSE: '1', TEST_CLOCK: '1', TEST_NOW: NU };
  const logFile = `data/drift-notifikationer-${PORT}.log`;
  let portal = await startPortal({ port: PORT, database, env, logFile });

  // The letters, all at once; each 201 is a receipt. The sender's first round is 15 s after the start.
  const svar = await Promise.all(
    Array.from({ length: BREVE }, async (_, i) => {
      const r = await request.put(`${portal.url}/api/v1/breve/BR-${i}`, {
        headers: { authorization: `Bearer ${token}` },
        data: {
          personKildeId: `P-${i % personer.length}`,
          sagKildeId: `S-${i % personer.length}`,
          titel: `Brev ${i}`,
          dato: NU.slice(0, 10),
          tekst: `Tekst til brev ${i}.`,
        },
      });
      return { i, status: r.status() };
    }),
  );
  await portal.stop('SIGKILL');
  const kvitteret = svar.filter((s) => s.status === 201).map((s) => s.i);
  expect(kvitteret.length, JSON.stringify(svar)).toBe(BREVE);

  const db = openDatabase(portal.databaseUrl);
  try {
    const post = async () => (await db.select().from(t.testpost)).filter((p) => p.emne === 'Der er nyt i Mit Forløb');
    // The premise: killed before the sender delivered anything.
    expect(await post()).toEqual([]);

    portal = await startPortal({ port: PORT, database, env, logFile, genstart: true });
    await expect
      .poll(async () => (await db.select().from(t.notifikationer)).filter((n) => n.status !== 'sendt').length, {
        timeout: 60_000,
        intervals: [1000],
      })
      .toBe(0);

    const raekker = await db.select().from(t.notifikationer);
    const mails = await post();
    for (const [i, p] of personer.entries()) {
      const breve = kvitteret.filter((b) => b % personer.length === i).length;
      for (const m of p.modtagere) {
        // Every letter's notice, once, to each address (beside reminders whose day it is, as the parents' 90-day notice)...
        const deres = raekker.filter((n) => n.adresse === adresse(m));
        expect(deres.filter((n) => n.aarsag === 'dokument').length, m).toBe(breve);
        // ...all in one e-mail: none lost, none twice.
        const til = mails.filter((x) => x.til === adresse(m));
        expect(
          til.map((x) => x.tekst.split('\n')[0]),
          m,
        ).toEqual([`Der er ${deres.length} nye ting til dig i Mit Forløb.`]);
      }
    }
  } finally {
    await portal.stop();
    await lukDatabase(db);
  }
});
