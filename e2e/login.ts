import { expect, type Page } from '@playwright/test';

/** Logs in through the stand-in MitID, as a person would: the portal's button, then the persona's. */
export async function loginSom(page: Page, navn: string, { loa = 'Betydelig', medarbejder = false } = {}) {
  if (medarbejder) {
    await page.goto('/medarbejder/log-ind');
  } else {
    await page.goto('/log-ind');
    await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  }
  await logIndHos(page, navn, { loa });
}

/** Chooses the persona on the stand-in MitID's page, where the browser is now. */
export async function logIndHos(page: Page, navn: string, { loa = 'Betydelig' } = {}) {
  await expect(page.getByRole('heading', { name: 'Test-login (ikke MitID)' })).toBeVisible();
  const knap = page.getByRole('button', { name: `Log ind som ${navn}`, exact: true });
  const form = page.locator('form').filter({ has: knap });
  await form.getByLabel('Sikringsniveau').selectOption({ label: loa });
  await knap.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/test-mitid'));
}

/** Sets the server's clock for the page's next requests; null goes back to the run's instant (klokke.ts). */
export async function saetDato(page: Page, iso: string | null) {
  await page.setExtraHTTPHeaders(iso ? { 'x-test-now': iso } : {});
}

/** The cases listed on the page, by title (each a heading with a link; "Det skal du gøre" links are not cases). */
export async function sagslinks(page: Page) {
  return page.getByRole('main').locator('h3 > a[href^="/sager/"]').allTextContents();
}
