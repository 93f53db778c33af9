import { expect, type Page, test } from '@playwright/test';

const hits = (page: Page) => page.locator('.tilbud-liste > li');

/** Chooses "Bad og toilet" and "Lånes fra hjælpemiddeldepotet" and checks every result carries both badges. */
async function filtrerBadOgToiletTilLaan(page: Page) {
  await page.goto('/hjaelpemidler');
  const alle = await hits(page).count();
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Bad og toilet' });
  await page.getByLabel('Sådan får du det', { exact: true }).selectOption({ label: 'Lånes fra hjælpemiddeldepotet' });
  await page.getByRole('button', { name: 'Vis hjælpemidler' }).click();
  await expect(page).toHaveURL(/kategori=bad-og-toilet/);
  await expect(page).toHaveURL(/ordning=udlaan/);
  const n = await hits(page).count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(alle);
  for (const hit of await hits(page).all()) {
    await expect(hit.locator('.badge', { hasText: 'Bad og toilet' })).toBeVisible();
    await expect(hit.locator('.badge', { hasText: 'Lånes fra hjælpemiddeldepotet' })).toBeVisible();
  }
  await expect(
    page.getByRole('heading', { level: 2, name: `${n} hjælpemidler i Bad og toilet, som du kan låne` }),
  ).toBeVisible();
  // The choices stay selected, so the citizen can see what the list shows.
  await expect(page.getByLabel('Kategori', { exact: true })).toHaveValue('bad-og-toilet');
  await expect(page.getByLabel('Sådan får du det', { exact: true })).toHaveValue('udlaan');
}

test.describe('en borger uden login i kataloget over hjælpemidler', () => {
  test('filtrerer på Bad og toilet og på lån fra depotet', async ({ page }) => {
    await filtrerBadOgToiletTilLaan(page);
  });

  test('søger efter "rollator", åbner den og ser linket til at søge', async ({ page }) => {
    await page.goto('/hjaelpemidler');
    await page.getByRole('searchbox', { name: 'Søg i hjælpemidler' }).fill('rollator');
    await page.getByRole('button', { name: 'Vis hjælpemidler' }).click();
    await expect(page).toHaveURL(/q=rollator/);
    await expect(page.getByRole('heading', { level: 2, name: /der passer til "rollator"/ })).toBeVisible();
    const rollator = hits(page).filter({ has: page.getByRole('link', { name: 'Rollator', exact: true }) });
    await expect(rollator.getByText('Kan lånes kortvarigt')).toBeVisible();

    await rollator.getByRole('link', { name: 'Rollator', exact: true }).click();
    await expect(page).toHaveURL(/\/hjaelpemidler\/rollator$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Rollator' })).toBeVisible();
    await expect(page.getByText('Serviceloven § 112')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Det køber du normalt selv' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Søg om dette hjælpemiddel' })).toHaveAttribute(
      'href',
      '/hjaelpemidler/ansoeg?hjaelpemiddel=rollator',
    );
  });

  test('et hjælpemiddel, man køber selv, har intet link til at søge', async ({ page }) => {
    await page.goto('/hjaelpemidler?ordning=selv-koeb');
    await hits(page).getByRole('link', { name: 'Gribetang' }).click();
    await expect(page.getByText('Du skal ikke søge om det.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Søg om dette hjælpemiddel' })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'åbent hus på hjælpemiddelcentret' })).toBeVisible();
  });

  test('en søgning uden resultater siger det og viser teksten som tekst', async ({ page }) => {
    await page.goto('/hjaelpemidler?q=%3Cb%3Etrappelift%3C%2Fb%3E&kategori=findes-ikke');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
      '0 hjælpemidler, der passer til "<b>trappelift</b>"',
    );
    await expect(page.getByText('Ingen hjælpemidler passer til dit valg.')).toBeVisible();
    await expect(page.getByLabel('Kategori', { exact: true })).toHaveValue('');
  });

  test('kataloget kan findes med søgningen i sidehovedet', async ({ page }) => {
    await page.goto('/soeg?q=badeb%C3%A6nk');
    await page.locator('.soeg-resultater').getByRole('link', { name: 'Badebænk', exact: true }).click();
    await expect(page).toHaveURL(/\/hjaelpemidler\/badebaenk$/);
  });
});

test.describe('uden JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filtrering og fritekst virker', async ({ page }) => {
    await filtrerBadOgToiletTilLaan(page);
    await page.getByRole('searchbox', { name: 'Søg i hjælpemidler' }).fill('bænk');
    await page.getByRole('button', { name: 'Vis hjælpemidler' }).click();
    await expect(page).toHaveURL(/kategori=bad-og-toilet&ordning=udlaan&q=b%C3%A6nk/);
    await expect(hits(page)).toHaveCount(1);
    await hits(page).getByRole('link', { name: 'Badebænk' }).click();
    await expect(page.getByRole('link', { name: 'Søg om dette hjælpemiddel' })).toBeVisible();
  });
});
