import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

test.describe('en ny bruger uden login', () => {
  test('læser en pjece og printer den som en ren A4-pjece', async ({ page }) => {
    await page.goto('/pjecer');
    await page.getByRole('link', { name: 'Sådan klager du', exact: false }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const print = page.getByRole('button', { name: 'Print pjecen' });
    await expect(print).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.header')).toBeHidden();
    await expect(page.locator('footer')).toBeHidden();
    await expect(print).toBeHidden();
    await expect(page.locator('.print-only').first()).toBeVisible();
    // At 12 pt or more, across the page: A4 less its margins is about 680 CSS px.
    await page.setViewportSize({ width: 680, height: 1000 });
    const tekst = page.locator('article.pjece > p:not(.print-only):not(.font-lead)').last();
    const { storrelse, bredde, side } = await tekst.evaluate((p) => ({
      storrelse: Number.parseFloat(getComputedStyle(p).fontSize),
      bredde: p.getBoundingClientRect().width,
      side: (p.closest('article') as HTMLElement).getBoundingClientRect().width,
    }));
    expect(storrelse).toBeGreaterThanOrEqual(16);
    expect(bredde).toBeGreaterThan(side * 0.95);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('filtrerer tilbuddene efter Team Vest og pårørende', async ({ page }) => {
    await page.goto('/tilbud');
    const alle = await page.locator('.tilbud-liste > li').count();
    await page.getByLabel('Hvem er tilbuddet til?').selectOption({ label: 'Pårørende' });
    await page.getByLabel('Hvor i kommunen?').selectOption({ label: 'Team Vest (Tørring, Uldum)' });
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page).toHaveURL(/maalgruppe=paaroerende/);
    await expect(page).toHaveURL(/team=vest/);
    const hits = page.locator('.tilbud-liste > li');
    const n = await hits.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(alle);
    for (const hit of await hits.all()) await expect(hit.getByText('Team Vest')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /for Pårørende i Team Vest/ })).toBeVisible();

    await hits.first().getByRole('link').click();
    await expect(page.getByText('Du skal ikke søge – du kan bare møde op')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Se hvordan vi behandler en ansøgning' })).toBeVisible();
  });

  test('søger efter "hjælpemidler" fra sidehovedet', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Søg på Mit Forløb' }).fill('hjælpemidler');
    await page.getByRole('button', { name: 'Søg', exact: true }).first().click();
    await expect(page).toHaveURL(/\/soeg\?q=hj%C3%A6lpemidler/);
    await expect(page.getByRole('heading', { level: 2, name: /resultat.* for "hjælpemidler"/ })).toBeVisible();
    const results = page.locator('.soeg-resultater > li');
    expect(await results.count()).toBeGreaterThan(0);
    // Any inflection of the word is a match: "hjælpemidlet" too.
    await expect(results.first().locator('mark').first()).toHaveText(/^hjælpemid/i);
    await results.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('søgningen tilgiver stavning og hverdagsord, med "Mente du …?"', async ({ page }) => {
    const adresser = async (q: string) => {
      await page.goto(`/soeg?q=${encodeURIComponent(q)}`);
      return await page.locator('.soeg-resultater > li h3 a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    };
    const rollator = await adresser('rollator');
    expect(rollator.length).toBeGreaterThan(0);
    for (const q of ['rolator', 'rollater', 'rollatoren']) expect(await adresser(q), q).toEqual(rollator);
    await adresser('rolator');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'rollator', exact: true }).click();
    await expect(page).toHaveURL(/\/soeg\?q=rollator$/);
    const koerestol = await adresser('kørestol');
    expect(koerestol.length).toBeGreaterThan(0);
    expect(await adresser('koerestol')).toEqual(koerestol);
    // An everyday word finds the pages that use the law's word (content/synonymer.yaml).
    const praktisk = await adresser('praktisk hjælp');
    expect(praktisk.length).toBeGreaterThan(0);
    expect(await adresser('hjemmehjælp')).toEqual(expect.arrayContaining(praktisk));
  });

  test('et tilbud har adresse, adgang og et telefonnummer, man kan trykke på; depotet har sit eget nummer', async ({
    page,
  }) => {
    await page.goto('/tilbud/demenscafe-uldum');
    await expect(page.getByRole('definition').filter({ hasText: 'Kirkegade 3, 7171 Uldum' })).toBeVisible();
    await expect(page.getByText('Spørg, om der er adgang med kørestol eller rollator')).toBeVisible();
    await expect(page.getByRole('link', { name: '75 12 34 69' }).first()).toHaveAttribute('href', 'tel:+4575123469');
    await expect(page.getByRole('link', { name: 'demenscafe.uldum@frivillig-hedensted.dk' })).toHaveAttribute(
      'href',
      'mailto:demenscafe.uldum@frivillig-hedensted.dk',
    );
    await expect(page.getByText('Uldum', { exact: false }).first()).toBeVisible();
    await page.goto('/hjaelpemidler/rollator');
    await page.getByRole('link', { name: 'Se depotets telefonnummer og adresse' }).first().click();
    await expect(page.getByRole('heading', { name: 'Hjælpemiddeldepotet', level: 2 })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Hjælpemiddeldepotet' })
        .getByRole('link', { name: /^\d{2} \d{2} \d{2} \d{2}$/ }),
    ).toHaveAttribute('href', /^tel:\+45\d{8}$/);
  });

  test('en søgning uden resultater siger det på dansk, og tekst vises som tekst', async ({ page }) => {
    await page.goto('/soeg?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
      'Ingen resultater for "<script>alert(1)</script>"',
    );
  });
});

test.describe('uden JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filtre, søgning og pjecer virker', async ({ page }) => {
    await page.goto('/tilbud');
    await page.getByLabel('Hvem er tilbuddet til?').selectOption('paaroerende');
    await page.getByLabel('Hvor i kommunen?').selectOption('vest');
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page).toHaveURL(/maalgruppe=paaroerende&team=vest/);
    expect(await page.locator('.tilbud-liste > li').count()).toBeGreaterThan(0);

    await page.getByRole('searchbox', { name: 'Søg på Mit Forløb' }).fill('klage');
    await page.getByRole('searchbox', { name: 'Søg på Mit Forløb' }).press('Enter');
    expect(await page.locator('.soeg-resultater > li').count()).toBeGreaterThan(0);

    await page.goto('/pjecer/tjekliste-til-foerste-moede');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The print button needs JavaScript, so it stays hidden; the browser's own print still works.
    await expect(page.getByRole('button', { name: 'Print pjecen' })).toBeHidden();
  });
});
