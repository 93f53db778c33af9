import { expect, test } from '@playwright/test';
import { defined } from '#/lib/defined.ts';
import { expectNoAxeViolations, expectNoAxeViolationsPaaBredder } from './axe.ts';
import { spoergKolonne } from './database.ts';
import { E2E_NU, efterNu } from './klokke.ts';
import { logIndHos, loginSom, saetDato, sagslinks } from './login.ts';
import { expectIngenVandretRulning } from './rulning.ts';

const sagerPerPersona: [string, string[]][] = [
  ['Jens Madsen', ['Hjælpemiddel: badebænk', 'Praktisk hjælp i hjemmet']],
  ['Ali Hassan', ['Dækning af merudgifter', 'Ledsagelse', 'Socialpædagogisk støtte']],
  ['Birgit Sørensen', ['Boligindretning', 'Praktisk hjælp og madservice']],
  ['Freja Holm', ['Dækning af merudgifter', 'Den Gode Overgang – fra barn til voksen', 'Socialpædagogisk støtte']],
  ['Mette Holm', []],
  ['Lars Holm', []],
  ['Karin Madsen', []],
];

test.describe('hver persona ser præcis sine egne sager', () => {
  for (const [navn, sager] of sagerPerPersona) {
    test(navn, async ({ page }) => {
      await loginSom(page, navn);
      await expect(page).toHaveURL(/\/min-side$/);
      await expect(page.getByRole('banner').getByText(navn)).toBeVisible();
      expect((await sagslinks(page)).toSorted()).toEqual(sager.toSorted());
      await expectNoAxeViolations(page);
    });
  }
});

test('Karin handler for Jens og ser hans sager, men intet om Ali', async ({ page, browser }) => {
  const ali = await browser.newPage();
  await loginSom(ali, 'Ali Hassan');
  const aliSag = await ali.getByRole('link', { name: 'Ledsagelse' }).getAttribute('href');
  await ali.close();

  await loginSom(page, 'Karin Madsen');
  await page.getByRole('link', { name: 'Vælg person' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Jens Madsen').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByText('Du handler nu på vegne af Jens Madsen')).toBeVisible();
  expect((await sagslinks(page)).toSorted()).toEqual(['Hjælpemiddel: badebænk', 'Praktisk hjælp i hjemmet']);

  await page.getByRole('link', { name: 'Hjælpemiddel: badebænk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hjælpemiddel: badebænk');
  await expect(page.getByText('Jens Madsens sag')).toBeVisible();
  await expect(page.getByText('Maria Kjær')).toBeVisible();
  await expectNoAxeViolations(page);

  const response = await page.goto(defined(aliSag, 'Sagslinket'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await expect(page.getByText('Ledsagelse')).toHaveCount(0);
  // The same answer as for a case that does not exist at all.
  expect((await page.goto('/sager/findes-ikke'))?.status()).toBe(404);
  // Hostile ids get the same page, with no SQL or stack trace in it.
  expect((await page.goto("/sager/'%20OR%201=1--"))?.status()).toBe(404);
  await expect(page.locator('body')).not.toContainText(/sqlite|select|error|at .*\.m?js/i);
});

test('Lars’ adgang til Frejas sager slutter af sig selv på 18-årsdagen (Mettes bruges i overgang.spec.ts)', async ({
  page,
  browser,
}) => {
  const freja = await browser.newPage();
  await loginSom(freja, 'Freja Holm');
  const sag = await freja.getByRole('link', { name: 'Dækning af merudgifter' }).getAttribute('href');
  await freja.close();

  await saetDato(page, efterNu(74)); // the day before the birthday
  await loginSom(page, 'Lars Holm');
  await expect(page.getByText('Du kan også handle på vegne af Freja Holm')).toBeVisible();
  expect((await page.goto(defined(sag, 'Sagslinket')))?.status()).toBe(200);

  // The birthday, with nothing run in between.
  const paaDagen = await browser.newPage();
  await saetDato(paaDagen, efterNu(75));
  await loginSom(paaDagen, 'Lars Holm');
  await expect(paaDagen.getByText('Freja Holm')).toHaveCount(0);
  await expect(paaDagen.getByRole('link', { name: 'Skift person' })).toHaveCount(0);
  expect((await paaDagen.goto(defined(sag, 'Sagslinket')))?.status()).toBe(404);
  await paaDagen.close();
});

test('Sofie ser Voksenhandicaps sager, men ikke Jens i Team Øst', async ({ page, browser }) => {
  const jens = await browser.newPage();
  await loginSom(jens, 'Jens Madsen');
  const jensSag = await jens.getByRole('link', { name: 'Praktisk hjælp i hjemmet' }).getAttribute('href');
  await jens.close();

  await loginSom(page, 'Sofie Lund', { medarbejder: true });
  await expect(page).toHaveURL(/\/medarbejder$/);
  await page.getByLabel('Vis', { exact: true }).selectOption('Hele min enhed');
  await page.getByLabel('Status').selectOption('Alle');
  await page.getByRole('button', { name: 'Vis sager' }).click();
  const raekker = page.getByRole('main').getByRole('row');
  await expect(raekker.filter({ hasText: 'Ali Hassan' })).toHaveCount(3);
  await expect(raekker.filter({ hasText: 'Freja Holm' })).toHaveCount(1);
  await expect(raekker.filter({ hasText: 'Jens Madsen' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect((await page.goto(defined(jensSag, 'Sagslinket')))?.status()).toBe(404);
});

test('"Hvem har set mine oplysninger" viser Karin og Maria pr. dag og person, når de har set Jens sager', async ({
  page,
  browser,
}) => {
  const karin = await browser.newPage();
  await loginSom(karin, 'Karin Madsen');
  await karin.goto('/min-side/vaelg');
  await karin.getByLabel('Jens Madsen').check();
  await karin.getByRole('button', { name: 'Fortsæt' }).click();
  await karin.getByRole('link', { name: 'Praktisk hjælp i hjemmet' }).click();
  await karin.close();

  // Maria finds Jens' case just before midnight on Thursday 10 December (days no other journey
  // uses; the list is in his log too), and opens it twice after midnight, 20 minutes apart.
  const maria = await browser.newPage();
  await saetDato(maria, efterNu(8, 12 * 60 + 50)); // 23.50 in Copenhagen
  await loginSom(maria, 'Maria Kjær', { medarbejder: true });
  await maria.goto('/medarbejder?visning=enhed&status=alle');
  const badebaenk = defined(
    await maria.getByRole('link', { name: 'Hjælpemiddel: badebænk' }).getAttribute('href'),
    'Sagslinket',
  );
  for (const minutter of [13 * 60 + 10, 13 * 60 + 30]) {
    await saetDato(maria, efterNu(8, minutter));
    await maria.goto(badebaenk);
    await expect(maria.getByRole('heading', { level: 1, name: 'Hjælpemiddel: badebænk' })).toBeVisible();
  }
  await maria.close();

  await loginSom(page, 'Jens Madsen');
  await page.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
  const log = page.getByRole('main');
  // A heading per day, the newest first; in it one line per person, however many times they looked.
  await expect(log.getByRole('heading', { level: 2 }).nth(0)).toHaveText('Fredag 11. december 2026');
  await expect(log.getByRole('heading', { level: 2 }).nth(1)).toHaveText('Torsdag 10. december 2026');
  const fredag = log.getByRole('table', { name: /fredag 11\. december 2026/ });
  const mariaFredag = fredag.getByRole('row').filter({ hasText: 'Maria Kjær (medarbejder)' });
  await expect(mariaFredag).toHaveCount(1);
  await expect(mariaFredag.getByRole('rowheader')).toHaveText('Maria Kjær (medarbejder)');
  await expect(mariaFredag.getByRole('cell')).toHaveText([
    '2 gange',
    'kl. 00.10 til 00.30',
    'Så: Sag: Hjælpemiddel: badebænk',
  ]);
  // Her look at the list before midnight is Thursday's, a line of its own.
  const mariaTorsdag = log
    .getByRole('table', { name: /torsdag 10\. december 2026/ })
    .getByRole('row')
    .filter({ hasText: 'Maria Kjær (medarbejder)' });
  await expect(mariaTorsdag).toHaveCount(1);
  await expect(mariaTorsdag.getByRole('cell').nth(1)).toHaveText('kl. 23.50');
  await expect(
    log
      .getByRole('table', { name: /onsdag 2\. december 2026/ })
      .getByRole('row')
      .filter({ hasText: 'Karin Madsen (pårørende med fuldmagt)' })
      .filter({ hasText: 'Sag: Praktisk hjælp i hjemmet' }),
  ).toHaveCount(1);
  // His own visits, most of the rows, only when he asks for them.
  await expect(log.getByRole('row').filter({ hasText: 'Dig selv' })).toHaveCount(0);
  await page.getByLabel('Vis', { exact: true }).selectOption({ label: 'Alle, også mig selv' });
  await page.getByRole('button', { name: 'Vis listen' }).click();
  await expect(page).toHaveURL(/vis=alle/);
  const selv = log
    .getByRole('table', { name: /onsdag 2\. december 2026/ })
    .getByRole('row')
    .filter({ hasText: 'Dig selv' });
  await expect(selv).toHaveCount(1);
  await expect(selv.getByRole('cell').first()).toHaveText(/^\d+\sgange?$/);
  await expect(mariaFredag).toHaveCount(1);
  await expectNoAxeViolationsPaaBredder(page);
  // On a phone and at 320 CSS px (WCAG 1.4.10) the tables stack: nothing scrolls sideways.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await expect(mariaFredag).toBeVisible();
    await expectIngenVandretRulning(page);
  }
});

test('login på lavt sikringsniveau afvises med en klar dansk besked', async ({ page }) => {
  await loginSom(page, 'Jens Madsen', { loa: 'Lav' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du skal logge ind med et højere sikringsniveau');
  await expectNoAxeViolations(page);
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/log-ind/);
});

test('sessionscookien er HttpOnly og SameSite=Lax, og en gammel cookie virker ikke efter log af', async ({
  page,
  browser,
}) => {
  await loginSom(page, 'Birgit Sørensen');
  const cookie = defined(
    (await page.context().cookies()).find((c) => c.name === 'session'),
    'Session-cookien',
  );
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(cookie.expires).toBe(-1); // ends with the browser; the 8 hours are the server's
  expect(cookie.value).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);

  await page.getByRole('button', { name: 'Log af' }).click();
  await page.getByRole('button', { name: 'Log ud' }).click(); // the identity provider's own logout
  await expect(page).toHaveURL(/\/logget-ud/);
  await expectNoAxeViolations(page);
  expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();

  const replay = await browser.newContext();
  await replay.addCookies([cookie]);
  const p2 = await replay.newPage();
  await p2.goto('/min-side');
  await expect(p2).toHaveURL(/\/log-ind/);
  // Logged out at the provider too: the next login asks again.
  await p2.getByRole('link', { name: 'Log ind med MitID' }).click();
  await expect(p2.getByRole('heading', { name: 'Test-login (ikke MitID)' })).toBeVisible();
  await replay.close();
});

test('"Log af" sender hverken ID-token eller CPR-nummer videre i en adresse', async ({ page, baseURL }) => {
  await loginSom(page, 'Birgit Sørensen');
  const [cpr] = await spoergKolonne("select cpr from personer where navn = 'Birgit Sørensen'");
  expect(cpr).toMatch(/^\d{10}$/);

  const svar = await page.request.post('/log-ud', {
    headers: { origin: defined(baseURL, 'baseURL') },
    form: {},
    maxRedirects: 0,
  });
  expect(svar.status()).toBe(303);
  expect(svar.headers().location).toBe('/logget-ud');
  const side = await page.request.get('/logget-ud', { maxRedirects: 0 });
  const videre = /^0; url=(.+)$/.exec(side.headers().refresh ?? '')?.[1];
  expect(videre).toBeDefined();
  const udbyder = new URL(defined(videre, 'Videre-adressen'));
  expect(udbyder.pathname).toBe('/test-mitid/session/end');
  expect([...udbyder.searchParams.keys()].sort()).toEqual(['client_id', 'post_logout_redirect_uri']);
  expect(decodeURIComponent(udbyder.href)).not.toContain(String(cpr));
  expect(await side.text()).toContain('Du er logget af');
  // Only once: back from the provider, or from a link, there is nothing more to end.
  expect((await page.request.get('/logget-ud', { maxRedirects: 0 })).headers().refresh).toBeUndefined();
});

test('"Log af" fører væk fra den personlige side, også når login-udbyderen er på et andet website', async ({
  page,
  baseURL,
}) => {
  await loginSom(page, 'Sofie Lund', { medarbejder: true });
  const session = defined(
    (await page.context().cookies()).find((c) => c.name === 'session'),
    'Session-cookien',
  );
  // The same portal under another host name: the stand-in provider (on localhost) is then cross-origin.
  const portal = defined(baseURL, 'baseURL').replace('localhost', '127.0.0.1');
  await page.context().addCookies([{ name: session.name, value: session.value, url: portal }]);
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto(`${portal}/medarbejder`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sager');

  await page.getByRole('button', { name: 'Log af' }).click();
  await page.getByRole('button', { name: 'Log ud' }).click(); // the identity provider's own logout
  await expect(page).toHaveURL(`${baseURL}/logget-ud`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er logget ud');
  expect(csp).toEqual([]);
  expect((await page.request.get(`${portal}/medarbejder`, { maxRedirects: 0 })).status()).toBe(302);
});

test('et login startet på en anden værtsadresse flyttes til portalens egen og lykkes', async ({ page, baseURL }) => {
  // The same server under another host name: the login's state cookie would be set where the
  // provider does not send the browser back, so the portal moves the start first.
  const anden = defined(baseURL, 'baseURL').replace('localhost', '127.0.0.1');
  await page.goto(`${anden}/log-ind/mitid?next=${encodeURIComponent('/min-side/hjaelpemidler')}`);
  await logIndHos(page, 'Jens Madsen');
  await expect(page).toHaveURL(`${baseURL}/min-side/hjaelpemidler`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine hjælpemidler');
});

test('uden login sendes man til det rigtige login og kommer tilbage, hvor man var', async ({ page, baseURL }) => {
  const [sagId] = await spoergKolonne(
    "select s.id from sager s join personer p on p.id = s.person_id where p.navn = 'Ali Hassan' order by s.id",
  );
  expect(typeof sagId).toBe('string');

  const borgerSti = `/sager/${sagId}?x=1`;
  const borger = await page.request.get(borgerSti, { maxRedirects: 0 });
  expect(borger.headers().location).toBe(`/log-ind?next=${encodeURIComponent(borgerSti)}`);
  await page.goto(borgerSti);
  await expect(page).toHaveURL(/\/log-ind\?next=/);
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  await logIndHos(page, 'Ali Hassan');
  await expect(page).toHaveURL(borgerSti);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A form post without login: 303 to login, back to the form's page.
  await page.context().clearCookies();
  const post = await page.request.post(`/sager/${sagId}/klage`, {
    headers: { origin: defined(baseURL, 'baseURL') },
    form: { tekst: 'x' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(303);
  expect(post.headers().location).toBe(`/log-ind?next=${encodeURIComponent(`/sager/${sagId}/klage`)}`);

  const medarbejderSti = `/medarbejder/sager/${sagId}`;
  const medarbejder = await page.request.get(medarbejderSti, { maxRedirects: 0 });
  expect(medarbejder.headers().location).toBe(`/medarbejder/log-ind?next=${encodeURIComponent(medarbejderSti)}`);
  await page.goto(medarbejderSti);
  await logIndHos(page, 'Sofie Lund');
  await expect(page).toHaveURL(medarbejderSti);
  await expect(page.getByRole('main')).toContainText('Ali Hassan');
});

test('sessionen advarer før udløb, og "Forlæng" holder den i live', async ({ page }) => {
  await page.clock.install({ time: E2E_NU });
  await loginSom(page, 'Ali Hassan');
  const varsel = page.getByRole('alertdialog', { name: 'Du bliver snart logget ud' });
  await expect(varsel).toBeHidden();

  await saetDato(page, efterNu(0, 28.5));
  await page.clock.fastForward('28:30');
  await expect(varsel).toBeVisible();
  await expect(varsel.getByRole('button', { name: 'Forlæng' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(varsel).toBeHidden();

  // Without "Forlæng", the page logs out at the limit and says why.
  await saetDato(page, efterNu(0, 60));
  await page.clock.fastForward('31:00');
  await expect(page).toHaveURL(/\/log-ind\?udloebet=1/);
  await expect(page.getByText('Du er blevet logget ud, fordi du ikke har brugt siden i 30 minutter')).toBeVisible();
});

test('logget ind-sider og login-siden består axe', async ({ page }) => {
  await page.goto('/log-ind');
  await expectNoAxeViolations(page);
  await loginSom(page, 'Ali Hassan');
  await page.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
  await expectNoAxeViolations(page);
});
