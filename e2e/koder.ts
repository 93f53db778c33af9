/**
 * Staff and citizens read labels, never the codes behind them (`under-vurdering`, `levering-aftalt`,
 * `oest`). Every page scanned with axe is also read for them. Only codes no Danish text could
 * contain are checked: those with a hyphen, or spelt with oe/ae/aa for ø/æ/å.
 */
import { expect, type Page } from '@playwright/test';
import { getTableColumns, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as skema from '../db/schema.ts';
import { kommune } from '../src/config/kommune.ts';
import { alleJournalTyper } from '../src/features/journal/typer.ts';

const skemaetsKoder = Object.values(skema).flatMap((t) =>
  is(t, SQLiteTable)
    ? Object.values(getTableColumns(t)).flatMap((c) => ('enumValues' in c ? (c.enumValues ?? []) : []))
    : [],
);

export const raaKoder = [
  ...new Set([
    ...skemaetsKoder,
    ...alleJournalTyper,
    ...kommune.teams.map((t) => t.id),
    ...kommune.enheder.map((e) => e.id),
  ]),
].filter((k) => /-|oe|ae|aa/.test(k));

const somOrd = new RegExp(`(?<![\\p{L}\\d-])(${raaKoder.join('|')})(?![\\p{L}\\d-])`, 'u');

export async function expectIngenRaaKoder(page: Page) {
  const tekst = (await page.locator('body').textContent()) ?? '';
  expect(tekst.match(somOrd)?.[0], `en rå kode står på ${page.url()}`).toBeUndefined();
}
