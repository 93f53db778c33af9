/**
 * Runs last, after every journey: the server's whole log from this e2e run (written by the
 * webServer command in playwright.config.ts) must be structured and hold no personal data.
 * What counts as personal data is read from the e2e database itself: every name, CPR number
 * and piece of case content the journeys created or read.
 */

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ONDSINDET } from '#/lib/fuzz-hjaelp.ts';
import { spoerg, spoergKolonne } from './database.ts';
import { E2E_LOG } from './server-log.ts';

test('serverens log er JSON-linjer med anmodnings-id og uden CPR-numre, navne eller sagsindhold', async () => {
  const linjer = readFileSync(E2E_LOG, 'utf8').split('\n').filter(Boolean);
  const poster = linjer.map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      throw new Error(`Ikke en JSON-linje i loggen: ${l.slice(0, 200)}`);
    }
  });
  const http = poster.filter((p) => p.haendelse === 'http');
  // A full run makes thousands of requests; a handful would mean the log was not captured.
  expect(http.length).toBeGreaterThan(500);
  for (const p of poster) expect(Object.keys(p).slice(0, 3)).toEqual(['tid', 'niveau', 'haendelse']);
  for (const p of http) expect(p.anmodning).toMatch(/^[0-9a-f-]{36}$/);
  expect(http.some((p) => p.metode === 'POST' && p.status === 302)).toBe(true);

  const foelsomt = await foelsommeTekster();

  const log = linjer.join('\n');
  const fundet = [...new Set(foelsomt)].filter((t) => log.includes(t));
  expect(fundet).toEqual([]);
  // And nothing shaped like a CPR number at all, whoever it belongs to (UUIDs aside), also after
  // a dash as in an API path (/personer/cpr-0101901234).
  const udenUuid = log.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'uuid');
  expect(udenUuid.match(/(?<![0-9a-f.])\d{6}-?\d{4}(?![0-9a-f.])/gi) ?? []).toEqual([]);
});

/** Every name, CPR number and piece of case content in the e2e database, as a log or a notice must not hold it. */
async function foelsommeTekster(): Promise<string[]> {
  const tekster = async (sql: string) =>
    (await spoergKolonne(sql)).filter((t): t is string => typeof t === 'string' && t !== '');
  const personer = (await spoerg('SELECT navn, cpr FROM personer')).map((p) => ({
    navn: String(p.navn),
    cpr: String(p.cpr),
  }));
  // Free text counts when it is words someone wrote. The fuzz also saves its own dictionary
  // ("constructor", "undefined"), today's date (in every timestamp) and ids (in the paths):
  // none of them personal data, all of them in a log by chance.
  // The fuzz also sends real ids as text (a case's id as a message's subject): an id is in every path.
  const ider = new Set([
    ...(await tekster('SELECT id FROM sager')),
    ...(await tekster('SELECT id FROM personer')),
    ...(await tekster('SELECT id FROM medarbejdere')),
  ]);
  const fritekst = [
    ...(await tekster('SELECT titel FROM sager')),
    ...(await tekster('SELECT tekst FROM klager')),
    ...(await tekster('SELECT beskrivelse FROM hjaelpemiddel_ansoegninger')),
    ...(await tekster('SELECT tekst FROM moede_emner')),
    ...(await tekster('SELECT tekst FROM beskeder')),
    ...(await tekster('SELECT emne FROM beskeder')),
  ].filter((t) => /\p{L}{3}/u.test(t) && !/^[0-9a-f-]+$/i.test(t) && !ONDSINDET.includes(t) && !ider.has(t));
  const foelsomt = [
    ...personer.flatMap((p) => [p.navn, p.cpr, `${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}`]),
    ...(await tekster('SELECT navn FROM medarbejdere')),
    ...fritekst,
  ].filter((t) => t.length >= 6);
  // The scan is only worth something if the demo people are in the list it looks for.
  expect(personer.map((p) => p.navn)).toEqual(
    expect.arrayContaining(['Ali Hassan', 'Freja Holm', 'Jens Madsen', 'Karin Madsen', 'Birgit Sørensen']),
  );
  return foelsomt;
}

test('e-mails og SMS fra hele kørslen har ingen navne, CPR-numre eller sagsindhold, kun at der er nyt', async () => {
  const post = (await spoerg('SELECT kanal, til, emne, tekst FROM testpost')).map((p) => ({
    kanal: String(p.kanal),
    emne: String(p.emne ?? ''),
    tekst: String(p.tekst),
  }));
  // The journeys ask for notices and confirm with codes: a run without mail would test nothing.
  expect(post.filter((p) => p.emne === 'Der er nyt i Mit Forløb').length).toBeGreaterThan(0);
  const foelsomt = await foelsommeTekster();
  const alt = post.map((p) => `${p.emne}\n${p.tekst}`).join('\n');
  expect([...new Set(foelsomt)].filter((t) => alt.includes(t))).toEqual([]);
  expect(alt.match(/(?<![0-9a-f.])\d{6}-?\d{4}(?![0-9a-f.])/gi) ?? []).toEqual([]);
});
