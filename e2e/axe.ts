import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectIngenRaaKoder } from './koder.ts';

/** WCAG 2.1 A and AA, the level Danish public sites must meet; and, on the same pages, no raw codes. */
export async function expectNoAxeViolations(page: Page) {
  await expectIngenRaaKoder(page);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe fandt fejl på ${page.url()}`).toEqual([]);
}

/** The same scan at desktop and phone widths (WCAG 1.4.10 reflow at 320 px); the viewport is put back after. */
export async function expectNoAxeViolationsPaaBredder(page: Page, bredder: readonly number[] = [1280, 390, 320]) {
  const foer = page.viewportSize();
  for (const width of bredder) {
    await page.setViewportSize({ width, height: 844 });
    await expectNoAxeViolations(page);
  }
  if (foer) await page.setViewportSize(foer);
}
