import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { plusAar } from '#/lib/dato.ts';
import { demoCpr } from '../db/seed.ts';
import { expectNoAxeViolations } from './axe.ts';
import { e2eDatabaseUrl } from './database.ts';
import { vibekeVest } from './ekstra-personer.ts';
import { efterNu, omDage } from './klokke.ts';
import { loginSom, saetDato } from './login.ts';

// The integration API over HTTP, with keys made by the CLI in the server's own database.
// Else Nielsen is not a demo persona, and her case is in Team Vest, where no demo staff
// member works, so nothing here changes what the other journeys see.

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Runs scripts/api-token.ts against the e2e server's database (playwright.config.ts). */
function apiToken(...args: string[]): string {
  return execFileSync(process.execPath, ['scripts/api-token.ts', ...args], {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl('e2e') },
    encoding: 'utf8',
  });
}

function opretNoegle(...scopes: string[]): { token: string; id: string } {
  return opretNoegleFor('Nexus', ...scopes);
}

function opretNoegleFor(system: string, ...scopes: string[]): { token: string; id: string } {
  const ud = apiToken('opret', '--system', system, ...scopes.flatMap((s) => ['--scope', s]));
  const [token, id] = /^([a-z0-9]+)\.([a-z0-9]+)$/m.exec(ud) ?? [];
  if (token === undefined || id === undefined) throw new Error(`Ingen nøgle i: ${ud}`);
  return { token, id };
}

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
const put = (request: APIRequestContext, sti: string, data: unknown, token?: string) =>
  request.put(`/api/v1${sti}`, { headers: json(token), data });

const else_ = {
  cpr: '0102501234',
  navn: 'Else Nielsen',
  foedselsdato: '1950-02-01',
  adresse: 'Kirkevej 2, 7160 Tørring',
  by: 'Tørring',
};
const sag = {
  personKildeId: 'E2E-P1',
  enhed: 'vest',
  titel: 'Praktisk hjælp til indkøb',
  lovgrundlag: 'Serviceloven § 83',
  trin: 2,
  trinTekst: 'Vi har sendt dig en kvittering.',
  aaben: true,
  modtaget: '2026-01-05',
  frist: '2026-02-02',
  kildeAendret: '2026-01-05T09:00:00+01:00',
};

test('OpenAPI-dokumentet er offentligt og beskriver alle stier', async ({ request }) => {
  const svar = await request.get('/api/v1/openapi.json');
  expect(svar.status()).toBe(200);
  const doc = await svar.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/personer/{kildeId}',
      '/api/v1/sager/{kildeId}',
      '/api/v1/sager/{kildeId}/afgoerelse',
      '/api/v1/moeder/{kildeId}',
      '/api/v1/planer/{kildeId}',
      '/api/v1/klager',
    ]),
  );
});

test('Nexus spejler Else og hendes sag; Else ser det nye trin og hvem der har rettet', async ({ request, page }) => {
  const { token } = opretNoegle('skriv:personer', 'skriv:sager', 'skriv:moeder', 'skriv:afgoerelser');

  const oprettet = await put(request, '/personer/E2E-P1', else_, token);
  expect(oprettet.status()).toBe(201);
  const { id } = await oprettet.json();
  const igen = await put(request, '/personer/E2E-P1', else_, token);
  expect([igen.status(), await igen.json()]).toEqual([200, { id, aendret: false }]);

  const sagSvar = await put(request, '/sager/E2E-S1', sag, token);
  expect(sagSvar.status()).toBe(201);
  const sagId: string = (await sagSvar.json()).id;
  const trin3 = {
    ...sag,
    trin: 3,
    trinTekst: 'Vi indhenter oplysninger fra din læge.',
    kildeAendret: '2026-01-12T14:30:00+01:00',
  };
  const nytTrin = await put(request, '/sager/E2E-S1', trin3, token);
  expect([nytTrin.status(), (await nytTrin.json()).aendret]).toEqual([200, true]);
  expect((await (await put(request, '/sager/E2E-S1', trin3, token)).json()).aendret).toBe(false);
  // A delayed older sync (the first one, retried) does not move the case back.
  const gammel = await put(request, '/sager/E2E-S1', sag, token);
  expect([gammel.status(), (await gammel.json()).kildeAendret]).toEqual([409, '2026-01-12T13:30:00.000Z']);

  const moede = {
    personKildeId: 'E2E-P1',
    sagKildeId: 'E2E-S1',
    type: 'foerste',
    titel: 'Første møde om indkøb',
    start: '2026-12-01T10:00:00+01:00',
    slut: '2026-12-01T11:00:00+01:00',
    deltagere: ['Else Nielsen'],
    dagsorden: ['Hvad er svært'],
  };
  expect((await put(request, '/moeder/E2E-M1', moede, token)).status()).toBe(201);

  await loginSom(page, 'Else Nielsen');
  await page.goto('/min-side');
  await page.getByRole('link', { name: 'Praktisk hjælp til indkøb', exact: true }).click();
  await expect(
    page.getByText('Din sag er nu på trinnet "Vi indhenter oplysninger". Vi indhenter oplysninger fra din læge.'),
  ).toBeVisible();
  await page.goto('/min-side/log');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Nexus (integration)' })
      .filter({ hasText: 'Sag: Praktisk hjælp til indkøb' })
      .first(),
  ).toBeVisible();

  // A caseworker in Team Vest sees what Nexus owns, read-only, and where it is changed.
  await vibekeVest();
  // At step 4 a portal case would offer all four forms; Nexus' case offers none.
  const trin4 = { ...trin3, trin: 4, trinTekst: 'Vi vurderer din sag.', kildeAendret: '2026-01-19T09:00:00+01:00' };
  expect((await put(request, '/sager/E2E-S1', trin4, token)).status()).toBe(200);
  await page.context().clearCookies();
  await loginSom(page, 'Vibeke Vest', { medarbejder: true });
  await page.goto(`/medarbejder/sager/${sagId}`);
  await expect(page.getByRole('heading', { name: 'Ændres i Nexus' })).toBeVisible();
  await expect(page.getByText('4: Vi vurderer din sag')).toBeVisible();
  for (const knap of ['Flyt sagen', 'Gem ny dato', 'Træf afgørelse', 'Overdrag sagen'])
    await expect(page.getByRole('button', { name: knap })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'Ændres i Nexus' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nexus' decision moves the case to "Afgørelse" with its letter, as one made in the portal does.
  const afgoerelse = {
    udfald: 'delvis',
    dato: '2026-01-20',
    begrundelse: 'Du kan selv handle ind i nærheden.',
    klagevejledning: 'Du kan klage inden 4 uger til kommunen.',
    klagefrist: '2026-02-17',
  };
  // First without a klagevejledning, as a letter may go out: no deadline runs, and both sides are told.
  const { klagevejledning: _, klagefrist: __, ...udenVejledning } = afgoerelse;
  expect((await put(request, '/sager/E2E-S1/afgoerelse', udenVejledning, token)).status()).toBe(201);
  await page.goto(`/sager/${sagId}`);
  await expect(
    page
      .getByText(
        'Du har fået delvis bevilling. Afgørelsen mangler en klagevejledning, så der løber ingen klagefrist. Du kan klage, hvis du er uenig.',
      )
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('note').filter({ hasText: 'Brevet med afgørelsen manglede en vejledning' }),
  ).toBeVisible();
  await expect(page.getByText('Klagefristen er')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/medarbejder/sager/${sagId}`);
  await expect(page.getByText('Mangler klagevejledning')).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await put(request, '/sager/E2E-S1/afgoerelse', afgoerelse, token)).status()).toBe(200);
  await page.goto(`/sager/${sagId}`);
  await expect(
    page.getByText('Du har fået delvis bevilling. Du kan klage senest 17. februar 2026, hvis du er uenig.').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Afgørelse: delvis bevilling – praktisk hjælp til indkøb/ }),
  ).toBeVisible();
  await expect(page.getByText('Du får svar senest')).toHaveCount(0);
});

test('en nøgle skal findes, passe, ikke være tilbagekaldt og have scopet', async ({ request }) => {
  const { token, id } = opretNoegle('skriv:personer');
  const person = { ...else_, cpr: '0203601234', navn: 'Poul Hansen', foedselsdato: '1960-03-02' };

  const uden = await put(request, '/personer/E2E-P2', person);
  expect(uden.status()).toBe(401);
  expect((await uden.json()).fejl).toContain('Mangler adgangsnøgle');
  expect((await put(request, '/personer/E2E-P2', person, `${id}.forkert`)).status()).toBe(401);
  expect((await put(request, '/sager/E2E-S2', { ...sag, personKildeId: 'E2E-P2' }, token)).status()).toBe(403);
  expect((await put(request, '/personer/E2E-P2', person, token)).status()).toBe(201);

  expect(apiToken('tilbagekald', id)).toContain('tilbagekaldt');
  const tilbagekaldt = await put(request, '/personer/E2E-P2', person, token);
  expect([tilbagekaldt.status(), await tilbagekaldt.json()]).toEqual([401, { fejl: 'Adgangsnøglen er tilbagekaldt.' }]);
});

test('ugyldige data giver 400 med feltfejl på dansk, aldrig en 5xx', async ({ request }) => {
  const { token } = opretNoegle('skriv:personer', 'skriv:sager');
  const forkert = await put(
    request,
    '/personer/E2E-P3',
    { ...else_, cpr: '0304701234', foedselsdato: '1970-04-04', kaldenavn: 'x' },
    token,
  );
  expect(forkert.status()).toBe(400);
  expect(await forkert.json()).toEqual({
    fejl: 'Ugyldige data',
    felter: expect.arrayContaining([
      { felt: 'kaldenavn', besked: expect.stringContaining('Ukendt felt') },
      { felt: 'foedselsdato', besked: 'Fødselsdatoen passer ikke med CPR-nummeret.' },
    ]),
  });
  const ugyldigJson = await request.put('/api/v1/personer/E2E-P3', {
    headers: json(token),
    data: Buffer.from('{"cpr": '),
  });
  expect([ugyldigJson.status(), (await ugyldigJson.json()).fejl]).toEqual([
    400,
    'Ugyldig JSON. Kroppen kunne ikke læses.',
  ]);
  const ukendtPerson = await put(request, '/sager/E2E-S3', { ...sag, personKildeId: 'FINDES-IKKE' }, token);
  expect(ukendtPerson.status()).toBe(422);
  expect((await ukendtPerson.json()).felter).toEqual([
    { felt: 'personKildeId', besked: expect.stringContaining('findes ikke') },
  ]);
});

test('Inges klage når Nexus gennem hændelserne; medarbejderen ser den, til Nexus har kvitteret', async ({
  request,
  page,
}) => {
  const { token } = opretNoegle('skriv:personer', 'skriv:sager', 'skriv:afgoerelser', 'laes:haendelser');
  const inge = { ...else_, cpr: '1105551234', navn: 'Inge Holm', foedselsdato: '1955-05-11' };
  expect((await put(request, '/personer/E2E-P4', inge, token)).status()).toBe(201);
  const sagSvar = await put(
    request,
    '/sager/E2E-S4',
    { ...sag, personKildeId: 'E2E-P4', titel: 'Madservice', trin: 5, modtaget: omDage(-30), frist: omDage(10) },
    token,
  );
  const sagId: string = (await sagSvar.json()).id;
  const afgoerelse = {
    udfald: 'afslag',
    dato: omDage(-1),
    begrundelse: 'Du kan selv lave mad med lidt hjælp.',
    klagevejledning: 'Du kan klage inden 4 uger til kommunen.',
    klagefrist: omDage(27),
  };
  expect((await put(request, '/sager/E2E-S4/afgoerelse', afgoerelse, token)).status()).toBe(201);

  await loginSom(page, 'Inge Holm');
  await page.goto(`/sager/${sagId}/klage`);
  const tekst = 'Jeg kan ikke stå ved komfuret længe nok til at lave mad.';
  await page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill(tekst);
  await page.getByRole('button', { name: 'Send klagen' }).click();
  await expect(page.getByText('Vi har modtaget din klage.')).toBeVisible();

  // Nexus reads the feed: the complaint, on its own case, with its own ids and no CPR.
  const hent = async () => {
    const svar = await request.get('/api/v1/haendelser', { headers: { authorization: `Bearer ${token}` } });
    expect(svar.status()).toBe(200);
    const side: { elementer: { id: number; type: string; person: { personKildeId: string | null } }[] } =
      await svar.json();
    return side.elementer.filter((h) => h.person.personKildeId === 'E2E-P4');
  };
  const [klage, ...andre] = await hent();
  expect(andre).toEqual([]);
  expect(klage).toMatchObject({
    type: 'klage',
    sagKildeId: 'E2E-S4',
    person: { personKildeId: 'E2E-P4', cpr: null },
    data: { tekst, indsendtAf: 'Inge Holm' },
    kvitteret: null,
  });

  // Two days later nothing has acknowledged it: a caseworker in Team Vest sees it waiting.
  await vibekeVest();
  await page.context().clearCookies();
  await loginSom(page, 'Vibeke Vest', { medarbejder: true });
  await saetDato(page, efterNu(2));
  await page.goto('/medarbejder');
  await page.getByRole('link', { name: 'Ikke journaliseret' }).click();
  await expect(page.getByRole('heading', { name: 'Ikke journaliseret efter et døgn' })).toBeVisible();
  const raekke = page.getByRole('row').filter({ hasText: 'Inge Holm' });
  await expect(raekke).toContainText('Klage over afgørelse');
  await expect(raekke.getByRole('link', { name: 'Madservice' })).toHaveAttribute('href', `/medarbejder/sager/${sagId}`);
  await expect(raekke).toContainText('Nexus');
  for (const bredde of [1280, 390, 320]) {
    await page.setViewportSize({ width: bredde, height: 844 });
    await expectNoAxeViolations(page);
  }

  // Nexus journalises it and says so: it leaves the list, and the feed shows the receipt.
  const kvittering = await request.post('/api/v1/haendelser/kvitter', {
    headers: json(token),
    data: { ider: [klage?.id] },
  });
  expect([kvittering.status(), await kvittering.json()]).toEqual([200, { kvitteret: 1 }]);
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'Inge Holm' })).toHaveCount(0);
  expect((await hent())[0]).toMatchObject({ id: klage?.id, kvitteret: expect.any(String) });
});

test('DUBU sender Mikkels forældremyndighed: Hanne ser hans sag indtil 18-årsdagen, og ikke på dagen', async ({
  request,
  browser,
}) => {
  const { token } = opretNoegleFor('DUBU', 'skriv:personer', 'skriv:sager');
  // Mikkel turns 18 in five days; Hanne, his mother, is not a demo persona.
  const foedselsdato = plusAar(omDage(5), -18);
  const mikkel = { ...else_, cpr: demoCpr(foedselsdato, 901), navn: 'Mikkel Dam', foedselsdato };
  const hanne = { ...else_, cpr: demoCpr('1980-06-15', 902), navn: 'Hanne Dam', foedselsdato: '1980-06-15' };
  expect((await put(request, '/personer/E2E-B1', mikkel, token)).status()).toBe(201);
  expect((await put(request, '/personer/E2E-F1', hanne, token)).status()).toBe(201);
  const sagSvar = await put(
    request,
    '/sager/E2E-BS1',
    // In Team Vest, not Børnehandicap: Henrik's list of 16-17-year-olds without a transition case stays as the demo has it.
    { ...sag, personKildeId: 'E2E-B1', titel: 'Aflastning i weekender' },
    token,
  );
  expect(sagSvar.status()).toBe(201);
  const sagId: string = (await sagSvar.json()).id;
  const myndighed = { indehavere: [{ personKildeId: 'E2E-F1', gyldigFra: foedselsdato }] };
  const svar = await put(request, '/personer/E2E-B1/foraeldremyndighed', myndighed, token);
  expect([svar.status(), (await svar.json()).aendret]).toEqual([200, true]);
  expect((await (await put(request, '/personer/E2E-B1/foraeldremyndighed', myndighed, token)).json()).aendret).toBe(
    false,
  );

  const foer = await browser.newPage();
  await saetDato(foer, efterNu(4)); // the day before the birthday
  await loginSom(foer, 'Hanne Dam');
  await expect(foer.getByText('Du kan også handle på vegne af Mikkel Dam')).toBeVisible();
  expect((await foer.goto(`/sager/${sagId}`))?.status()).toBe(200);
  await expect(foer.getByRole('heading', { name: 'Aflastning i weekender' })).toBeVisible();
  await foer.close();

  const paaDagen = await browser.newPage();
  await saetDato(paaDagen, efterNu(5));
  await loginSom(paaDagen, 'Hanne Dam');
  await expect(paaDagen.getByText('Mikkel Dam')).toHaveCount(0);
  expect((await paaDagen.goto(`/sager/${sagId}`))?.status()).toBe(404);
  await paaDagen.close();
});
