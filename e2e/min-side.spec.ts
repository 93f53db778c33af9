import { expect, type Page, test } from '@playwright/test';
import ICAL from 'ical.js';
import { defined } from '#/lib/defined.ts';
import { expectNoAxeViolations, expectNoAxeViolationsPaaBredder } from './axe.ts';
import { loginSom } from './login.ts';

async function aabnSag(page: Page, titel: string) {
  await page.goto('/min-side');
  await page.getByRole('link', { name: titel, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titel);
}

test.describe('Ali', () => {
  // In order: the form is scanned before Ali complains, and a second complaint is not offered.
  test.describe.configure({ mode: 'serial' });

  test('Min side siger først, hvad Ali skal gøre: svare på partshøringen, forberede et møde og måske klage', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginSom(page, 'Ali Hassan');
    const opgaver = page.getByRole('region', { name: 'Det skal du gøre' }).getByRole('listitem');
    // Soonest first: the partshøring (7 December), the meeting (9 December), the complaint deadline (14 December).
    await expect(opgaver).toHaveCount(3);
    await expect(opgaver.nth(0)).toContainText('Svar på partshøringen i sagen "Ledsagelse" senest 7. december 2026.');
    await expect(opgaver.nth(1)).toContainText(
      'Forbered dig til mødet "Opfølgningsmøde om din plan" den 9. december 2026',
    );
    await expect(opgaver.nth(2)).toContainText(
      'Er du uenig i afgørelsen i sagen "Dækning af merudgifter"? Klagefristen er 14. december 2026.',
    );
    await opgaver.nth(0).getByRole('link', { name: 'Læs oplysningerne og svar' }).click();
    await expect(page).toHaveURL(/\/partshoering$/);
    await page.goBack();
    await expectNoAxeViolations(page);
  });

  test('afgørelsen og klageformularen består axe, også med fejl', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await aabnSag(page, 'Dækning af merudgifter');
    await expectNoAxeViolations(page);
    await page.goto(`${page.url()}/klage`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Send klagen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('ser afslaget med klagevejledning og nedtælling, og klager uden JavaScript', async ({ browser }) => {
    // axe needs JavaScript, so the accessibility scans of these pages are in the test below.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginSom(page, 'Ali Hassan');
    await aabnSag(page, 'Dækning af merudgifter');
    await expect(page.getByRole('heading', { name: 'Afgørelse: Afslag' })).toBeVisible();
    await expect(page.getByText(/Klagefristen er .* – om 12 dage\./)).toBeVisible();
    await expect(page.getByText(/Vi regner med, at du fik afgørelsen den/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Afgørelse: afslag på dækning af merudgifter/ })).toBeVisible();

    await page.getByRole('link', { name: 'Klag over afgørelsen' }).click();
    // Too short: the error is shown at the field and in the summary, and the text is kept.
    await page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill('Uenig');
    await page.getByRole('button', { name: 'Send klagen' }).click();
    const opsummering = page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
    await expect(opsummering.getByRole('link', { name: /mindst 10 tegn/ })).toHaveAttribute('href', '#klage-tekst');
    await expect(page.getByLabel('Hvorfor er du uenig i afgørelsen?')).toHaveValue('Uenig');
    await expect(page.getByLabel('Hvorfor er du uenig i afgørelsen?')).toHaveAttribute('aria-invalid', 'true');

    const tekst = 'Jeg har udgifter til medicin og transport hver måned. <script>alert(1)</script>';
    await page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill(tekst);
    await page.getByRole('button', { name: 'Send klagen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
    await expect(page.getByText('Vi har modtaget din klage.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Din klage/ })).toContainText(tekst);
    await expect(page.getByRole('row', { name: /Kvitteringsnummer/ })).toContainText(/K-\d{4}-[A-Z0-9]{6}/);
    const kvittering = page.url();

    await page.getByRole('link', { name: 'Tilbage til sagen' }).click();
    await expect(page.getByRole('heading', { name: 'Din klage' })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Klage');
    await expect(page.getByRole('link', { name: 'Klag over afgørelsen' })).toHaveCount(0);
    // A second complaint on the same decision: the form is not offered again.
    await page.goto(`${page.url()}/klage`);
    await expect(page.getByText('Du har allerede klaget over denne afgørelse.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send klagen' })).toHaveCount(0);

    // The receipt page, scanned with JavaScript on in the same session.
    const medJs = await browser.newContext({ storageState: await context.storageState() });
    const p2 = await medJs.newPage();
    await p2.goto(kvittering);
    await p2
      .getByText(/Kvitteringsnummer/)
      .first()
      .waitFor();
    await expectNoAxeViolations(p2);
    await medJs.close();
    await context.close();
  });

  test('læser partshøringens oplysninger, tjekker svaret, får én kvittering og tilføjer til svaret inden fristen', async ({
    page,
  }) => {
    // Axe at three widths on several states: close to a minute on CI, so it gets two.
    test.setTimeout(120_000);
    // Every state is scanned at three widths.
    test.slow();
    await loginSom(page, 'Ali Hassan');
    await aabnSag(page, 'Ledsagelse');
    // The law's word explained, and the law last, in words.
    await expect(page.getByText('En ledsager, der kan tage med dig til aktiviteter, du selv vælger.')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Serviceloven § 97 om ledsagelse' })).toBeVisible();
    await expect(page.getByText(/Svar senest .* \(om 5 dage\)/)).toBeVisible();
    await page.getByRole('link', { name: 'Læs oplysningerne og svar' }).click();
    // The statement itself, not a line about it (forvaltningsloven § 19).
    await expect(page.getByText('Jeg vurderer, at Ali kan færdes alene i sit nærområde')).toBeVisible();
    await expectNoAxeViolationsPaaBredder(page);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Skriv dine bemærkninger/ })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await page.getByLabel('Dine bemærkninger').fill('Lægen har ikke set mig siden sidste år.');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    // The check step shows the text back; nothing is sent yet.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dit svar, før du sender det');
    await expect(page.getByText('Lægen har ikke set mig siden sidste år.')).toBeVisible();
    await expectNoAxeViolationsPaaBredder(page);
    await page.getByRole('button', { name: 'Ret i svaret' }).click();
    await expect(page.getByLabel('Dine bemærkninger')).toHaveValue('Lægen har ikke set mig siden sidste år.');
    await page
      .getByLabel('Dine bemærkninger')
      .fill('Lægen har ikke set mig siden sidste år. Jeg kan ikke tage bussen alene.');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    // A double click sends the form twice: the second submit may abort the first navigation, so the
    // test waits for where the browser ends up (as hjaelpemidler.spec.ts does), not for one navigation.
    await page.getByRole('button', { name: 'Send svaret' }).dblclick();
    await expect(page).toHaveURL(/partshoering$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
    await expect(page.getByText('Jeg kan ikke tage bussen alene.')).toHaveCount(1);
    await expectNoAxeViolationsPaaBredder(page);

    // Until the deadline the answer can be added to, through the same check step, each with a receipt.
    await page.getByLabel('Det vil du tilføje').fill('Jeg har fået en ny læge i Hedensted.');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dit svar, før du sender det');
    await page.getByRole('button', { name: 'Send tilføjelsen' }).dblclick();
    await expect(page).toHaveURL(/modtaget=tilfoejelse$/);
    await expect(page.getByText('Vi har modtaget din tilføjelse til svaret.')).toBeVisible();
    const tilfoejet = page.getByRole('region', { name: 'Det har du tilføjet' });
    await expect(tilfoejet.getByText('Jeg har fået en ny læge i Hedensted.')).toHaveCount(1);
    await expect(tilfoejet.getByText(/Kvitteringsnummer P-/)).toHaveCount(1);
    await expectNoAxeViolations(page);

    await aabnSag(page, 'Ledsagelse');
    await expect(page.getByText('Vi har modtaget dit svar på partshøringen.')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Læs oplysningerne og svar' })).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: /Se dit svar og kvitteringen, eller tilføj til svaret indtil/ }),
    ).toBeVisible();
  });

  test('henter opfølgningsmødet som .ics, der kan læses af en kalender', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await page.getByRole('link', { name: 'Mine møder' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Opfølgningsmøde om din plan' }).click();
    // A place people can find: the street address and whether there are steps.
    await expect(page.getByRole('definition').filter({ hasText: 'Vestergade 12, 7160 Tørring' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Indgang i gadeniveau uden trin' })).toBeVisible();
    await expectNoAxeViolationsPaaBredder(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Føj til kalender (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await (await download.createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(ics).toContain('\r\n');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(defined(cal.getFirstSubcomponent('vevent'), 'VEVENT'));
    expect(event.summary).toBe('Opfølgningsmøde om din plan');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    expect(String(event.location)).toBe('Voksenhandicap, Tørring, Vestergade 12, 7160 Tørring');
  });

  test('tilføjer et emne og en bisidder til mødet; fejl vises ved feltet', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await page.goto('/min-side/moeder');
    await page.getByRole('link', { name: 'Opfølgningsmøde om din plan' }).click();
    await page.getByRole('button', { name: 'Tilføj emne' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Skriv dit emne/ })).toBeVisible();
    await page.getByLabel('Hvad vil du gerne tale om?').fill('Min nye bolig i Uldum');
    await page.getByRole('button', { name: 'Tilføj emne' }).click();
    await expect(page.getByText('Dit emne er tilføjet til dagsordenen')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Min nye bolig i Uldum' })).toContainText(
      'tilføjet af Ali Hassan',
    );
    await page.getByLabel('Ja, jeg tager en bisidder med').check();
    await page.getByLabel('Bisidderens navn').fill('Hanne Jensen');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText('Du tager Hanne Jensen med som bisidder')).toBeVisible();
  });

  test('ser sin plan og Forandringskompasset som diagram og tabel', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await page.getByRole('link', { name: 'Min plan' }).click();
    await expect(page.getByRole('heading', { name: 'Mit mål: Bo i egen lejlighed og have et job' })).toBeVisible();
    await expect(page.getByText('Lave en ugeplan og følge den')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('Min side lover kun et svar på de sager, der venter på en afgørelse', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await page.goto('/min-side');
    const sag = (titel: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('link', { name: titel, exact: true }) });
    await expect(sag('Ledsagelse')).toContainText('Forventet svar');
    // Decided (and by now complained about): the old deadline is no answer date any more.
    await expect(sag('Dækning af merudgifter')).toContainText('Trin');
    await expect(sag('Dækning af merudgifter')).not.toContainText('Forventet svar');
  });

  test('tilbagekalder et samtykke med kvittering; uden kryds gives en fejl', async ({ page }) => {
    await loginSom(page, 'Ali Hassan');
    await page.getByRole('link', { name: 'Mine samtykker' }).click();
    await expectNoAxeViolations(page);
    await page
      .getByRole('link', { name: /Tilbagekald/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Tilbagekald samtykket' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Sæt kryds/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Jeg vil tilbagekalde samtykket').check();
    await page.getByRole('button', { name: 'Tilbagekald samtykket' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
    await expectNoAxeViolations(page);
    await page.goto('/min-side/samtykker');
    await expect(page.getByRole('row').filter({ hasText: 'Egen læge' })).toContainText('Tilbagekaldt');
  });
});

test.describe('Birgit', () => {
  test('ser at fristen er overskredet, den nye dato og grunden', async ({ page }) => {
    await loginSom(page, 'Birgit Sørensen');
    await aabnSag(page, 'Boligindretning');
    const varsel = page.getByRole('note').filter({ hasText: 'Vi kan ikke nå at svare inden fristen' });
    await expect(varsel).toContainText('Vi forventer nu at svare senest');
    await expect(varsel).toContainText('ergoterapeuten');
    await expect(page.getByRole('heading', { name: 'Din sag er overgået til Peter Nørgaard' })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Vi vurderer din sag');
    await expectNoAxeViolations(page);
  });

  test('ser tjeklisten til det første møde', async ({ page }) => {
    await loginSom(page, 'Birgit Sørensen');
    await page.getByRole('link', { name: 'Mine møder' }).click();
    await page.getByRole('link', { name: 'Første møde om din ansøgning' }).click();
    await expect(page.getByRole('heading', { name: 'Forbered dig til det første møde' })).toBeVisible();
    await expect(page.getByText(/bisidder/i).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('læser og henter kvitteringsbrevet', async ({ page }) => {
    await loginSom(page, 'Birgit Sørensen');
    await aabnSag(page, 'Praktisk hjælp og madservice');
    await page.getByRole('link', { name: /Kvittering: Kvittering for din ansøgning/ }).click();
    await expect(page.getByText('Vi har modtaget din ansøgning.')).toBeVisible();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent brevet som tekstfil' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kvittering-\d{4}-\d{2}-\d{2}\.txt$/);
  });
});

test('Karin ser Jens sager og møder inden for fuldmagten, men ikke hans plan', async ({ page }) => {
  await loginSom(page, 'Karin Madsen');
  await page.goto('/min-side/vaelg');
  await page.getByLabel('Jens Madsen').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jens Madsens side');
  await expect(page.getByRole('link', { name: 'Møder' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan og mål' })).toHaveCount(0);
  // Refused with an explanation she can act on, not a bare "Siden findes ikke".
  expect((await page.goto('/min-side/plan'))?.status()).toBe(403);
  await expect(
    page.getByText('Din fuldmagt fra Jens Madsen giver ikke adgang til at se planen og målene.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fuldmagter' }).last()).toHaveAttribute('href', '/min-side/fuldmagter');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.goto('/min-side/moeder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jens Madsens møder');
  await page.getByRole('link', { name: 'Opfølgning på din plan' }).click();
  await expect(page.getByText('Du handler nu på vegne af Jens Madsen')).toBeVisible();
  // A fuldmagt to see meetings is not a right to change them.
  await expect(page.getByRole('button', { name: 'Tilføj emne' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('Ali beder om aktindsigt i sin sag om ledsagelse uden JavaScript: fejl ved feltet, så kvittering med svarfrist', async ({
  browser,
}) => {
  // Axe at three widths on several states: close to a minute on CI, so it gets two.
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginSom(page, 'Ali Hassan');
  await aabnSag(page, 'Ledsagelse');
  await expect(page.getByRole('heading', { name: 'Dine rettigheder i sagen' })).toBeVisible();
  await page.getByRole('link', { name: 'Bed om aktindsigt' }).click();
  await page.getByLabel('Hvad vil du se?').fill('Alt');
  await page.getByRole('button', { name: 'Send anmodningen' }).click();
  await expect(page.locator('#aktindsigt-tekst-fejl')).toContainText('Skriv, hvad du vil se');
  await expect(page.getByLabel('Hvad vil du se?')).toHaveValue('Alt');
  await page.getByLabel('Hvad vil du se?').fill('Alle dokumenter i sagen, også jeres notater fra mødet.');
  await page.getByRole('button', { name: 'Send anmodningen' }).click();
  await expect(page.getByText('Vi har modtaget din anmodning om aktindsigt.')).toBeVisible();
  // Received Wednesday 2 December 2026: 7 working days later is Friday 11 December.
  await expect(page.getByRole('row', { name: /Du får svar senest/ })).toContainText('11. december 2026');
  await expect(page.getByRole('row', { name: /Kvitteringsnummer/ })).toContainText(/A-\d{4}-[A-Z0-9]{6}/);
  await page.getByRole('link', { name: 'Tilbage til sagen' }).click();
  await expect(page.getByText(/Du bad om aktindsigt .*Du får svar senest 11\. december 2026/)).toBeVisible();

  // The staff form's error state, scanned with axe (which needs JavaScript); nothing is saved.
  const staffJs = await browser.newContext();
  const sofieJs = await staffJs.newPage();
  await loginSom(sofieJs, 'Sofie Lund', { medarbejder: true });
  await sofieJs
    .getByRole('row', { name: /Ali Hassan.*Ledsagelse/ })
    .getByRole('link', { name: 'Ledsagelse' })
    .click();
  await sofieJs
    .getByRole('form', { name: /Modtaget .* fra Ali Hassan/ })
    .getByRole('button', { name: 'Markér som besvaret' })
    .click();
  await expect(sofieJs.getByRole('link', { name: 'Skriv til borgeren, hvordan du har svaret.' })).toBeVisible();
  await expectNoAxeViolations(sofieJs);
  await staffJs.close();

  // Sofie sees the request's deadline in her caseload and marks it answered, also without JavaScript.
  const staff = await browser.newContext({ javaScriptEnabled: false });
  const sofie = await staff.newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  const raekke = sofie.getByRole('row', { name: /Ali Hassan.*Ledsagelse/ });
  await expect(raekke).toContainText('11. december 2026 (svar på aktindsigt)');
  await raekke.getByRole('link', { name: 'Ledsagelse' }).click();
  const anmodning = sofie.getByRole('form', { name: /Modtaget .* fra Ali Hassan/ });
  await expect(anmodning).toContainText('Svar senest 11. december 2026.');
  await anmodning.getByRole('button', { name: 'Markér som besvaret' }).click();
  await expect(sofie.getByRole('link', { name: 'Skriv til borgeren, hvordan du har svaret.' })).toBeVisible();
  await sofie
    .getByLabel('Sådan har I svaret (borgeren ser det)')
    .fill('Vi har sendt dokumenterne til dig med Digital Post.');
  await sofie.getByRole('button', { name: 'Markér som besvaret' }).click();
  await expect(sofie.getByText('Anmodningen er markeret som besvaret.')).toBeVisible();
  await expect(sofie.getByText(/Besvaret .*: Vi har sendt dokumenterne til dig med Digital Post\./)).toBeVisible();
  await staff.close();

  await page.reload();
  await expect(
    page.getByText(/Du bad om aktindsigt .*Vi svarede .*: Vi har sendt dokumenterne til dig med Digital Post\./),
  ).toBeVisible();
  await context.close();

  const medJs = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await loginSom(medJs, 'Ali Hassan');
  await aabnSag(medJs, 'Ledsagelse');
  await medJs.getByRole('link', { name: 'Bed om aktindsigt' }).click();
  await expectNoAxeViolations(medJs);
  await medJs.getByRole('button', { name: 'Send anmodningen' }).click();
  await expectNoAxeViolations(medJs);
});
