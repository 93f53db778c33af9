/**
 * Messages between citizens and the municipality: Ali asks Sofie about his refusal and reads her
 * answer; Karin writes within her fuldmagt and not outside it; Mette loses Freja's thread on the
 * 18th birthday. The forms are tried without JavaScript, the pages with axe at phone widths too.
 */
import { expect, type Page, test } from '@playwright/test';
import { defined } from '#/lib/defined.ts';
import { expectNoAxeViolations } from './axe.ts';
import { efterNu } from './klokke.ts';
import { loginSom, saetDato } from './login.ts';
import { expectIngenVandretRulning } from './rulning.ts';

/** The text of the newest mail to `til` with subject `emne` in the demo's test mailbox (the real SMTP server's), waiting for it. */
async function postTil(page: Page, til: string, emne: string): Promise<string> {
  let tekst = '';
  await expect
    .poll(
      async () => {
        await page.goto('/test-postkasse');
        const post = page
          .getByRole('article')
          .filter({ has: page.getByRole('heading', { name: `E-mail: ${emne}` }) })
          .filter({ hasText: `Til ${til} ·` });
        tekst = (await post.count()) > 0 ? ((await post.first().locator('.testpost-tekst').textContent()) ?? '') : '';
        return tekst;
      },
      { timeout: 45_000, intervals: [1000, 2000, 3000] },
    )
    .not.toBe('');
  return tekst;
}

async function axeOgTelefon(page: Page) {
  for (const bredde of [1280, 390, 320]) {
    await page.setViewportSize({ width: bredde, height: 844 });
    await expectNoAxeViolations(page);
    await expectIngenVandretRulning(page);
  }
  await page.setViewportSize({ width: 1280, height: 844 });
}

test('Ali skriver til Sofie om sit afslag uden JavaScript, Sofie svarer med brevet, og Ali læser svaret', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ali = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(ali, 'Ali Hassan');

  // Min side asks once how he wants to hear about news: e-mail, confirmed with the code he is sent.
  const adresse = 'ali.hassan.e2e@eksempel.dk';
  await expect(ali.getByRole('heading', { name: 'Vil du have besked, når der er nyt?' })).toBeVisible();
  await ali.getByRole('link', { name: 'Vælg, hvordan du vil have besked' }).click();
  await expect(ali.getByText('Vi sender aldrig en afgørelse på e-mail eller SMS.')).toBeVisible();
  await ali.getByLabel('E-mail', { exact: true }).check();
  await ali.getByRole('button', { name: 'Gem' }).click();
  await expect(ali.locator('#email-fejl')).toContainText('Skriv din e-mailadresse.');
  await ali.getByLabel('E-mailadresse').fill(adresse);
  await ali.getByRole('button', { name: 'Gem' }).click();
  await expect(ali.getByText('Vi har sendt dig en kode.')).toBeVisible();
  const postkasse = await (await browser.newContext()).newPage();
  const kode = defined(/\d{6}/.exec(await postTil(postkasse, adresse, 'Din kode til Mit Forløb'))?.[0], 'Koden');
  await ali.getByLabel(`Koden, vi sendte til ${adresse}`).fill(kode === '000000' ? '111111' : '000000');
  await ali.getByRole('button', { name: 'Bekræft' }).click();
  await expect(ali.locator('#kode-email-fejl')).toContainText('Koden passer ikke.');
  await ali.getByLabel(`Koden, vi sendte til ${adresse}`).fill(kode);
  await ali.getByRole('button', { name: 'Bekræft' }).click();
  await expect(ali.getByText('Tak. Nu får du besked, når der er nyt.')).toBeVisible();
  await expectNoAxeViolations(postkasse);

  await ali.goto('/min-side');
  await expect(ali.getByRole('heading', { name: 'Vil du have besked, når der er nyt?' })).toHaveCount(0);
  await ali.getByRole('link', { name: 'Dækning af merudgifter', exact: true }).click();
  await ali.getByRole('link', { name: 'Skriv til din sagsbehandler' }).click();
  await expect(ali.getByRole('heading', { level: 1 })).toHaveText('Beskeder om Dækning af merudgifter');
  await expect(ali.getByRole('heading', { name: 'Beskeder er ikke til det, der haster' })).toBeVisible();
  await expect(ali.getByText(/ring 112/)).toBeVisible();
  const traadAdresse = ali.url();

  // No subject: the message is by the field, and the text is kept.
  const tekst = 'Jeg forstår ikke, hvorfor jeg fik afslag. Min medicin koster mere end før.';
  await ali.getByLabel('Din besked').fill(tekst);
  await ali.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(ali).toHaveTitle(/^Fejl: /);
  await expect(ali.locator('#besked-emne-fejl')).toContainText('Skriv, hvad beskeden handler om.');
  await expect(ali.getByLabel('Din besked')).toHaveValue(tekst);

  await ali.getByLabel('Emne').fill('Mit afslag på merudgifter');
  await ali.getByLabel(/Vedhæft en fil/).setInputFiles({
    name: 'medicinudgifter.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\nudgifter\n'),
  });
  await ali.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(ali.getByText('Vi har modtaget din besked.')).toBeVisible();
  // Sent Wednesday 2 December 2026: 3 working days later is Monday 7 December.
  await expect(ali.getByRole('row', { name: /Du får svar senest/ })).toContainText('7. december 2026');
  await expect(ali.getByRole('row', { name: /Kvitteringsnummer/ })).toContainText(/B-\d{4}-[A-Z0-9]{6}/);
  await expect(ali.getByRole('row', { name: /Bilag/ })).toContainText('medicinudgifter.pdf');
  await expect(ali.getByText('Ikke læst af kommunen endnu')).toBeVisible();

  // axe runs in the page: the same pages in a browser with JavaScript, the receipt and the error too.
  const aliJs = await (await browser.newContext()).newPage();
  await loginSom(aliJs, 'Ali Hassan');
  await aliJs.goto(ali.url());
  await expect(aliJs.getByText('Vi har modtaget din besked.')).toBeVisible();
  await axeOgTelefon(aliJs);
  await aliJs.goto(traadAdresse);
  await aliJs.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(aliJs.locator('#besked-tekst-fejl')).toContainText('Skriv din besked.');
  await axeOgTelefon(aliJs);

  // Sofie, also without JavaScript: her inbox has it, unanswered with its date.
  const sofie = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  await sofie.getByRole('link', { name: 'Beskeder', exact: true }).click();
  await expect(sofie.getByRole('heading', { level: 1 })).toHaveText('Mine beskeder');
  const raekke = sofie.getByRole('row').filter({ hasText: 'Ali Hassan' });
  await expect(raekke).toContainText('Svar senest 7. december 2026');
  await raekke.getByRole('link', { name: 'Mit afslag på merudgifter' }).click();
  await expect(sofie.getByText(tekst)).toBeVisible();
  const bilag = sofie.getByRole('link', { name: 'medicinudgifter.pdf' });
  const fil = await sofie.request.get(defined(await bilag.getAttribute('href'), 'Bilagets adresse'));
  expect([fil.status(), fil.headers()['content-disposition']]).toEqual([
    200,
    "attachment; filename*=UTF-8''medicinudgifter.pdf",
  ]);
  const sofieJs = await (await browser.newContext()).newPage();
  await loginSom(sofieJs, 'Sofie Lund', { medarbejder: true });
  await sofieJs.goto('/medarbejder/beskeder');
  await axeOgTelefon(sofieJs);
  await sofieJs.goto(sofie.url());
  await axeOgTelefon(sofieJs);
  await sofie.getByRole('button', { name: 'Send svaret' }).click();
  await expect(sofie.locator('#svar-tekst-fejl')).toContainText('Skriv dit svar.');
  await sofieJs.getByRole('button', { name: 'Luk uden svar' }).click();
  await expect(sofieJs.locator('#luk-begrundelse-fejl')).toContainText('Skriv, hvorfor I lukker uden svar.');
  await axeOgTelefon(sofieJs);
  await sofieJs.context().close();
  const svar = 'Du fik afslag, fordi udgifterne var under grænsen. Send os kvitteringerne, så ser vi på det igen.';
  await sofie.getByLabel('Dit svar').fill(svar);
  await sofie.getByLabel('Vedhæft et brev fra sagen (valgfrit)').selectOption({ index: 1 });
  await sofie.getByRole('button', { name: 'Send svaret' }).click();
  await expect(sofie.getByText('Svaret er sendt.')).toBeVisible();

  // Handed to a colleague, also without JavaScript: a choice is needed, and Lene then has it.
  await sofie.getByRole('button', { name: 'Giv videre' }).click();
  await expect(sofie.locator('#overdrag-til-fejl')).toContainText('Vælg en kollega.');
  await sofie.getByLabel('Kollega', { exact: true }).selectOption({ label: 'Lene Skov' });
  await sofie.getByRole('button', { name: 'Giv videre' }).click();
  await expect(sofie.getByText('Beskeden er givet videre.')).toBeVisible();
  await expect(sofie.getByText('Lene Skov (givet videre)')).toBeVisible();

  // Ali is told by e-mail that there is news, and nothing more: no name, no case, no text.
  const nyt = await postTil(postkasse, adresse, 'Der er nyt i Mit Forløb');
  expect(nyt).toContain('Der er nyt til dig i Mit Forløb.');
  expect(nyt).toMatch(/\/min-side/);
  expect(nyt).not.toMatch(/Ali|Hassan|Sofie|merudgift|afslag|medicin/i);
  await postkasse.context().close();

  // Ali is told on Min side and reads it; Sofie then sees that he has.
  await ali.goto('/min-side');
  await expect(ali.getByText('Du har et nyt svar på dine beskeder.')).toBeVisible();
  await ali.getByRole('link', { name: 'Læs svaret' }).click();
  await expect(ali.getByRole('heading', { level: 1 })).toHaveText('Beskeder');
  await aliJs.goto('/min-side/beskeder');
  await axeOgTelefon(aliJs);
  await aliJs.goto('/min-side/besked-om-nyt');
  await axeOgTelefon(aliJs);
  await aliJs.getByLabel('SMS', { exact: true }).check();
  await aliJs.getByLabel('Mobilnummer').fill('123');
  await aliJs.getByRole('button', { name: 'Gem' }).click();
  await expect(aliJs.locator('#telefon-fejl')).toContainText('Skriv et dansk mobilnummer med 8 cifre.');
  await axeOgTelefon(aliJs);
  await aliJs.context().close();
  await ali.getByRole('link', { name: 'Dækning af merudgifter' }).click();
  await expect(ali.getByText(svar)).toBeVisible();
  await expect(ali.getByText(/^Sofie Lund, sagsbehandler ·/)).toBeVisible();
  await expect(ali.getByText(/^Læst af kommunen /)).toBeVisible();
  await expect(ali.getByText(/Vedhæftet brev:/)).toBeVisible();
  await ali.goto('/min-side');
  await expect(ali.getByText('Du har et nyt svar på dine beskeder.')).toHaveCount(0);
  await sofie.reload();
  await expect(sofie.getByText(/^Læst af borgeren /)).toBeVisible();
  await ali.context().close();
  await sofie.context().close();
});

test('Karin skriver på Jens’ sag inden for sin fuldmagt, men kan ikke skrive på Alis', async ({ page, browser }) => {
  const ali = await browser.newPage();
  await loginSom(ali, 'Ali Hassan');
  const aliSag = defined(await ali.getByRole('link', { name: 'Ledsagelse' }).getAttribute('href'), 'Alis sag');
  await ali.close();

  await loginSom(page, 'Karin Madsen');
  await page.goto('/min-side/vaelg');
  await page.getByLabel('Jens Madsen').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByRole('link', { name: 'Praktisk hjælp i hjemmet' }).click();
  await page.getByRole('link', { name: 'Skriv til din sagsbehandler' }).click();
  await expect(page.getByText('Du skriver på vegne af Jens Madsen.')).toBeVisible();
  await page.getByLabel('Emne').fill('Tider for rengøring');
  await page.getByLabel('Din besked').fill('Far vil gerne have rengøring om formiddagen i stedet.');
  await page.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(page.getByRole('row', { name: /Fra/ })).toContainText('Karin Madsen på vegne af Jens Madsen');
  await expect(page.getByText(/^Karin Madsen på vegne af Jens Madsen ·/)).toBeVisible();

  // Outside her fuldmagt: the same answer as for a page that does not exist.
  expect((await page.goto(`${aliSag}/beskeder`))?.status()).toBe(404);
  await expect(page.getByText('Ledsagelse')).toHaveCount(0);
});

test('Mette skriver på Frejas sag og mister samtalen på 18-årsdagen; Freja har den stadig', async ({ browser }) => {
  const mette = await browser.newPage();
  await saetDato(mette, efterNu(74)); // the day before the birthday
  await loginSom(mette, 'Mette Holm');
  await mette.goto('/min-side/vaelg');
  await mette.getByLabel('Freja Holm').check();
  await mette.getByRole('button', { name: 'Fortsæt' }).click();
  await mette.getByRole('link', { name: 'Dækning af merudgifter', exact: true }).click();
  await mette.getByRole('link', { name: 'Skriv til din sagsbehandler' }).click();
  const adresse = new URL(mette.url()).pathname;
  await mette.getByLabel('Emne').fill('Efter 18-årsdagen');
  await mette.getByLabel('Din besked').fill('Hvad sker der med merudgifterne, når Freja fylder 18?');
  await mette.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(mette.getByText('Vi har modtaget din besked.')).toBeVisible();
  await mette.close();

  const paaDagen = await browser.newPage();
  await saetDato(paaDagen, efterNu(75));
  await loginSom(paaDagen, 'Mette Holm');
  expect((await paaDagen.goto(adresse))?.status()).toBe(404);
  await expect(paaDagen.getByText('Hvad sker der med merudgifterne')).toHaveCount(0);
  await paaDagen.close();

  const freja = await browser.newPage();
  await saetDato(freja, efterNu(75));
  await loginSom(freja, 'Freja Holm');
  await freja.goto(adresse);
  await expect(freja.getByText(/^Mette Holm på vegne af Freja Holm ·/)).toBeVisible();
  await freja.close();
});

test('Jens spørger Velfærdsrådgivningen uden en sag uden JavaScript, og beskeden står på Min side', async ({
  browser,
}) => {
  // A long journey with nine axe scans: about a minute on SQLite, more on a busy machine.
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(page, 'Jens Madsen');
  // He does not want notices: "Nej tak" is an answer, and Min side does not ask again.
  await page.getByRole('button', { name: 'Nej tak' }).click();
  await expect(page.getByText('Dit valg er gemt.')).toBeVisible();
  await expect(page.getByLabel('Ingen besked')).toBeChecked();
  await page.goto('/min-side');
  await expect(page.getByRole('heading', { name: 'Vil du have besked, når der er nyt?' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Mine beskeder' }).click();
  await page.getByLabel('Emne').fill('Plejehjem');
  await page.getByLabel('Din besked').fill('Hvordan søger jeg om en plejebolig?');
  await page.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(page.locator('#besked-enhed-fejl')).toContainText('Vælg, hvem du vil skrive til.');
  await expect(page.getByLabel('Din besked')).toHaveValue('Hvordan søger jeg om en plejebolig?');
  await page.getByLabel('Velfærdsrådgivningen').check();
  await page.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(page.getByText('Vi har modtaget din besked.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Beskeder til Velfærdsrådgivningen' })).toBeVisible();
  await page.goto('/min-side/beskeder');
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Til Velfærdsrådgivningen' }) }),
  ).toContainText('Venter på svar – senest 7. december 2026');

  // Anne in Velfærdsrådgivningen has it in her unit's inbox and answers; Jens reads the answer.
  const anne = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(anne, 'Anne Holm', { medarbejder: true });
  await anne.getByRole('link', { name: 'Beskeder', exact: true }).click();
  await anne.getByRole('link', { name: 'Se alle beskeder til Velfærdsrådgivningen' }).click();
  await anne.getByRole('row').filter({ hasText: 'Jens Madsen' }).getByRole('link', { name: 'Plejehjem' }).click();
  await expect(anne.getByText('Hvordan søger jeg om en plejebolig?')).toBeVisible();
  await anne.getByLabel('Dit svar').fill('Ring til os, så kommer vi på besøg og taler om det.');
  await anne.getByRole('button', { name: 'Send svaret' }).click();
  await expect(anne.getByText('Svaret er sendt.')).toBeVisible();
  await anne.context().close();
  await page.goto('/min-side/beskeder/velfaerdsraadgivningen');
  await expect(page.getByText('Ring til os, så kommer vi på besøg og taler om det.')).toBeVisible();
  await expect(page.getByText(/^Anne Holm/).first()).toBeVisible();
  await page.context().close();

  const medJs = await (await browser.newContext()).newPage();
  await loginSom(medJs, 'Jens Madsen');
  await medJs.goto('/min-side/beskeder');
  await axeOgTelefon(medJs);
  await medJs.getByRole('button', { name: 'Send beskeden' }).click();
  await expect(medJs.locator('#besked-emne-fejl')).toBeVisible();
  await axeOgTelefon(medJs);
  await medJs.goto('/min-side/beskeder/velfaerdsraadgivningen');
  await axeOgTelefon(medJs);
  await medJs.context().close();
});
