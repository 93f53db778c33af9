import { expect, type Page, test } from '@playwright/test';
import { formatDato } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { expectNoAxeViolations } from './axe.ts';
import { spoerg } from './database.ts';
import { dorteDepot, jonnaLind } from './ekstra-personer.ts';
import { omDage } from './klokke.ts';
import { loginSom } from './login.ts';

const pdf = new URL('./filer/laegeerklaering.pdf', import.meta.url).pathname;

/** Goes through every step of the application, checking each with axe (when JavaScript is on) and bad input on the way. */
async function ansoeg(
  page: Page,
  { axe, hjaelpemiddel, for: paaVegneAf }: { axe: boolean; hjaelpemiddel: string; for?: string },
) {
  // Karin applying for Jens is asked about him, not about herself.
  const hverdag = paaVegneAf ? `Hvad er svært i ${paaVegneAf}' hverdag?` : 'Hvad er svært i din hverdag?';
  const varighed = paaVegneAf
    ? `Hvor længe regner du med, at ${paaVegneAf} har brug for det?`
    : 'Hvor længe regner du med at have brug for det?';
  const scan = async () => {
    if (axe) await expectNoAxeViolations(page);
  };
  await page.goto('/hjaelpemidler/ansoeg');
  await scan();
  await expect(
    page.getByText('Svar, du ikke har sendt, sletter vi, når du ikke har rettet i dem i 30 dage.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start ansøgningen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hverdag);
  // Back to the start page: the unsent draft is offered to be continued, not started again.
  await page.goto('/hjaelpemidler/ansoeg');
  await expect(page.getByText('Du har en ansøgning, du ikke har sendt endnu.')).toBeVisible();
  await page.getByRole('button', { name: 'Fortsæt din ansøgning' }).click();

  // 1. An empty required field: the message is at the field and in the summary.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hverdag);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Skriv, hvad der er svært i hverdagen.' }),
  ).toHaveAttribute('href', '#behov');
  await scan();
  await page
    .getByLabel('Beskriv med dine egne ord')
    .fill('Jeg kan ikke stå op, mens jeg går i bad. <b>Det er farligt</b>');
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  // 2. Which aid. A reload keeps the answers so far (the draft is saved).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hvilket hjælpemiddel tænker du på?');
  await page.reload();
  await scan();
  await page.getByLabel(hjaelpemiddel, { exact: true }).check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  // 3. How long. The design system's step indicator marks it; the steps passed are links back.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(varighed);
  const trin = page.getByRole('navigation', { name: 'Trin i ansøgningen' });
  const nu = trin.locator('li[aria-current="step"]').filter({ visible: true });
  await expect(nu).toContainText('Hvor længe');
  await expect(nu.locator('.step-number')).toHaveCSS('background-color', 'rgb(69, 69, 69)');
  await expect(trin.getByRole('link', { name: /Hjælpemiddel/ }).filter({ visible: true })).toHaveAttribute(
    'href',
    /\/hjaelpemiddel$/,
  );
  await expect(page.locator('.back-link svg')).toBeVisible();
  // On a phone it folds to one line, and the question stays in view.
  const stor = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(trin.getByText('Trin 3 af 6: Hvor længe')).toBeVisible();
  await expect(trin.locator('li[aria-current="step"]').filter({ visible: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await scan();
  if (stor) await page.setViewportSize(stor);
  await scan();
  await page.getByLabel('Resten af livet').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  // 4. Contact: a wrong phone number keeps everything typed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontakt og levering');
  await page.getByLabel('Telefonnummer').fill('1234');
  await page.getByLabel('Formiddag (kl. 8-12)').check();
  await page.getByLabel('Hvor skal hjælpemidlet leveres?').fill('Strandvejen 4, 7130 Juelsminde');
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /8 cifre/ })).toBeVisible();
  await expect(page.getByLabel('Telefonnummer')).toHaveValue('1234');
  await expect(page.getByLabel('Hvor skal hjælpemidlet leveres?')).toHaveValue('Strandvejen 4, 7130 Juelsminde');
  await expect(page.getByLabel('Formiddag (kl. 8-12)')).toBeChecked();
  await scan();
  await page.getByLabel('Telefonnummer').fill('20 30 40 50');
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  // 5. Attachments: a file that only pretends to be a PDF is refused; a real one is kept.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilag (valgfrit)');
  await page.getByLabel('Vælg en fil').setInputFiles({
    name: 'erklaering.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ this is not a pdf'),
  });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(
    page
      .getByRole('alert')
      .getByRole('link', { name: 'Filen skal være en PDF, et JPEG-billede eller et PNG-billede.' }),
  ).toBeVisible();
  await scan();
  await page.getByLabel('Vælg en fil').setInputFiles({
    name: 'stor.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 10)]),
  });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Filen er for stor. Den må højst være 5 MB.' }),
  ).toBeVisible();
  await page.getByLabel('Vælg en fil').setInputFiles(pdf);
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByRole('link', { name: 'laegeerklaering.pdf' })).toBeVisible();
  await page.getByRole('link', { name: 'Fortsæt' }).click();

  // 6. Check the answers; change one and come straight back.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
  await scan();
  await expect(page.getByRole('row', { name: /Det er svært/ })).toContainText('<b>Det er farligt</b>');
  await page.getByRole('link', { name: 'Ret hvor længe' }).click();
  await page.getByLabel('6 måneder eller mere').check();
  await page.getByRole('button', { name: 'Gem og gå til tjek' }).click();
  await expect(page.getByRole('row', { name: /Hvor længe/ })).toContainText('6 måneder eller mere');

  // Sent twice (a double click): one request, one receipt.
  await page.getByRole('button', { name: 'Send ansøgningen' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(page.getByRole('row', { name: /Referencenummer/ })).toContainText(/H-\d{4}-[A-Z0-9]{6}/);
  await expect(page.getByRole('row', { name: /Forventet svar/ })).toContainText('Senest');
  await scan();
  return page.url();
}

test('Jens søger om en badebænk uden JavaScript gennem alle skridt og ser den på listen', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginSom(page, 'Jens Madsen');
  await ansoeg(page, { axe: false, hjaelpemiddel: 'Badebænk' });
  await page.goto('/min-side/hjaelpemidler');
  const ansoegninger = page
    .getByRole('listitem')
    .filter({ hasText: 'Badebænk' })
    .filter({ has: page.locator('.badge', { hasText: /^Modtaget$/ }) });
  await expect(ansoegninger).toHaveCount(1);
  await expect(ansoegninger).toContainText('Forventet svar senest');
  await context.close();
});

test('Karin søger for Jens med JavaScript, og alle skridt består axe', async ({ page }) => {
  // Nine axe scans of long pages: about a minute on CI, more beside a second browser's scans.
  test.setTimeout(180_000);
  await loginSom(page, 'Karin Madsen');
  await page.goto('/min-side/vaelg');
  await page.getByLabel('Jens Madsen').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await ansoeg(page, { axe: true, hjaelpemiddel: 'Jeg ved det ikke', for: 'Jens' });
  await expect(page.getByRole('row', { name: /Sendt af/ })).toContainText('Karin Madsen på vegne af Jens Madsen');
  await page.getByRole('link', { name: 'Se dine hjælpemidler og ansøgninger' }).click();
  await expectNoAxeViolations(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jens Madsens hjælpemidler');
});

test('Jens melder rollatoren i stykker og bestiller afhentning, med kvitteringer', async ({ page }) => {
  await loginSom(page, 'Jens Madsen');
  await page.getByRole('link', { name: 'Mine hjælpemidler' }).click();
  await expect(page.getByText('Nummer HMD-10234')).toBeVisible();
  await page.getByRole('link', { name: 'Meld fejl ved Rollator HMD-10234' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send fejlmeldingen' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Skriv, hvad der er galt.' })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('link', { name: /farligt/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Hvad er galt?').fill('Bremsen i venstre side tager ikke.');
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Send fejlmeldingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(page.getByText('Brug ikke hjælpemidlet, før det er repareret.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/min-side/hjaelpemidler');
  await page.getByRole('link', { name: 'Bestil afhentning af Rollator HMD-10234' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Hvilken dag kan vi hente det?').fill('2020-01-01');
  await page.getByRole('button', { name: 'Bestil afhentning' }).click();
  await expect(page.getByRole('alert')).toContainText('eller senere');
  // At the field too, not only in the summary.
  await expect(page.locator('#dato-fejl')).toContainText('eller senere');
  await expect(page.getByLabel('Hvilken dag kan vi hente det?')).toHaveValue('2020-01-01');
  await expectNoAxeViolations(page);
  const min = await page.getByLabel('Hvilken dag kan vi hente det?').getAttribute('min');
  await page.getByLabel('Hvilken dag kan vi hente det?').fill(defined(min, 'Første mulige dag'));
  await page.getByLabel('Bemærkning til depotet').fill('Den står i gangen.');
  await page.getByRole('button', { name: 'Bestil afhentning' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expectNoAxeViolations(page);
  await page.goto('/min-side/hjaelpemidler');
  await expect(page.getByText('Fejl meldt')).toBeVisible();
  await expect(page.getByText('Afhentning bestilt')).toBeVisible();
});

test('andres bilag og udlån kan ikke åbnes via adressen', async ({ page }) => {
  await loginSom(page, 'Ali Hassan');
  expect((await page.goto('/hjaelpemidler/bilag/findes-ikke'))?.status()).toBe(404);
  expect((await page.goto('/min-side/hjaelpemidler/udlaan/findes-ikke/fejl'))?.status()).toBe(404);
});

test('depotet tager den farlige fejl først, henter Jonnas rollator og leverer hendes badebænk', async ({ browser }) => {
  // Four logins, three axe scans and a page without JavaScript: more than one test's usual time.
  test.slow();
  // Jonna Lind and Dorte in the depot are not demo personas; the loan is Jonna's own.
  await jonnaLind();
  await dorteDepot();
  await spoerg(
    `insert into udlaan (id, person_id, hjaelpemiddel, nummer, udlaant_dato) values ('e2e-jonna-laan', 'e2e-jonna', 'Rollator', 'HMD-E2E-1', '${omDage(-200)}')`,
  );
  // A bath bench granted to Jonna, on a case of hers assigned to Maria, the therapist.
  await spoerg(
    `insert into sager (id, person_id, enhed, titel, lovgrundlag, trin, trin_tekst, aaben, sagsbehandler_id, modtaget, frist)
     values ('e2e-jonna-hm', 'e2e-jonna', 'vest', 'Hjælpemiddel: badebænk', 'Serviceloven § 112', 3, 'Terapeuten vurderer, hvilket hjælpemiddel der passer til dig.', 1,
       (select id from medarbejdere where oidc_sub = 'medarbejder-maria-kjaer'), '${omDage(-14)}', '${omDage(14)}')`,
  );
  await spoerg(
    `insert into hjaelpemiddel_ansoegninger (id, person_id, hjaelpemiddel, beskrivelse, status, modtaget, leveringsadresse, sag_id)
     values ('e2e-jonna-baenk', 'e2e-jonna', 'Badebænk', 'Jeg kan ikke stå op i badet.', 'bevilget', '${omDage(-14)}', 'Skolegade 3, 7160 Tørring', 'e2e-jonna-hm')`,
  );

  // The therapist agrees the delivery: it goes to the depot's list.
  const levering = omDage(3);
  const maria = await (await browser.newContext()).newPage();
  await loginSom(maria, 'Maria Kjær', { medarbejder: true });
  await maria.goto('/medarbejder/hjaelpemidler/e2e-jonna-baenk');
  await maria.getByLabel('Hvad skal der ske?').selectOption({ label: 'Aftal levering' });
  await maria.getByLabel(/Leveringsdato/).fill(levering);
  await maria.getByRole('button', { name: 'Gem' }).click();
  await expect(maria.getByText('Gemt. Borgeren kan se den nye status.')).toBeVisible();

  const jonna = await (await browser.newContext()).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await jonna.goto('/min-side/hjaelpemidler');
  await jonna.getByRole('link', { name: 'Meld fejl ved Rollator HMD-E2E-1' }).click();
  await jonna.getByLabel('Hvad er galt?').fill('Stellet er revnet ved håndtaget.');
  await jonna.getByLabel('Ja').check();
  await jonna.getByRole('button', { name: 'Send fejlmeldingen' }).click();
  await expect(jonna.getByText('Brug ikke hjælpemidlet, før det er repareret.')).toBeVisible();
  await jonna.goto('/min-side/hjaelpemidler');
  await jonna.getByRole('link', { name: 'Bestil afhentning af Rollator HMD-E2E-1' }).click();
  const min = await jonna.getByLabel('Hvilken dag kan vi hente det?').getAttribute('min');
  await jonna.getByLabel('Hvilken dag kan vi hente det?').fill(defined(min, 'Første mulige dag'));
  await jonna.getByRole('button', { name: 'Bestil afhentning' }).click();
  await expect(jonna.getByRole('heading', { level: 1 })).toHaveText('Kvittering');

  // The depot: every dangerous defect above every other one, Jonna's among them.
  const dorte = await (await browser.newContext()).newPage();
  await loginSom(dorte, 'Dorte Depot', { medarbejder: true });
  await dorte.goto('/medarbejder/hjaelpemidler');
  const fejlraekker = dorte.getByRole('table', { name: 'Fejlmeldinger' }).getByRole('row');
  await expect(fejlraekker.filter({ hasText: 'Jonna Lind' })).toContainText('Farlig');
  const farlige = await fejlraekker.evaluateAll((rows) =>
    rows.slice(1).map((r) => r.textContent?.includes('Farlig') ?? false),
  );
  expect(farlige.indexOf(false) === -1 || farlige.lastIndexOf(true) < farlige.indexOf(false)).toBe(true);
  // The delivery Maria agreed: its day, Jonna, the bath bench and the address, and nothing else of the case.
  const jonnasLevering = dorte
    .getByRole('table', { name: 'Leveringer' })
    .getByRole('row')
    .filter({ hasText: 'Jonna Lind' });
  await expect(jonnasLevering.getByRole('cell')).toHaveText([
    formatDato(levering),
    'Jonna Lind',
    'Badebænk',
    'Skolegade 3, 7160 Tørring',
    /^Levering aftalt/,
  ]);
  await expect(dorte.getByText('Jeg kan ikke stå op i badet.')).toHaveCount(0);
  // Sent without the device's number: the list with the error passes axe, on a phone too.
  await jonnasLevering.getByRole('button', { name: 'Marker som leveret – Badebænk til Jonna Lind' }).click();
  await expect(
    dorte.getByRole('alert').getByRole('link', { name: 'Skriv hjælpemidlets nummer fra depotet.' }),
  ).toHaveAttribute('href', '#nummer-e2e-jonna-baenk');
  await dorte.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(dorte);
  await dorte
    .getByRole('table', { name: 'Afhentninger' })
    .getByRole('row')
    .filter({ hasText: 'Jonna Lind' })
    .getByRole('button', { name: /Marker som afhentet/ })
    .click();
  await expect(dorte.getByText('Status er gemt.')).toBeVisible();

  // Dorte delivers the bath bench, without JavaScript; the device's number is required.
  const udenJs = await browser.newContext({ javaScriptEnabled: false });
  const dorteUdenJs = await udenJs.newPage();
  await loginSom(dorteUdenJs, 'Dorte Depot', { medarbejder: true });
  await dorteUdenJs.goto('/medarbejder/hjaelpemidler');
  const raekke = dorteUdenJs
    .getByRole('table', { name: 'Leveringer' })
    .getByRole('row')
    .filter({ hasText: 'Jonna Lind' });
  await raekke.getByRole('button', { name: 'Marker som leveret – Badebænk til Jonna Lind' }).click();
  await expect(dorteUdenJs).toHaveTitle(/^Fejl: /);
  await expect(
    dorteUdenJs.getByRole('alert').getByRole('link', { name: 'Skriv hjælpemidlets nummer fra depotet.' }),
  ).toHaveAttribute('href', '#nummer-e2e-jonna-baenk');
  // At the field too, in Jonna's row only.
  await expect(dorteUdenJs.locator('#nummer-e2e-jonna-baenk-fejl')).toHaveText(
    'Fejl: Skriv hjælpemidlets nummer fra depotet.',
  );
  await expect(dorteUdenJs.locator('.form-error-message')).toHaveCount(1);
  const nummer = raekke.getByLabel('Nummer fra depotet – Badebænk til Jonna Lind');
  await expect(nummer).toHaveAttribute('aria-invalid', 'true');
  await nummer.fill('HMD-E2E-2');
  await raekke.getByRole('button', { name: 'Marker som leveret – Badebænk til Jonna Lind' }).click();
  await expect(dorteUdenJs.getByText('Leveringen er gemt.')).toBeVisible();
  await expect(
    dorteUdenJs.getByRole('table', { name: 'Leveringer' }).getByRole('row').filter({ hasText: 'Jonna Lind' }),
  ).toHaveCount(0);
  await udenJs.close();

  // The loan has ended: Jonna sees it returned, and can report or order nothing more on it.
  await jonna.goto('/min-side/hjaelpemidler');
  const laan = jonna.getByRole('listitem').filter({ hasText: 'HMD-E2E-1' });
  await expect(laan).toContainText('Afleveret');
  await expect(laan.getByRole('link', { name: /Meld fejl/ })).toHaveCount(0);
  await expect(laan.getByRole('link', { name: /Bestil afhentning/ })).toHaveCount(0);
  // The bath bench the depot delivered is hers on loan now.
  const baenk = jonna.getByRole('listitem').filter({ hasText: 'HMD-E2E-2' });
  await expect(baenk).toContainText('Badebænk');
  await expect(baenk).not.toContainText('Afleveret');
  await expect(baenk.getByRole('link', { name: 'Meld fejl ved Badebænk HMD-E2E-2' })).toBeVisible();
  await expectNoAxeViolations(jonna);
});
