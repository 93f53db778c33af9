import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { defined } from '#/lib/defined.ts';
import { spoergKolonne } from './database.ts';
import { loginSom } from './login.ts';
import { E2E_LOG } from './server-log.ts';

async function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
}

test('sikkerhedsheaders er på forudbyggede sider, dynamiske sider, filer og 404', async ({ page, request }) => {
  await page.goto('/pjecer');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  expect(css).toMatch(/^\/_astro\//);
  for (const path of [
    '/',
    '/pjecer',
    '/tilbud?team=vest',
    '/soeg?q=klage',
    defined(css, 'CSS-stien'),
    '/favicon.svg',
    '/findes-ikke',
  ]) {
    const response = await request.get(path);
    await expectSecurityHeaders(response.headers());
  }
});

test('siderne har ingen inline scripts, så CSP ikke blokerer noget', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ['/', '/pjecer/saadan-klager-du', '/tilbud', '/soeg?q=hj%C3%A6lpemidler']) {
    await page.goto(path);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
  }
  expect(violations).toEqual([]);
});

test('en formular sendt fra et andet websted afvises (origin-tjek)', async ({ request }) => {
  const response = await request.post('/log-ud', {
    headers: { origin: 'https://ondt.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: '',
  });
  expect(response.status()).toBe(403);
  const action = await request.post('/_actions/vaelgPerson', {
    headers: { origin: 'https://ondt.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'personId=x',
  });
  expect(action.status()).toBe(403);
});

test('/healthz svarer ok uden persondata', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(JSON.stringify(body)).not.toMatch(/Madsen|Hassan|\d{10}/);
});

test('Karin får samme 404 som ved et opslag, når hun sender en formular på Alis sag (aldrig 500)', async ({
  page,
  baseURL,
}) => {
  const [sagId] = await spoergKolonne(
    "select s.id from sager s join personer p on p.id = s.person_id where p.navn = 'Ali Hassan' order by s.id",
  );
  expect(typeof sagId).toBe('string');
  await loginSom(page, 'Karin Madsen');
  const opslag = await page.request.get(`/sager/${sagId}`, { failOnStatusCode: false });
  expect(opslag.status()).toBe(404);
  // The page is the same but for the session timer's server clock.
  const uden = (html: string) => html.replace(/data-server-nu="\d+"/, '');
  const side404 = uden(await opslag.text());
  const logFoer = readFileSync(E2E_LOG, 'utf8').length;
  for (const sti of [`/sager/${sagId}/klage`, `/sager/${sagId}/partshoering`]) {
    const svar = await page.request.post(sti, {
      headers: { origin: defined(baseURL, 'baseURL') },
      form: {
        sagId: String(sagId),
        tekst: 'Jeg er uenig i afgørelsen, fordi min situation er en anden.',
        noegle: crypto.randomUUID(),
      },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    expect(svar.status(), sti).toBe(404);
    expect(uden(await svar.text()), sti).toBe(side404);
  }
  expect(readFileSync(E2E_LOG, 'utf8').slice(logFoer)).not.toMatch(/RewriteWithBodyUsed|"niveau":"fejl"|\n\s+at /);
});
