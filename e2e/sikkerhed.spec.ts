import { expect, test } from '@playwright/test';

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
  for (const path of ['/', '/pjecer', '/tilbud?omraade=vest', '/soeg?q=klage', css!, '/favicon.svg', '/findes-ikke']) {
    const response = await request.get(path);
    await expectSecurityHeaders(response.headers());
  }
});

test('siderne har ingen inline scripts, så CSP ikke blokerer noget', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  for (const path of ['/', '/pjecer/saadan-klager-du', '/tilbud', '/soeg?q=hj%C3%A6lpemidler']) {
    await page.goto(path);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
  }
  expect(violations).toEqual([]);
});

test('en formular sendt fra et andet websted afvises (origin-tjek)', async ({ request }) => {
  const response = await request.post('/log-ud', { headers: { origin: 'https://ondt.example', 'content-type': 'application/x-www-form-urlencoded' }, data: '' });
  expect(response.status()).toBe(403);
  const action = await request.post('/_actions/vaelgPerson', { headers: { origin: 'https://ondt.example', 'content-type': 'application/x-www-form-urlencoded' }, data: 'personId=x' });
  expect(action.status()).toBe(403);
});


test('/healthz svarer ok uden persondata', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(JSON.stringify(body)).not.toMatch(/Madsen|Hassan|\d{10}/);
});
