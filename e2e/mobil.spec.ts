/**
 * On a phone, a tablet and a zoomed screen: the menu, "Log ind" and "Log af" can be reached with
 * and without JavaScript, and no page scrolls sideways (WCAG 1.4.10 at 320 CSS px).
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { logIndHos } from './login.ts';
import { expectIngenVandretRulning } from './rulning.ts';

const bredder = [390, 320, 1024] as const;

/** Opens the phone menu and follows one of its links. */
async function gennemMenuen(page: Page, link: string) {
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: link }).click();
}

for (const js of [true, false]) {
  for (const bredde of bredder) {
    test(`${bredde} px ${js ? 'med' : 'uden'} JavaScript: menu, log ind, log af og ingen vandret rulning`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width: bredde, height: 800 }, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto('/');
      await expectIngenVandretRulning(page);
      if (bredde < 992) {
        // The desktop navigation is hidden; the menu button opens the same links.
        await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
        await gennemMenuen(page, 'Pjecer');
      } else {
        await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Pjecer' }).click();
      }
      await expect(page).toHaveURL(/\/pjecer$/);
      await expectIngenVandretRulning(page);

      await page
        .getByRole('link', { name: 'Log ind', exact: bredde < 992 })
        .first()
        .click();
      await page.getByRole('link', { name: 'Log ind med MitID' }).click();
      await logIndHos(page, 'Ali Hassan');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Min side');
      await expectIngenVandretRulning(page);
      if (bredde < 992) {
        await expect(page.getByRole('banner').getByText('Ali Hassan')).toBeVisible();
        await page.getByText('Menu', { exact: true }).click();
        await expect(
          page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min side' }),
        ).toHaveAttribute('aria-current', 'page');
        if (js) await expectNoAxeViolations(page);
        await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kontakt' }).click();
        await expect(page).toHaveURL(/\/kontakt$/);
        await expectIngenVandretRulning(page);
      }
      for (const side of [
        '/min-side/moeder',
        '/min-side/plan',
        '/min-side/hjaelpemidler',
        '/min-side/log',
        '/min-side/samtykker',
        '/min-side/fuldmagter',
        '/min-side/beskeder',
      ]) {
        await page.goto(side);
        await expectIngenVandretRulning(page);
      }
      // Ali's case page: the facts list and long words must wrap at 320 px.
      await page.goto('/min-side');
      await page.getByRole('link', { name: 'Dækning af merudgifter', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Dækning af merudgifter');
      await expectIngenVandretRulning(page);
      if (js) await expectNoAxeViolations(page);

      // A prerendered page (a pjece, the front page) shows the person logged in, and logs out from there.
      for (const side of ['/', '/pjecer/saadan-klager-du']) {
        await page.goto(side);
        await expect(page.getByRole('banner').getByText('Ali Hassan')).toBeVisible();
        await expect(page.getByRole('banner').getByRole('link', { name: /Log ind/ })).toHaveCount(0);
      }
      await page.getByRole('button', { name: 'Log af' }).click();
      await page.getByRole('button', { name: 'Log ud' }).click(); // the identity provider's own logout
      await expect(page).toHaveURL(/\/logget-ud/);
      await expectIngenVandretRulning(page);
      await expect(page.getByRole('link', { name: 'Log ind', exact: bredde < 992 }).first()).toBeVisible();
      await page.goto('/pjecer/saadan-klager-du');
      await expect(page.getByRole('banner').getByText('Ali Hassan')).toHaveCount(0);
      await expect(page.getByRole('banner').getByRole('link', { name: /Log ind/ })).toBeVisible();
      await context.close();
    });
  }
}
