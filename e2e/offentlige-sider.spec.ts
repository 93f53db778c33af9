import { expect, test } from '@playwright/test';
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
