import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { erDansk, fjendtligTekst } from '#/lib/fuzz-hjaelp.ts';
import { spoergKolonne } from './database.ts';
import { basisUrl, type Kodning, krop, logInd, SAMTIDIGE, SEED } from './fuzz-krop.ts';

// The complaint form's own page (not /_actions) under hostile input: every text here is one the
// schema refuses, so nothing is saved and this runs with the reading tests (project "laesning"),
// before Ali complains in min-side.spec.ts; after that the page shows the complaint, not the form.

test('klageformularen: fjendtlige indsendelser giver aldrig 5xx, og fejlen står på dansk ved feltet', async ({
  browser,
  baseURL,
}) => {
  const url = basisUrl(baseURL);
  test.setTimeout(120_000);
  const ali = await logInd(browser, 'Ali Hassan');
  const sagId = String(
    (
      await spoergKolonne(
        "select s.id from sager s join personer p on p.id = s.person_id where p.navn = 'Ali Hassan' and s.lovgrundlag = 'Serviceloven § 100'",
      )
    )[0],
  );
  const sti = `/sager/${sagId}/klage`;
  // Texts the schema refuses, so each answer is the form again with its error at the field.
  // (Well inside the limits: a form's encoding may turn a line break into two characters.)
  const daarlig = fc.oneof(
    fc.constantFrom('', ' ', 'kort', '<script>', '\u0000', 'x'.repeat(5001)),
    fjendtligTekst.filter((s) => s.trim().length < 5 || s.length > 6000),
  );
  const sager = fc.sample(fc.tuple(daarlig, fc.constantFrom<Kodning>('multipart', 'urlencoded')), {
    numRuns: 120,
    seed: SEED,
  });
  for (let i = 0; i < sager.length; i += SAMTIDIGE) {
    await Promise.all(
      sager.slice(i, i + SAMTIDIGE).map(async ([tekst, k]) => {
        const { headers, ...body } = krop(
          [
            ['sagId', sagId],
            ['tekst', tekst],
            ['noegle', crypto.randomUUID()],
          ],
          k,
        );
        const res = await ali.page.request.post(sti, {
          ...body,
          headers: { origin: url, ...headers },
          failOnStatusCode: false,
          maxRedirects: 0,
        });
        const html = await res.text();
        const hvad = `${k} ${JSON.stringify(tekst.slice(0, 80))} (seed ${SEED}): ${res.status()}`;
        expect(res.status(), hvad).toBeLessThan(500);
        const fejl = /id="klage-tekst-fejl"[^>]*>(?:<span[^>]*>Fejl: <\/span>)?([^<]+)</.exec(html)?.[1];
        expect(fejl, hvad).toBeDefined();
        expect(erDansk(fejl), `${fejl} – ${hvad}`).toBe(true);
      }),
    );
  }

  // Bodies that are no form at all: the form again with a Danish message, never a 500.
  for (const k of ['tekst', 'json', 'ødelagt-multipart', 'ingen'] as Kodning[]) {
    const { headers, ...body } = krop([['tekst', 'x']], k);
    const res = await ali.page.request.post(sti, {
      ...body,
      headers: { origin: url, ...headers },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    expect(res.status(), `${k}: ${res.status()}`).toBe(400);
    expect(await res.text()).toContain('Formularen kunne ikke læses. Prøv at sende den igen.');
  }

  // And as a person would, in the browser: the error next to the field, in Danish.
  await ali.page.goto(sti);
  for (const tekst of ['kort', '<script>', '\u202Eabc', '   ']) {
    await ali.page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill(tekst);
    await ali.page.getByRole('button', { name: 'Send klagen' }).click();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), the text as the person sees it
    const besked = await ali.page.locator('#klage-tekst-fejl').innerText();
    expect(erDansk(besked.replace('Fejl:', '')), besked).toBe(true);
  }
  await ali.context.close();
});
