import { expect, test } from '@playwright/test';
import { kommune } from '#/config/kommune.ts';
import { expectNoAxeViolations } from './axe.ts';
import { publicPages } from './sider.ts';

for (const path of publicPages) {
  test(`${path} er på dansk, har én overskrift og består axe`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Gå til sidens indhold' })).toHaveAttribute('href', '#main-content');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('en side der ikke findes giver en dansk 404-side', async ({ page }) => {
  const response = await page.goto('/findes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await expectNoAxeViolations(page);
});

test('forsiden fører videre til pjecer, tilbud, sagsbehandling og overgang', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se alle pjecer' }).click();
  await expect(page).toHaveURL(/\/pjecer$/);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Sådan behandler vi din sag' })
    .click();
  await expect(page.getByRole('heading', { name: /Trin 1:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Trin \d:/ })).toHaveCount(7);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Fra 18 år' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('18');
});

test('tilgængelighedserklæringen ligger hos Digitaliseringsstyrelsen: sidefoden og /was fører dertil', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' });
  await expect(link).toHaveAttribute('href', kommune.tilgaengelighedserklaering);
  expect(kommune.tilgaengelighedserklaering).toMatch(/^https:\/\/www\.was\.digst\.dk\//);
  const svar = await request.get('/was', { maxRedirects: 0 });
  expect([svar.status(), svar.headers().location]).toEqual([302, kommune.tilgaengelighedserklaering]);
  // The portal's own page sums it up and gives phone and written contact.
  await page.goto('/tilgaengelighed');
  await expect(
    page
      .getByRole('main')
      .getByRole('link', { name: /tilgængelighedserklæring/i })
      .first(),
  ).toHaveAttribute('href', kommune.tilgaengelighedserklaering);
  await expect(page.getByRole('main').getByText('79 75 50 00').first()).toBeVisible();
});

test('pjecer og trinnene i sagsbehandlingen nævner deres kilder og hvornår de sidst blev gennemgået', async ({
  page,
}) => {
  await page.goto('/pjecer/saadan-klager-du');
  await expect(page.getByRole('heading', { name: 'Kilder' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ankestyrelsen: Klagefrister' })).toHaveAttribute(
    'href',
    'https://ast.dk/for-borgere-med-en-klagesag/klagefrister/klagefrister',
  );
  await expect(page.getByText(/Senest gennemgået \d+\. \p{L}+ 20\d\d\./u)).toBeVisible();
  await page.goto('/sagsbehandling');
  await expect(page.getByRole('heading', { name: 'Kilder' })).toHaveCount(7);
  await expect(page.getByText(/Senest gennemgået/)).toHaveCount(7);
});
