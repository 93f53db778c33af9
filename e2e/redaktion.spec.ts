/**
 * Redaktion (issue 16): an editor finds the content and every page citing a paragraph, without
 * JavaScript and at every width; an editor reaches no case, and a caseworker no content.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsPaaBredder } from './axe.ts';
import { spoergKolonne } from './database.ts';
import { rasmusRedaktoer, rikkeRedaktoer } from './ekstra-personer.ts';
import { efterNu } from './klokke.ts';
import { loginSom, saetDato } from './login.ts';

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

test('Rikke retter en pjece, Rasmus godkender, og en borger ser og finder den med det samme; en gammel version gendannes til et planlagt tidspunkt', async ({
  browser,
}) => {
  // Two editors, a visitor, and axe at three widths: more than a minute on CI.
  test.setTimeout(180_000);
  await rikkeRedaktoer();
  await rasmusRedaktoer();
  const pjece = '/pjecer/din-plan-og-forandringskompasset';
  const redigering = '/medarbejder/indhold/pjecer/din-plan-og-forandringskompasset';
  const nySaetning = 'Husk at tage din kalender med til mødet om planen.';
  const gemt = (page: import('@playwright/test').Page) => page.getByRole('status');

  // Rikke edits without JavaScript, from the overview's link.
  const rikke = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(rikke, 'Rikke Redaktør', { medarbejder: true });
  await rikke.goto('/medarbejder/indhold?soeg=Forandringskompasset');
  await rikke.getByRole('link', { name: 'Din plan og Forandringskompasset' }).click();
  await expect(rikke).toHaveURL(redigering);
  await expect(rikke.getByLabel('Titel', { exact: true })).toHaveValue('Din plan og Forandringskompasset');

  // A bad value: the schema's Danish message at the field, and nothing she typed is lost.
  const tekst = rikke.getByLabel('Tekst (Markdown)');
  const gammelTekst = await tekst.inputValue();
  await tekst.fill(`${gammelTekst.trimEnd()}\n\n${nySaetning}\n`);
  await rikke.getByLabel('Rækkefølge').fill('først');
  await rikke.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(rikke.getByLabel('Rækkefølge')).toHaveAttribute('aria-invalid', 'true');
  await expect(rikke.locator('#fm-raekkefoelge-fejl')).toHaveText('Fejl: skal være et tal');
  await expect(rikke.getByLabel('Rækkefølge')).toHaveValue('først');
  await expect(rikke.getByLabel('Tekst (Markdown)')).toHaveValue(new RegExp(nySaetning));

  // A link to a page that is not published: the message at the text, and the text kept.
  await rikke.getByLabel('Rækkefølge').fill('8');
  await rikke
    .getByLabel('Tekst (Markdown)')
    .fill(`${gammelTekst.trimEnd()}\n\n${nySaetning} Se [mødet](/pjecer/findes-ikke).\n`);
  await rikke.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(rikke.locator('#tekst-fejl')).toHaveText(
    'Fejl: Linket til /pjecer/findes-ikke peger på en side, der ikke findes eller ikke er publiceret.',
  );
  await expect(rikke.getByLabel('Tekst (Markdown)')).toHaveValue(/findes-ikke/);
  await rikke.getByLabel('Tekst (Markdown)').fill(`${gammelTekst.trimEnd()}\n\n${nySaetning}\n`);
  await rikke.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(gemt(rikke)).toHaveText('Kladden er gemt. Den er ikke offentlig endnu.');
  await expect(rikke.getByRole('region', { name: /Forhåndsvisning/ })).toContainText(nySaetning);
  // Saved is not public.
  const besoegende = await (await browser.newContext()).newPage();
  await besoegende.goto(pjece);
  await expect(besoegende.getByRole('article')).not.toContainText(nySaetning);

  // The draft on the public page itself, for her only.
  await rikke.getByRole('link', { name: 'Se version 2 på siden, som borgerne vil se den' }).click();
  await expect(rikke.getByRole('note')).toContainText('Forhåndsvisning af version 2.');
  await expect(rikke.getByRole('article')).toContainText(nySaetning);
  await besoegende.goto(`${pjece}?forhaandsvisning=2`);
  await expect(besoegende.getByRole('article')).not.toContainText(nySaetning);
  await rikke.goto(redigering);
  await rikke.getByRole('button', { name: 'Send til godkendelse' }).click();
  await expect(gemt(rikke)).toContainText('Versionen er sendt til godkendelse.');
  // Four eyes: she cannot approve what she wrote.
  await expect(rikke.getByRole('button', { name: 'Godkend og publicer' })).toHaveCount(0);
  await expect(rikke.getByText('venter på, at en anden redaktør godkender den')).toBeVisible();

  const rasmus = await (await browser.newContext()).newPage();
  await loginSom(rasmus, 'Rasmus Redaktør', { medarbejder: true });
  await rasmus.goto(redigering);
  await expectNoAxeViolationsPaaBredder(rasmus);
  await rasmus.getByRole('button', { name: 'Godkend og publicer' }).click();
  await expect(gemt(rasmus)).toHaveText('Versionen er publiceret. Borgerne kan se den nu.');

  // Live without a build or a restart, on whichever worker answers; search finds the new word.
  await expect(async () => {
    await besoegende.goto(pjece);
    await expect(besoegende.getByRole('article')).toContainText(nySaetning, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    await besoegende.goto('/soeg?q=kalender');
    await expect(besoegende.getByRole('link', { name: 'Din plan og Forandringskompasset' })).toBeVisible({
      timeout: 500,
    });
  }).toPass({ timeout: 10_000 });

  // History: who wrote and approved; version 1 restored as a new draft, approved for 12:00 today.
  const historik = rasmus.getByRole('table');
  await expect(historik.getByRole('row').filter({ hasText: /^2/ })).toContainText('Rikke Redaktør');
  await expect(historik.getByRole('row').filter({ hasText: /^2/ })).toContainText('Rasmus Redaktør');
  // What Rikke changed: the new line marked as new.
  await rasmus.getByRole('link', { name: 'Se ændringer i version 2' }).click();
  const aendringer = rasmus.getByRole('region', { name: 'Ændringer i version 2' });
  await expect(aendringer.locator('ins').filter({ hasText: nySaetning })).toHaveText(`Ny linje: ${nySaetning}`);
  await expect(aendringer.locator('del')).toHaveCount(0);
  await rasmus.getByRole('button', { name: 'Gendan version 1 som kladde' }).click();
  await expect(gemt(rasmus)).toContainText('Den gamle version er lagt ind som ny kladde.');
  await expect(rasmus.getByLabel('Tekst (Markdown)')).not.toHaveValue(new RegExp(nySaetning));
  await rasmus.getByRole('button', { name: 'Send til godkendelse' }).click();
  await rikke.goto(redigering);
  // E2E_NU is 11:00 in Copenhagen; the restored text goes live at 12:00.
  await rikke.getByLabel('Publicer fra').fill('2026-12-02T12:00');
  await rikke.getByRole('button', { name: 'Godkend og publicer' }).click();
  await expect(gemt(rikke)).toHaveText('Versionen er godkendt og bliver offentlig på det valgte tidspunkt.');

  await besoegende.goto(pjece);
  await expect(besoegende.getByRole('article')).toContainText(nySaetning);
  await saetDato(besoegende, efterNu(0, 61));
  await besoegende.goto(pjece);
  await expect(besoegende.getByRole('article')).not.toContainText(nySaetning);
  await expect(besoegende.getByRole('article')).toContainText('Din plan er din');
});

test('en sagsbehandler kan ikke åbne en side til redigering', async ({ browser }) => {
  const sofie = await (await browser.newContext()).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  expect((await sofie.goto('/medarbejder/indhold/pjecer/din-plan-og-forandringskompasset'))?.status()).toBe(404);
});

test('Rikke lægger et billede op med alternativ tekst, også uden JavaScript; alle kan hente det, og det vises aldrig som en side', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await rikkeRedaktoer();
  // A 1x1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const rikke = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(rikke, 'Rikke Redaktør', { medarbejder: true });
  await rikke.goto('/medarbejder/indhold');
  await rikke.getByRole('link', { name: 'Billeder og PDF-filer' }).click();
  await expect(rikke.getByRole('heading', { level: 1 })).toHaveText('Billeder og PDF-filer');

  // An image must say what it shows.
  await rikke.getByLabel('Vælg en fil').setInputFiles({ name: 'badebaenk.png', mimeType: 'image/png', buffer: png });
  await rikke.getByRole('button', { name: 'Læg filen op' }).click();
  await expect(rikke.locator('#alt-fejl')).toHaveText(
    'Fejl: Skriv, hvad billedet viser, til dem der ikke kan se det (alternativ tekst).',
  );
  // A text file called .png is no image.
  await rikke
    .getByLabel('Vælg en fil')
    .setInputFiles({ name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('<script>') });
  await rikke.getByLabel('Hvad viser billedet?').fill('Badebænk med ryglæn');
  await rikke.getByRole('button', { name: 'Læg filen op' }).click();
  await expect(rikke.locator('#fil-fejl')).toContainText(
    'Filen skal være en PDF, et JPEG-billede eller et PNG-billede',
  );
  await expect(rikke.getByLabel('Hvad viser billedet?')).toHaveValue('Badebænk med ryglæn');

  await rikke.getByLabel('Vælg en fil').setInputFiles({ name: 'badebaenk.png', mimeType: 'image/png', buffer: png });
  await rikke.getByRole('button', { name: 'Læg filen op' }).click();
  const markdown = await rikke.getByRole('status').locator('code').textContent();
  expect(markdown).toMatch(/^!\[Badebænk med ryglæn\]\(\/indhold\/filer\/[0-9a-f-]+\)$/);
  const adresse = markdown?.match(/\((.*)\)/)?.[1] ?? '';

  // Anyone may fetch it: its own type, shown inline, sandboxed if opened as a page.
  const besoegende = await (await browser.newContext()).newPage();
  const svar = await besoegende.request.get(adresse);
  expect(svar.status()).toBe(200);
  expect(svar.headers()['content-type']).toBe('image/png');
  expect(svar.headers()['content-disposition']).toContain('inline');
  expect(svar.headers()['content-security-policy']).toContain('sandbox');
  expect(Buffer.from(await svar.body()).equals(png)).toBe(true);

  // A new pjece showing the image: written by Rikke, approved by Rasmus, then public with its alt text.
  await rasmusRedaktoer();
  await rikke.goto('/medarbejder/indhold');
  await rikke.getByRole('link', { name: 'Ny side' }).click();
  await rikke.getByLabel('Adresse').fill('Badebænk i badekarret');
  await rikke.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(rikke.locator('#slug-fejl')).toHaveText(
    'Fejl: Adressen må kun have små bogstaver, tal og bindestreger.',
  );
  await rikke.getByLabel('Adresse').fill('badebaenk-i-badekarret');
  await rikke.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(rikke.getByRole('heading', { level: 1 })).toHaveText('Ny side: badebaenk-i-badekarret');
  await rikke.getByLabel('Titel', { exact: true }).fill('Badebænk i badekarret');
  await rikke.getByLabel('Resumé').fill('Sådan ser en badebænk ud, og sådan låner du en.');
  await rikke.getByLabel('Område').selectOption({ label: 'Ældre' });
  await rikke.getByLabel('Opdateret').fill('2026-12-02');
  await rikke.getByLabel('Senest gennemgået').fill('2026-12-02');
  await rikke.getByLabel('Kilder').fill('Serviceloven § 112 (hjælpemidler)');
  await rikke.getByLabel('Tekst (Markdown)').fill(`Sådan ser en badebænk ud:\n\n${markdown}\n`);
  await rikke.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(rikke.getByRole('status')).toHaveText('Kladden er gemt. Den er ikke offentlig endnu.');
  await rikke.getByRole('button', { name: 'Send til godkendelse' }).click();

  const rasmus = await (await browser.newContext()).newPage();
  await loginSom(rasmus, 'Rasmus Redaktør', { medarbejder: true });
  await rasmus.goto('/medarbejder/indhold/pjecer/badebaenk-i-badekarret');
  await rasmus.getByRole('button', { name: 'Godkend og publicer' }).click();
  await expect(rasmus.getByRole('status')).toHaveText('Versionen er publiceret. Borgerne kan se den nu.');
  await expect(async () => {
    await besoegende.goto('/pjecer');
    await besoegende.getByRole('link', { name: 'Badebænk i badekarret' }).click({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(besoegende.getByRole('img', { name: 'Badebænk med ryglæn' })).toBeVisible();

  const medScript = await (await browser.newContext()).newPage();
  await loginSom(medScript, 'Rikke Redaktør', { medarbejder: true });
  for (const side of ['/medarbejder/indhold/filer', '/medarbejder/indhold/ny?samling=pjecer&slug=A']) {
    await medScript.goto(side);
    await expectNoAxeViolationsPaaBredder(medScript);
  }
});
