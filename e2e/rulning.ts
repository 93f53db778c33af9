import { expect, type Page } from '@playwright/test';

/** No sideways scrolling at the current width (WCAG 1.4.10 reflow). */
export async function expectIngenVandretRulning(page: Page) {
  // Just after a navigation commits, the new document has no root yet: measure a loaded page.
  await page.waitForLoadState('load');
  const { bredde, indhold } = await page.evaluate(() => ({
    bredde: window.innerWidth,
    indhold: document.documentElement.scrollWidth,
  }));
  expect(indhold, `${page.url()} ruller til siden ved ${bredde} px`).toBeLessThanOrEqual(bredde);
}
