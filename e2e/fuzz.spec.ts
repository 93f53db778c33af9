import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { core } from 'astro/zod';
import fc from 'fast-check';
import { BilagSchema, IndsendSchema, skrivninger } from '#/actions/skrivninger.ts';
import { erDansk, erListe, fjendtligTekst, idsPrFelt, valg } from '#/lib/fuzz-hjaelp.ts';
import { lukDatabase, openDatabase } from '../db/client.ts';
import { e2eDatabaseUrl } from './database.ts';
import { basisUrl, type Felter, type Kodning, krop, logInd, SAMTIDIGE, SEED, type Vaerdi } from './fuzz-krop.ts';

// Bad input at scale over real HTTP: hostile multipart, urlencoded and other bodies straight to
// every action endpoint (/_actions/<navn>) and to a page's own form, as Ali, as Sofie, as
// nobody and from another site. Never a 5xx; a bad form is a 400 with Danish field messages.
// Among the random forms some are valid and are saved, so this runs last (project "fuzz").
// The complaint form's own fuzz test is fuzz-klage.spec.ts: it saves nothing, so it runs before Ali complains.

const medarbejderHandlinger = [
  'naesteTrin',
  'forlaengFrist',
  'overdragSag',
  'traefAfgoerelse',
  'behandlKlage',
  'vurderHjaelpemiddel',
  'opretOvergangssag',
  'opretPlan',
  'evaluerDelmaal',
  'opretMoede',
  'tilfoejDelmaal',
  'registrerKompas',
  'registrerRelation',
  'opdaterDepot',
  'markerLeveret',
];

/** Every form action with its fields: the table's, and the three index.ts defines itself. */
const handlinger: Record<string, Record<string, unknown>> = {
  ...Object.fromEntries(
    Object.entries(skrivninger).map(([navn, s]) => [
      navn,
      (s.input as unknown as { shape: Record<string, unknown> }).shape,
    ]),
  ),
  ansoegBilag: BilagSchema.shape,
  ansoegIndsend: IndsendSchema.shape,
  vaelgPerson: { personId: undefined },
};
const borgerHandlinger = Object.keys(handlinger).filter((n) => !medarbejderHandlinger.includes(n));

/** Real ids from the server's database, so some forms reach the write and not only the schema. */
async function rigtigeIds(): Promise<Record<string, string[]>> {
  const db = openDatabase(e2eDatabaseUrl('e2e'));
  try {
    return await idsPrFelt(db);
  } finally {
    await lukDatabase(db);
  }
}

function formArbitrary(felter: Record<string, unknown>, ids: Record<string, string[]>): fc.Arbitrary<Felter> {
  const alleIds = [...new Set(Object.values(ids).flat())];
  const felt = (navn: string, schema: unknown) => {
    const zod = schema instanceof core.$ZodType ? schema : undefined;
    const muligheder = zod ? valg(zod) : [];
    const god: fc.Arbitrary<Vaerdi> =
      zod && erListe(zod)
        ? fc.subarray(muligheder)
        : fc.oneof(
            fc.constantFrom(...(ids[navn]?.length ? ids[navn] : alleIds), ...muligheder),
            fc.constantFrom(
              'Jeg er uenig i afgørelsen, fordi min situation er en anden.',
              '2026-12-01',
              '2026-12-01T10:00',
              '60',
              crypto.randomUUID(),
              'ja',
            ),
          );
    const vaerdi = fc.oneof(
      { weight: 4, arbitrary: god },
      { weight: 4, arbitrary: fjendtligTekst.filter((s) => s.length <= 20_000) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.array(
          fjendtligTekst.filter((s) => s.length < 500),
          { minLength: 2, maxLength: 3 },
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          fil: fc.uint8Array({ maxLength: 300 }),
          navn: fc.constantFrom('a.pdf', '<script>.png', '../../x', ''),
        }),
      },
    );
    return {
      god: god.map((v): [string, Vaerdi] => [navn, v]),
      blandet: vaerdi.map((v): [string, Vaerdi] => [navn, v]),
    };
  };
  const ekstra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', '_astroAction', 'sagId.x'), fc.string({ maxLength: 20 })),
      fjendtligTekst.filter((s) => s.length < 500),
    ),
    { maxLength: 2 },
  );
  const alle = Object.entries(felter).map(([n, s]) => felt(n, s));
  // Some forms have a good value in every field, so they get past the schema to the write.
  const gyldig = fc.tuple(...alle.map((f) => f.god));
  const blandet = fc.tuple(fc.tuple(...alle.map((f) => f.blandet)), ekstra).map(([a, b]) => [...a, ...b]);
  return fc.oneof({ weight: 2, arbitrary: gyldig }, { weight: 3, arbitrary: blandet });
}

const kodning = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Kodning>('multipart', 'urlencoded') },
  { weight: 1, arbitrary: fc.constantFrom<Kodning>('tekst', 'json', 'ødelagt-multipart', 'ingen') },
);
const FORMLIGNENDE: Kodning[] = ['multipart', 'urlencoded', 'tekst', 'ødelagt-multipart'];

interface Forsoeg {
  navn: string;
  felter: Felter;
  kodning: Kodning;
  fremmed: boolean;
}

/** What every answer must be; the description says which request it was, to repeat it. */
async function tjekSvar(res: APIResponse, f: Forsoeg) {
  const status = res.status();
  const tekst = await res.text();
  const hvad = `${f.navn} (${f.kodning}${f.fremmed ? ', fra et andet site' : ''}, seed ${SEED}): ${status} ${tekst.slice(0, 300)}\n${JSON.stringify(f.felter).slice(0, 500)}`;
  expect(status, hvad).toBeLessThan(500);
  expect(status, `rate limit ramt: ${hvad}`).not.toBe(429);
  if (f.fremmed && FORMLIGNENDE.includes(f.kodning)) {
    expect(status, hvad).toBe(403);
    return status;
  }
  if ([400, 401, 403, 404, 413, 415].includes(status)) {
    const body = JSON.parse(tekst);
    if (body.type === 'AstroActionInputError') {
      const beskeder = Object.values(body.fields as Record<string, string[]>).flat();
      expect(beskeder.length, hvad).toBeGreaterThan(0);
      for (const b of beskeder) expect(erDansk(b), `${b} – ${hvad}`).toBe(true);
    } else {
      expect(erDansk(body.message), hvad).toBe(true);
    }
  }
  return status;
}

/** Sends the attempts a few at a time; returns how often each status came back. */

async function send(request: APIRequestContext, baseURL: string, forsoeg: Forsoeg[]) {
  const statusser: Record<number, number> = {};
  for (let i = 0; i < forsoeg.length; i += SAMTIDIGE) {
    await Promise.all(
      forsoeg.slice(i, i + SAMTIDIGE).map(async (f) => {
        const { headers, ...body } = krop(f.felter, f.kodning);
        const origin = f.fremmed ? 'https://ondsindet.example' : baseURL;
        const res = await request.post(`/_actions/${f.navn}`, {
          ...body,
          headers: { origin, ...headers },
          failOnStatusCode: false,
          maxRedirects: 0,
        });
        const s = await tjekSvar(res, f);
        statusser[s] = (statusser[s] ?? 0) + 1;
      }),
    );
  }
  return statusser;
}

function forsoeg(navne: string[], antalPrHandling: number, ids: Record<string, string[]>, fremmed = false): Forsoeg[] {
  return navne.flatMap((navn, i) => {
    const handling = handlinger[navn];
    if (!handling) throw new Error(`Ukendt handling: ${navn}`);
    return fc
      .sample(fc.tuple(formArbitrary(handling, ids), kodning), { numRuns: antalPrHandling, seed: SEED + i })
      .map(([felter, k]) => ({ navn, felter, kodning: k, fremmed }));
  });
}

test.describe.configure({ mode: 'serial' });

test('hver handling tåler fjendtlige formularer fra en borger og en medarbejder', async ({ browser, baseURL }) => {
  const url = basisUrl(baseURL);
  test.setTimeout(240_000);
  const ids = await rigtigeIds();
  const ali = await logInd(browser, 'Ali Hassan');
  const sofie = await logInd(browser, 'Sofie Lund', true);
  const borger = await send(ali.page.request, url, forsoeg(borgerHandlinger, 45, ids));
  const medarbejder = await send(sofie.page.request, url, forsoeg(medarbejderHandlinger, 45, ids));
  // Each side also tries the other side's actions: refused without revealing anything.
  const paaTvaers = {
    borgerSomMedarbejder: await send(ali.page.request, url, forsoeg(medarbejderHandlinger, 8, ids)),
    medarbejderSomBorger: await send(sofie.page.request, url, forsoeg(borgerHandlinger, 8, ids)),
  };
  test.info().annotations.push({
    type: 'fuzz',
    description: `seed ${SEED}; borger ${JSON.stringify(borger)}; medarbejder ${JSON.stringify(medarbejder)}; på tværs ${JSON.stringify(paaTvaers)}`,
  });
  // The runs reached the schemas (400) and the writes (200 or a refusal), not only the door.
  for (const s of [borger, medarbejder]) {
    expect(s[400]).toBeGreaterThan(0);
    expect((s[200] ?? 0) + (s[204] ?? 0) + (s[404] ?? 0)).toBeGreaterThan(0);
  }
  await ali.context.close();
  await sofie.context.close();
});

test('uden login giver 401, og fra et andet site giver en formular 403', async ({ playwright, baseURL }) => {
  const url = basisUrl(baseURL);
  test.setTimeout(120_000);
  const ids = await rigtigeIds();
  const anonym = await playwright.request.newContext({ baseURL: url });
  const udenLogin = await send(anonym, url, forsoeg(Object.keys(handlinger), 6, ids));
  const fremmed = await send(anonym, url, forsoeg(Object.keys(handlinger), 4, ids, true));
  test.info().annotations.push({
    type: 'fuzz',
    description: `uden login ${JSON.stringify(udenLogin)}; fra et andet site ${JSON.stringify(fremmed)}`,
  });
  expect(udenLogin[401]).toBeGreaterThan(0);
  expect(fremmed[403]).toBeGreaterThan(0);
  await anonym.dispose();
});
