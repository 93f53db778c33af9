import { expect, test } from '@playwright/test';
import { formatDato } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { expectNoAxeViolations } from './axe.ts';
import { efterNu, omDage } from './klokke.ts';
import { loginSom, saetDato } from './login.ts';

const foedselsdag = formatDato(omDage(75));
// Access ends as the 18th birthday begins: the last day with it is the day before.
const sidsteDag = formatDato(omDage(74));

test('Freja ser sin overgang med rigtige datoer og gemmer tjeklisten', async ({ page }) => {
  await loginSom(page, 'Freja Holm');
  await page.getByRole('link', { name: 'Din overgang til voksenlivet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din overgang til voksenlivet');
  await expect(page.getByText(`Du fylder 18 år ${foedselsdag} – om 75 dage`)).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Koordinerende møde: Den Gode Overgang' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dækning af merudgifter' })).toBeVisible();
  // Written to Freja: "du", never "den unge"; the law last, in words.
  await expect(page.getByText('Det skal du gøre:').first()).toBeVisible();
  await expect(page.getByText('Det skal I gøre:')).toHaveCount(0);
  await expect(page.getByRole('main').getByText(/den unge/)).toHaveCount(0);
  await expect(page.getByText('Reglerne: Serviceloven § 85')).toBeVisible();
  // Her coordinating meeting is booked: its day, not a "senest" long past. Late points say what to do now.
  await expect(page.getByText(/Deltag i det koordinerende møde.*\(dit møde er/)).toBeVisible();
  await expect(page.getByText('Er du sent på den? Det er ikke for sent.')).toBeVisible();
  await expect(
    page.getByText(/Datoen er passeret\. Det kan du gøre nu: Bed sagsbehandleren om materialet/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(/Sørg for, at du har dit eget MitID/).check();
  await page.getByRole('button', { name: 'Gem tjeklisten' }).click();
  await expect(page.getByText('Tjeklisten er gemt.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Sørg for, at du har dit eget MitID/)).toBeChecked();
  await expect(page.getByText(/krydset af af Freja Holm/)).toBeVisible();
});

test('Mette advares med den præcise dato, hvor adgangen slutter', async ({ page }) => {
  await loginSom(page, 'Mette Holm');
  await expect(
    page.getByRole('heading', { name: `Din sidste dag med adgang til Freja Holms sager er ${sidsteDag}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/min-side/vaelg');
  await page.getByLabel('Freja Holm').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByRole('link', { name: 'Overgangen til voksenlivet' }).click();
  await expect(
    page.getByRole('heading', { name: `Jeres sidste dag med adgang til Frejas sager er ${sidsteDag}` }),
  ).toBeVisible();
  // The parents' page speaks to them.
  await expect(page.getByText('Det skal I gøre:').first()).toBeVisible();
  await expect(page.getByText('Er I sent på den? Det er ikke for sent.')).toBeVisible();
  await expect(page.getByText(/Det kan I gøre nu: Bed sagsbehandleren om materialet/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/min-side/vaelg');
  await page.getByLabel('Mig selv', { exact: false }).first().check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.goto('/min-side/fuldmagter');
  await expect(
    page.getByRole('row').filter({ hasText: 'Freja Holm' }).filter({ hasText: 'Forældremyndighed' }),
  ).toContainText(`${sidsteDag} (dagen før 18-årsdagen)`);
});

test('Freja giver Mette fuldmagt til to ting efter 18-årsdagen, og tilbagekalder den igen', async ({ browser }) => {
  test.setTimeout(120_000);
  // Mette asks before the birthday, for three things.
  const mette = await (await browser.newContext()).newPage();
  await loginSom(mette, 'Mette Holm');
  await mette.getByRole('link', { name: 'bed om en fuldmagt' }).first().click();
  await expectNoAxeViolations(mette);
  await mette.getByRole('button', { name: 'Send anmodningen' }).click();
  await expect(
    mette.getByRole('alert').getByRole('link', { name: 'Vælg mindst én ting, du vil have lov til.' }),
  ).toBeVisible();
  await expectNoAxeViolations(mette);
  for (const s of ['Se sager', 'Se møder', 'Se plan']) await mette.getByLabel(s).check();
  await mette.getByRole('button', { name: 'Send anmodningen' }).click();
  await expect(mette.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(mette.getByText('Din anmodning er sendt til Freja Holm.')).toBeVisible();
  await expectNoAxeViolations(mette);
  await mette.close();

  // Before the birthday Freja sees it, but cannot yet give it.
  const freja = await (await browser.newContext()).newPage();
  await loginSom(freja, 'Freja Holm');
  await freja.getByRole('link', { name: 'Se anmodningen og svar' }).click();
  await expect(freja.getByText('Du kan svare fra din 18-årsdag')).toBeVisible();
  // Exactly what she is asked for, in words a 17-year-old can act on.
  await expect(freja.getByRole('main').getByRole('list').first().getByRole('listitem')).toHaveText([
    'se dine sager: hvor de står, dine breve og dine afgørelser',
    'se dine møder: hvornår og hvor de er, og hvad I skal tale om',
    'se din plan og dine mål',
  ]);
  await expect(freja.getByRole('button', { name: 'Giv fuldmagt' })).toHaveCount(0);
  await freja.close();

  // On the birthday it is put in front of her at login, and she gives two of the three.
  const frejaPaaDagen = await (await browser.newContext()).newPage();
  await saetDato(frejaPaaDagen, efterNu(75));
  await loginSom(frejaPaaDagen, 'Freja Holm');
  await expect(frejaPaaDagen.getByRole('heading', { name: 'Mette Holm beder dig om en fuldmagt' })).toBeVisible();
  await frejaPaaDagen.getByRole('link', { name: 'Se anmodningen og svar' }).click();
  await expectNoAxeViolations(frejaPaaDagen);
  await frejaPaaDagen.getByLabel('Se plan').uncheck();
  await frejaPaaDagen.getByRole('button', { name: 'Giv fuldmagt' }).click();
  await expect(frejaPaaDagen.getByText('Du har givet Mette Holm en fuldmagt.')).toBeVisible();
  await expectNoAxeViolations(frejaPaaDagen);

  // The day after, Mette sees Freja's cases and meetings, but not her plan.
  const metteEfter = await (await browser.newContext()).newPage();
  await saetDato(metteEfter, efterNu(76));
  await loginSom(metteEfter, 'Mette Holm');
  await metteEfter.goto('/min-side/vaelg');
  await metteEfter.getByLabel('Freja Holm').check();
  await metteEfter.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(metteEfter.getByText('Du handler nu på vegne af Freja Holm')).toBeVisible();
  await expect(metteEfter.getByRole('link', { name: 'Socialpædagogisk støtte' })).toBeVisible();
  const sag = await metteEfter.getByRole('link', { name: 'Socialpædagogisk støtte' }).getAttribute('href');
  await expect(metteEfter.getByRole('link', { name: 'Møder' })).toBeVisible();
  await expect(metteEfter.getByRole('link', { name: 'Plan og mål' })).toHaveCount(0);
  expect((await metteEfter.goto('/min-side/plan'))?.status()).toBe(403);
  await expect(
    metteEfter.getByText('Din fuldmagt fra Freja Holm giver ikke adgang til at se planen og målene.'),
  ).toBeVisible();
  await metteEfter.goto('/min-side/fuldmagter');
  await expect(
    metteEfter.getByRole('row').filter({ hasText: 'Freja Holm' }).filter({ hasText: 'Fuldmagt' }),
  ).toContainText('Se sager, Se møder');
  await expectNoAxeViolations(metteEfter);

  // Freja revokes (a day later, so she logs in again); Mette's very next request finds nothing.
  const frejaEfter = await (await browser.newContext()).newPage();
  await saetDato(frejaEfter, efterNu(76));
  await loginSom(frejaEfter, 'Freja Holm');
  await frejaEfter.goto('/min-side/fuldmagter');
  await expectNoAxeViolations(frejaEfter);
  await frejaEfter.getByRole('link', { name: /Tilbagekald/ }).click();
  await expectNoAxeViolations(frejaEfter);
  await frejaEfter.getByRole('button', { name: 'Tilbagekald fuldmagten' }).click();
  await expect(frejaEfter.getByText('Fuldmagten til Mette Holm er tilbagekaldt.')).toBeVisible();
  expect((await metteEfter.goto(defined(sag, 'Sagslinket')))?.status()).toBe(404);

  // Both see the history, and Freja's log shows the grant and the revocation.
  await frejaEfter.goto('/min-side/log?vis=alle');
  await expect(frejaEfter.getByRole('row').filter({ hasText: 'Gav fuldmagt' })).not.toHaveCount(0);
  await expect(frejaEfter.getByRole('row').filter({ hasText: 'Tilbagekaldte fuldmagt' })).not.toHaveCount(0);
  await metteEfter.goto('/min-side/fuldmagter');
  await expect(
    metteEfter.getByRole('row').filter({ hasText: 'Freja Holm' }).filter({ hasText: 'Fuldmagt' }),
  ).toContainText('Tilbagekaldt');
});
