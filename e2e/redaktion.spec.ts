/**
 * Redaktion (issue 16): an editor finds the content and every page citing a paragraph, without
 * JavaScript and at every width; an editor reaches no case, and a caseworker no content.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsPaaBredder } from './axe.ts';
import { spoergKolonne } from './database.ts';
import { rikkeRedaktoer } from './ekstra-personer.ts';
import { loginSom } from './login.ts';

test('Rikke finder hver side, der henviser til Serviceloven § 112, også uden JavaScript', async ({ browser }) => {
  // Axe at three widths on several states: close to a minute on CI, so it gets two.
  test.setTimeout(120_000);
  await rikkeRedaktoer();
  // The form is tried without JavaScript; axe runs in a page with it (it needs script to scan).
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(page, 'Rikke Redaktør', { medarbejder: true });
  // An editor's start page is the content; the menu has nothing of cases.
  await page.goto('/medarbejder');
  await expect(page).toHaveURL(/\/medarbejder\/indhold$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indhold');
  await expect(page.getByRole('navigation', { name: 'Medarbejder' }).getByRole('link')).toHaveText(['Indhold']);
  await expect(page.getByRole('heading', { name: /^\d+ sider$/ })).toBeVisible();

  await page.getByLabel('Henviser til paragraf').fill('Serviceloven § 112');
  await page.getByRole('button', { name: 'Find' }).click();
  const tabel = page.getByRole('table');
  await expect(tabel.getByRole('row').filter({ hasText: 'Badebænk' })).toContainText('Serviceloven § 112');
  await expect(tabel).not.toContainText('Hvad ændrer sig, når du fylder 18?');
  for (const raekke of await tabel.getByRole('row').all())
    if ((await raekke.getByRole('cell').count()) > 0) await expect(raekke).toContainText('Serviceloven § 112');

  // A paragraph without its law: the message next to the field, and what she typed is kept.
  await page.getByLabel('Henviser til paragraf').fill('§ 112');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('Skriv loven og paragraffen, fx Serviceloven § 112.')).toBeVisible();
  await expect(page.getByLabel('Henviser til paragraf')).toHaveValue('§ 112');
  await expect(page.getByLabel('Henviser til paragraf')).toHaveAttribute('aria-invalid', 'true');

  const medScript = await (await browser.newContext()).newPage();
  await loginSom(medScript, 'Rikke Redaktør', { medarbejder: true });
  for (const adresse of ['/medarbejder/indhold', `/medarbejder/indhold?paragraf=${encodeURIComponent('§ 112')}`]) {
    await medScript.goto(adresse);
    await expectNoAxeViolationsPaaBredder(medScript);
  }
});

test('en redaktør når ingen sag, heller ikke i sin egen enhed; en sagsbehandler når ikke indholdet', async ({
  browser,
}) => {
  await rikkeRedaktoer();
  const [jensSag] = await spoergKolonne(`select id from sager where titel = 'Hjælpemiddel: badebænk'`);
  expect(jensSag).toBeTruthy();
  const rikke = await (await browser.newContext()).newPage();
  await loginSom(rikke, 'Rikke Redaktør', { medarbejder: true });
  expect((await rikke.goto(`/medarbejder/sager/${String(jensSag)}`))?.status()).toBe(404);
  expect((await rikke.goto('/medarbejder/beskeder'))?.status()).not.toBe(500);
  await expect(rikke.getByText('Jens Madsen')).toHaveCount(0);

  const sofie = await (await browser.newContext()).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  expect((await sofie.goto('/medarbejder/indhold'))?.status()).toBe(404);
  await sofie.goto('/medarbejder');
  await expect(
    sofie.getByRole('navigation', { name: 'Medarbejder' }).getByRole('link', { name: 'Indhold' }),
  ).toHaveCount(0);
});
