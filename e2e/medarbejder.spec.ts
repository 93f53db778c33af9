import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { spoerg, spoergKolonne } from './database.ts';
import { birtheBunkesSager, jonnaLind, jonnasSag } from './ekstra-personer.ts';
import { efterNu, omDage } from './klokke.ts';
import { logIndHos, loginSom, saetDato } from './login.ts';
import { expectIngenVandretRulning } from './rulning.ts';

async function aabnSomMedarbejder(page: Page, borger: string, sag: string) {
  await page.goto('/medarbejder?visning=enhed&status=alle');
  await page.getByRole('row').filter({ hasText: borger }).getByRole('link', { name: sag, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sag);
}

test('Sofie forlænger fristen, træffer afgørelse, genvurderer en klage og overdrager – og Ali ser det hele', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const sofie = await (await browser.newContext()).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  await expectNoAxeViolations(sofie);
  await aabnSomMedarbejder(sofie, 'Ali Hassan', 'Ledsagelse');
  await expectNoAxeViolations(sofie);

  // A new expected date needs a reason the citizen can read.
  await sofie.getByRole('button', { name: 'Gem ny dato' }).click();
  await expect(sofie.getByRole('alert').getByRole('link', { name: /Vælg den nye forventede dato/ })).toBeVisible();
  await expectNoAxeViolations(sofie);
  const nyDato = omDage(40);
  await sofie.getByLabel('Ny dato').fill(nyDato);
  await sofie.locator('#frist-begrundelse').fill('Vi venter på en udtalelse fra neurologisk afdeling.');
  await sofie.getByRole('button', { name: 'Gem ny dato' }).click();
  await expect(sofie.getByText('Den nye dato og begrundelsen er gemt.')).toBeVisible();

  await sofie.getByLabel('Bevilling', { exact: true }).check();
  await sofie
    .locator('#afgoerelse-begrundelse')
    .fill('Du kan ikke færdes alene uden for hjemmet på grund af din hjerneskade.');
  await sofie.getByLabel('Brev til borgeren').fill('Kære Ali Hassan. Du får bevilget ledsagelse 15 timer om måneden.');
  await sofie.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(sofie.getByText('Afgørelsen er truffet')).toBeVisible();

  await aabnSomMedarbejder(sofie, 'Ali Hassan', 'Dækning af merudgifter');
  await sofie.getByLabel(/fastholdes/).check();
  await sofie.locator('#klage-begrundelse').fill('Udgifterne er stadig under grænsen efter en ny gennemgang.');
  await sofie.getByRole('button', { name: 'Gem genvurdering' }).click();
  await expect(sofie.getByText('Genvurderingen er gemt.')).toBeVisible();

  await aabnSomMedarbejder(sofie, 'Ali Hassan', 'Socialpædagogisk støtte');
  await sofie.getByLabel('Ny sagsbehandler').selectOption({ label: 'Peter Nørgaard (Team Midt)' });
  await sofie.getByLabel('Nej, fx sygdom').check();
  await sofie.getByLabel('Ja', { exact: true }).last().check();
  await sofie.getByRole('button', { name: 'Overdrag sagen' }).click();
  await expect(sofie.getByText('Sagen er overdraget.')).toBeVisible();

  // Ali sees each change, in plain words.
  const ali = await (await browser.newContext()).newPage();
  await loginSom(ali, 'Ali Hassan');
  await ali.getByRole('link', { name: 'Ledsagelse', exact: true }).click();
  await expect(ali.getByRole('heading', { name: 'Afgørelse: Bevilling' })).toBeVisible();
  await expect(ali.getByText('Vi kan ikke svare inden fristen')).toBeVisible();
  await expect(ali.getByText('neurologisk afdeling').first()).toBeVisible();
  await expect(ali.getByRole('link', { name: /Afgørelse: bevilling – ledsagelse/ })).toBeVisible();
  await expectNoAxeViolations(ali);
  await ali.goto('/min-side');
  await ali.getByRole('link', { name: 'Dækning af merudgifter', exact: true }).click();
  await expect(ali.getByRole('heading', { name: 'Din klage' }).locator('..').locator('.badge')).toHaveText(
    'Sendt til Ankestyrelsen',
  );
  await ali.goto('/min-side');
  await ali.getByRole('link', { name: 'Socialpædagogisk støtte', exact: true }).click();
  await expect(ali.getByRole('heading', { name: 'Din sag er overgået til Peter Nørgaard' })).toBeVisible();
  await ali.goto('/min-side/log');
  await expect(
    ali.getByRole('row').filter({ hasText: 'Sofie Lund (medarbejder)' }).filter({ hasText: 'Afgørelse' }),
  ).not.toHaveCount(0);
});

test('Sofie flytter Frejas voksenansøgning et trin med en besked, som Freja ser', async ({ browser }) => {
  const sofie = await (await browser.newContext()).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  await aabnSomMedarbejder(sofie, 'Freja Holm', 'Socialpædagogisk støtte');
  await sofie.getByRole('button', { name: 'Flyt sagen' }).click();
  await expect(sofie.getByRole('alert').getByRole('link', { name: /Skriv en besked til borgeren/ })).toBeVisible();
  await sofie
    .getByLabel('Besked til borgeren med almindelige ord')
    .fill('Vi har fået svar fra din læge og vurderer nu din ansøgning.');
  await sofie.getByRole('button', { name: 'Flyt sagen' }).click();
  await expect(sofie.getByText('Sagen er flyttet til næste trin.')).toBeVisible();

  const freja = await (await browser.newContext()).newPage();
  await loginSom(freja, 'Freja Holm');
  await freja.getByRole('link', { name: 'Socialpædagogisk støtte', exact: true }).click();
  await expect(freja.locator('[aria-current="step"]')).toContainText('Vi vurderer din sag');
  await expect(freja.getByText('Vi har fået svar fra din læge og vurderer nu din ansøgning.').first()).toBeVisible();
});

test('Maria bevilger Jens badebænken og aftaler levering – Jens ser det', async ({ browser }) => {
  // Two logins and four axe scans: more than one test's usual time on a small machine.
  test.slow();
  const maria = await (await browser.newContext()).newPage();
  await loginSom(maria, 'Maria Kjær', { medarbejder: true });
  await maria.getByRole('link', { name: 'Hjælpemidler', exact: true }).last().click();
  await expectNoAxeViolations(maria);
  await maria
    .getByRole('row')
    .filter({ hasText: 'Jens Madsen' })
    .filter({ hasText: 'Under vurdering' })
    .getByRole('link', { name: 'Badebænk' })
    .click();
  await expectNoAxeViolations(maria);
  await maria.getByLabel('Hvad skal der ske?').selectOption({ label: 'Bevilg' });
  await maria.getByRole('button', { name: 'Gem' }).click();
  await expect(maria.getByRole('alert').getByRole('link', { name: /Skriv begrundelsen/ })).toBeVisible();
  await expectNoAxeViolations(maria);
  await maria.getByLabel(/Begrundelse/).fill('Du kan ikke stå sikkert i badet. En badebænk gør det sikkert for dig.');
  // Jens has no Digital Post: the complaint deadline runs from the letter's receipt 6 working days later.
  await expect(maria.getByRole('radio', { name: 'Digital Post' })).toBeChecked();
  await maria.getByRole('radio', { name: 'Almindelig post' }).check();
  await maria.getByRole('button', { name: 'Gem' }).click();
  await expect(maria.getByText('Gemt. Borgeren kan se den nye status.')).toBeVisible();
  const levering = omDage(7);
  await maria.getByLabel('Hvad skal der ske?').selectOption({ label: 'Aftal levering' });
  await maria.getByLabel(/Leveringsdato/).fill(levering);
  await maria.getByRole('button', { name: 'Gem' }).click();
  await expect(maria.getByText('Gemt. Borgeren kan se den nye status.')).toBeVisible();
  await maria.goto('/medarbejder/overgang');
  await expectNoAxeViolations(maria);

  const jens = await (await browser.newContext()).newPage();
  await loginSom(jens, 'Jens Madsen');
  await jens.getByRole('link', { name: 'Mine hjælpemidler' }).click();
  const bænk = jens
    .getByRole('listitem')
    .filter({ hasText: 'Badebænk' })
    .filter({ has: jens.locator('.badge', { hasText: 'Levering aftalt' }) });
  await expect(bænk).toHaveCount(1);
  await expect(bænk).toContainText('Levering');
  await bænk.getByRole('link', { name: 'Se sagen' }).click();
  await expect(jens.getByRole('heading', { name: 'Afgørelse: Bevilling' })).toBeVisible();
  // Decided Wednesday 2 December 2026 and sent by ordinary post: received Thursday 10 December.
  await expect(
    jens.getByText(
      'Afgørelsen er sendt med Almindelig post. Vi regner med, at du fik afgørelsen den 10. december 2026.',
    ),
  ).toBeVisible();
  await expect(jens.getByText(/Depotet leverer badebænk/)).toBeVisible();
});

test('Henrik ser unge mellem 16 og 18 år, og at Freja har en overgangssag', async ({ page }) => {
  await loginSom(page, 'Henrik Berg', { medarbejder: true });
  await page.getByRole('link', { name: 'Unge 16-18 år' }).click();
  await expect(page.getByText('Alle unge mellem 16 og 18 år, som du kan se, har en overgangssag.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Freja Holm' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Sofie ser Alis egne emner, opretter et møde og et delmål, og Ali ser dem', async ({ browser }) => {
  test.setTimeout(90_000);
  const sofie = await (await browser.newContext()).newPage();
  await loginSom(sofie, 'Sofie Lund', { medarbejder: true });
  await aabnSomMedarbejder(sofie, 'Ali Hassan', 'Ledsagelse');
  await sofie.getByRole('link', { name: 'Ali Hassans møder, plan og pårørende' }).click();
  await expect(sofie.getByText('Min nye bolig i Uldum (Ali Hassan)')).toBeVisible();
  await expect(sofie.getByText('Bisidder: Hanne Jensen')).toBeVisible();
  await expectNoAxeViolations(sofie);

  await sofie.getByRole('button', { name: 'Opret møde' }).click();
  await expect(sofie.getByRole('alert').getByRole('link', { name: 'Vælg dato og tid.' })).toBeVisible();
  await expectNoAxeViolations(sofie);
  await sofie.getByLabel('Tværfagligt møde').check();
  await sofie.getByLabel('Titel', { exact: true }).fill('Møde med jobcentret om praktik');
  const start = omDage(10);
  await sofie.getByLabel('Start (dato og tid)').fill(`${start}T10:00`);
  await sofie.getByLabel('Deltagere (én pr. linje)').fill('Ali Hassan\nSofie Lund\nJobcentret');
  await sofie.getByLabel('Dagsorden (ét punkt pr. linje)').fill('Praktikplads\nTransport');
  await sofie.getByRole('button', { name: 'Opret møde' }).click();
  await expect(sofie.getByText('Gemt. Borgeren kan se det i Mit Forløb.')).toBeVisible();

  await sofie.getByLabel('Nyt delmål').fill('Tage bussen alene til praktikken');
  await sofie.getByLabel('Indsats').fill('Bustræning med bostøtten');
  await sofie.getByRole('button', { name: 'Tilføj delmål' }).click();
  await expect(sofie.getByLabel('Status for Tage bussen alene til praktikken')).toBeVisible();

  await sofie.getByLabel('Status for Lave en ugeplan og følge den').selectOption({ label: 'Nået' });
  await sofie
    .getByLabel('Evaluering af Lave en ugeplan og følge den sammen med borgeren')
    .fill('Du følger ugeplanen hver dag nu.');
  await sofie.getByRole('button', { name: 'Gem evaluering af Lave en ugeplan og følge den' }).click();
  await expect(sofie.getByText('Du følger ugeplanen hver dag nu.')).toBeVisible();
  await expectNoAxeViolations(sofie);

  // Registering a paper fuldmagt is a leder's task (security review M2): Sofie gets no form.
  await expect(
    sofie.getByText('En leder registrerer forældremyndighed, fuldmagter på papir og værgemål.'),
  ).toBeVisible();
  await expect(sofie.getByLabel('Den pårørendes CPR-nummer')).toHaveCount(0);

  const ali = await (await browser.newContext()).newPage();
  await loginSom(ali, 'Ali Hassan');
  await ali.goto('/min-side/moeder');
  await expect(ali.getByRole('link', { name: 'Møde med jobcentret om praktik' })).toBeVisible();
  await ali.goto('/min-side/plan');
  await expect(ali.getByText('Tage bussen alene til praktikken')).toBeVisible();
  await expect(ali.getByText('Du følger ugeplanen hver dag nu.')).toBeVisible();
});

test('Vibeke ændrer en afgørelse ved en genvurdering, der er overskredet – Jonna får den nye afgørelse med brev', async ({
  browser,
}) => {
  // Jonna Lind and her portal case in Team Vest, where no demo persona works: a refusal she
  // complained about, whose 4 weeks of re-assessment ran out two days ago.
  await jonnasSag(
    'e2e-jonna-sag',
    {
      titel: 'Hjemmehjælp til rengøring',
      trin: 7,
      trinTekst: 'Vi vurderer afgørelsen igen.',
      modtaget: omDage(-70),
      frist: omDage(-30),
    },
    { udfald: 'afslag', dato: omDage(-40), begrundelse: 'Du kan selv gøre rent.', klagefrist: omDage(-12) },
  );
  await spoerg(
    `insert into klager (id, sag_id, afgoerelse_id, tekst, modtaget, status, genvurdering_frist, indsendt_af)
     values ('e2e-jonna-klage', 'e2e-jonna-sag', 'e2e-jonna-sag-afg', 'Jeg kan ikke løfte støvsugeren efter min operation.', '${omDage(-30)}T09:00:00.000Z', 'modtaget', '${omDage(-2)}', 'Jonna Lind')`,
  );

  const vibeke = await (await browser.newContext()).newPage();
  await loginSom(vibeke, 'Vibeke Vest', { medarbejder: true });
  const raekke = vibeke.getByRole('row').filter({ hasText: 'Jonna Lind' });
  await expect(raekke).toContainText('(genvurdering af klage)');
  await expect(raekke).toContainText('Overskredet');
  await raekke.getByRole('link', { name: 'Hjemmehjælp til rengøring' }).click();
  await expect(vibeke.getByRole('heading', { name: /Klage modtaget – genvurdering senest/ })).toContainText(
    'Overskredet',
  );

  // "Afgørelsen ændres" without the new decision: the errors by the fields, nothing lost.
  await vibeke.getByLabel('Afgørelsen ændres').check();
  const begrundelse = 'Efter operationen kan du ikke løfte en støvsuger.';
  await vibeke.locator('#klage-begrundelse').fill(begrundelse);
  await vibeke.getByRole('button', { name: 'Gem genvurdering' }).click();
  await expect(vibeke.locator('#klage-udfald-fejl')).toContainText('Vælg den nye afgørelse.');
  await expect(vibeke.locator('#klage-brev-fejl')).toContainText('mindst 20 tegn');
  await expect(vibeke.locator('#klage-begrundelse')).toHaveValue(begrundelse);
  await expectNoAxeViolations(vibeke);

  await vibeke.getByLabel('Afgørelsen ændres').check();
  await vibeke.getByLabel('Bevilling', { exact: true }).check();
  await vibeke
    .getByLabel('Brev til borgeren med den nye afgørelse')
    .fill('Kære Jonna Lind. Du får hjælp til rengøring hver anden uge.');
  await vibeke.getByRole('button', { name: 'Gem genvurdering' }).click();
  await expect(vibeke.getByText('Genvurderingen er gemt.')).toBeVisible();
  await expect(vibeke.getByRole('heading', { name: /Klage modtaget/ })).toHaveCount(0);
  await vibeke.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(vibeke);

  const jonna = await (await browser.newContext()).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await jonna.getByRole('link', { name: 'Hjemmehjælp til rengøring', exact: true }).click();
  await expect(jonna.getByRole('heading', { name: 'Afgørelse: Bevilling' })).toBeVisible();
  await expect(jonna.getByText('Vi har vurderet afgørelsen igen og ændrer den.')).toBeVisible();
  await expect(jonna.getByRole('link', { name: /Afgørelse: bevilling – hjemmehjælp til rengøring/ })).toBeVisible();
  await expectNoAxeViolations(jonna);
});

test('Vibeke sender Jonna en partshøring og et brev; Jonna svarer, og Vibeke læser svaret', async ({ browser }) => {
  // Axe at three widths on several states: close to a minute on CI, so it gets two.
  test.setTimeout(120_000);
  await jonnasSag('e2e-jonna-indkoeb', {
    titel: 'Hjælp til indkøb',
    trin: 4,
    trinTekst: 'Vi vurderer din sag.',
    modtaget: omDage(-20),
    frist: omDage(30),
  });

  // The forms as they work without JavaScript; axe below, on a page with it.
  const vibeke = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(vibeke, 'Vibeke Vest', { medarbejder: true });
  await vibeke.goto('/medarbejder/sager/e2e-jonna-indkoeb');
  await vibeke.getByRole('button', { name: 'Send partshøring' }).click();
  await expect(vibeke.locator('#materiale-fejl')).toContainText(
    'Skriv de oplysninger, borgeren skal have mulighed for at kommentere.',
  );
  const materiale = 'Din læge skriver, at du ikke kan bære mere end 2 kg efter operationen.';
  await vibeke.getByLabel('Oplysningerne, borgeren skal kommentere').fill(materiale);
  await vibeke.getByRole('button', { name: 'Send partshøring' }).click();
  await expect(vibeke.getByText('Partshøringen er sendt.')).toBeVisible();
  await expect(vibeke.getByText('5: Partshøring')).toBeVisible();
  await expect(vibeke.getByRole('button', { name: 'Send partshøring' })).toHaveCount(0);

  await vibeke.getByRole('button', { name: 'Læg brevet på sagen' }).click();
  await expect(vibeke.locator('#brev-titel-fejl')).toContainText('Skriv brevets overskrift.');
  await expect(vibeke.locator('#brev-tekst-fejl')).toContainText('Skriv brevet.');
  await vibeke.getByLabel('Overskrift').fill('Om din madlevering');
  await vibeke
    .getByLabel('Brevet til borgeren')
    .fill('Kære Jonna Lind. Indtil vi har afgjort din sag, kan du bestille mad fra caféen.');
  await vibeke.getByRole('button', { name: 'Læg brevet på sagen' }).click();
  await expect(vibeke.getByText('Brevet ligger på sagen.')).toBeVisible();
  const medJs = await (await browser.newContext()).newPage();
  await loginSom(medJs, 'Vibeke Vest', { medarbejder: true });
  await medJs.goto('/medarbejder/sager/e2e-jonna-indkoeb');
  for (const bredde of [390, 320]) {
    await medJs.setViewportSize({ width: bredde, height: 844 });
    await expectNoAxeViolations(medJs);
  }

  // Without JavaScript: the answer, its check step and the receipt are plain forms (axe runs on them in min-side.spec.ts).
  const jonna = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await jonna.goto('/sager/e2e-jonna-indkoeb');
  await expect(jonna.getByRole('link', { name: 'Om din madlevering' })).toBeVisible();
  await expect(jonna.getByRole('link', { name: 'Partshøring: Hjælp til indkøb' })).toBeVisible();
  await jonna.getByRole('link', { name: 'Læs oplysningerne og svar' }).click();
  await expect(jonna.getByText(materiale)).toBeVisible();
  await jonna.getByLabel('Dine bemærkninger').fill('Jeg kan bære 1 kg, ikke 2.');
  await jonna.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(jonna.getByRole('heading', { level: 1 })).toHaveText('Tjek dit svar, før du sender det');
  await jonna.getByRole('button', { name: 'Send svaret' }).click();
  await expect(jonna.getByText('Vi har modtaget dit svar på partshøringen.')).toBeVisible();
  await jonna.getByLabel('Det vil du tilføje').fill('Min datter handler om lørdagen.');
  await jonna.getByRole('button', { name: 'Fortsæt' }).click();
  await jonna.getByRole('button', { name: 'Send tilføjelsen' }).click();
  await expect(jonna.getByText('Vi har modtaget din tilføjelse til svaret.')).toBeVisible();

  await vibeke.reload();
  await expect(vibeke.getByRole('heading', { name: 'Svar på partshøring' })).toBeVisible();
  await expect(vibeke.getByText('Jeg kan bære 1 kg, ikke 2.')).toBeVisible();
  await expect(vibeke.getByText('Min datter handler om lørdagen.')).toBeVisible();
});

test('Lene registrerer Jonnas forældremyndighed over Oliver uden JavaScript; Jonna kan handle for ham', async ({
  browser,
}) => {
  await jonnaLind();
  // Oliver, 10, with a case in Voksenhandicap, Lene's unit (a leder registers for the people in her scope).
  await spoerg(
    `insert into personer (id, cpr, navn, foedselsdato, adresse, by) values ('e2e-oliver', '0306164234', 'Oliver Lind', '2016-06-03', 'Skolegade 3, 7160 Tørring', 'Tørring') on conflict do nothing`,
  );
  await spoerg(
    `insert into sager (id, person_id, enhed, titel, lovgrundlag, trin, trin_tekst, aaben, modtaget, frist)
     values ('e2e-oliver-sag', 'e2e-oliver', 'voksenhandicap', 'Merudgifter til Oliver', 'Barnets Lov § 86', 3, 'Vi indhenter oplysninger.', 1, '${omDage(-10)}', '${omDage(50)}') on conflict do nothing`,
  );

  const lene = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(lene, 'Lene Skov', { medarbejder: true });
  await lene.goto('/medarbejder/personer/e2e-oliver');
  await lene.getByLabel(/Forældremyndighed over et barn under 18 år/).check();
  await lene.getByRole('button', { name: 'Registrér' }).click();
  await expect(lene.locator('#relation-cpr-fejl')).toContainText('CPR-nummer');
  await expect(lene.getByLabel(/Forældremyndighed over et barn under 18 år/)).toBeChecked();
  await lene.getByLabel('Den pårørendes CPR-nummer').fill('120365-1234');
  await lene.getByRole('button', { name: 'Registrér' }).click();
  await expect(lene.getByText('Gemt. Borgeren kan se det i Mit Forløb.')).toBeVisible();
  await expect(lene.getByRole('listitem').filter({ hasText: 'Jonna Lind' })).toContainText(
    'Forældremyndighed (indtil 18 år)',
  );

  const medJs = await (await browser.newContext()).newPage();
  await loginSom(medJs, 'Lene Skov', { medarbejder: true });
  await medJs.goto('/medarbejder/personer/e2e-oliver');
  await medJs.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(medJs);

  const jonna = await (await browser.newContext()).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await expect(jonna.getByText('Du kan også handle på vegne af Oliver Lind')).toBeVisible();
});

test('en afgørelse sendt med almindelig post: klagefristen regnes fra modtagelsen (Vibeke uden JavaScript, Jonna ser datoerne)', async ({
  browser,
}) => {
  await jonnasSag('e2e-jonna-post', {
    titel: 'Ledsagelse til indkøb',
    lovgrundlag: 'Serviceloven § 97',
    trin: 4,
    trinTekst: 'Vi vurderer din ansøgning.',
    modtaget: omDage(-40),
    frist: omDage(30),
  });
  const kontekst = await browser.newContext({ javaScriptEnabled: false });
  const vibeke = await kontekst.newPage();
  await loginSom(vibeke, 'Vibeke Vest', { medarbejder: true });
  await vibeke.goto('/medarbejder/sager/e2e-jonna-post');
  const form = vibeke.locator('form[action="?formular=afgoerelse"]');
  // Digital Post is chosen until the caseworker says otherwise.
  await expect(form.getByLabel('Digital Post')).toBeChecked();
  await form.getByLabel('Almindelig post').check();
  await form.getByLabel('Afslag', { exact: true }).check();
  await form.getByLabel('Begrundelse', { exact: true }).fill('Du kan selv handle ind med din rollator.');
  // Too short a letter: the error by the field, and the choice of post kept.
  await form.getByLabel('Brev til borgeren', { exact: true }).fill('For kort');
  await form.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(vibeke.locator('#brev-fejl')).toContainText('mindst 20 tegn');
  await expect(vibeke.getByLabel('Almindelig post')).toBeChecked();
  await vibeke
    .getByLabel('Brev til borgeren', { exact: true })
    .fill('Kære Jonna Lind. Du får afslag på ledsagelse til indkøb.');
  await vibeke.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(vibeke.getByText('Afgørelsen er truffet, og brevet ligger på sagen.')).toBeVisible();
  await kontekst.close();

  const jonna = await (await browser.newContext()).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await jonna.goto('/sager/e2e-jonna-post');
  // Dated Wednesday 2 December: received 6 working days later, and 4 weeks from then.
  await expect(
    jonna.getByText(
      'Afgørelsen er sendt med Almindelig post. Vi regner med, at du fik afgørelsen den 10. december 2026.',
    ),
  ).toBeVisible();
  await expect(jonna.getByText(/Klagefristen er 7\. januar 2027/)).toBeVisible();
  await expectNoAxeViolations(jonna);
});

test('Jonna klager efter fristen: klagen modtages, kvitteringen siger det, og Vibeke genvurderer den', async ({
  browser,
}) => {
  await jonnasSag(
    'e2e-jonna-sen',
    { titel: 'Madservice', trin: 6, trinTekst: 'Du har fået afslag.', modtaget: omDage(-90), frist: omDage(-50) },
    { udfald: 'afslag', dato: omDage(-60), begrundelse: 'Du kan selv lave mad.', klagefrist: omDage(-32) },
  );
  const jonna = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await loginSom(jonna, 'Jonna Lind');
  await jonna.goto('/sager/e2e-jonna-sen');
  await expect(jonna.getByText(/Klagefristen udløb .*\. Du kan stadig klage/)).toBeVisible();
  await jonna.getByRole('link', { name: 'Klag over afgørelsen' }).click();
  await expect(jonna.getByText(/Klagefristen er overskredet, men vi modtager din klage alligevel/)).toBeVisible();
  await expectNoAxeViolations(jonna);
  await jonna
    .getByLabel('Hvorfor er du uenig i afgørelsen?')
    .fill('Jeg var indlagt i seks uger og kunne ikke klage før nu.');
  await jonna.getByRole('button', { name: 'Send klagen' }).click();
  await expect(jonna.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(jonna.getByRole('row', { name: /Efter klagefristen/ })).toContainText(
    'klagen er modtaget og går videre',
  );
  await expect(jonna.getByText(/Det er Ankestyrelsen, der afgør, om klagen kan behandles/)).toBeVisible();
  await expectNoAxeViolations(jonna);

  const vibeke = await (await browser.newContext()).newPage();
  await loginSom(vibeke, 'Vibeke Vest', { medarbejder: true });
  await vibeke.goto('/medarbejder/sager/e2e-jonna-sen');
  await expect(vibeke.getByRole('heading', { name: /Klage modtaget – genvurdering senest/ })).toContainText(
    'Efter klagefristen',
  );
  await vibeke.getByLabel('Afgørelsen fastholdes – send klagen til Ankestyrelsen').check();
  await vibeke.locator('#klage-begrundelse').fill('Du kan stadig selv lave mad med lidt hjælp.');
  await vibeke.getByRole('button', { name: 'Gem genvurdering' }).click();
  await expect(vibeke.getByText('Genvurderingen er gemt.')).toBeVisible();
  await jonna.goto('/sager/e2e-jonna-sen');
  await expect(jonna.getByText('Din klage er sendt til Ankestyrelsen.', { exact: true })).toBeVisible();
});

test('med JavaScript gemmes klagen som kladde, mens Jonna skriver; efter et timeout og nyt login er den der stadig', async ({
  browser,
}) => {
  await jonnasSag(
    'e2e-jonna-kladde',
    {
      titel: 'Kørsel til genoptræning',
      trin: 6,
      trinTekst: 'Du har fået afslag.',
      modtaget: omDage(-30),
      frist: omDage(-5),
    },
    { udfald: 'afslag', dato: omDage(-3), begrundelse: 'Du kan tage bussen.', klagefrist: omDage(25) },
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginSom(page, 'Jonna Lind');
  await page.goto('/sager/e2e-jonna-kladde/klage');
  const tekst = 'Bussen kører ikke til genoptræningen om formiddagen. Jeg skrev dette, og så ringede telefonen.';
  // Typing pauses, and the page saves the text on the server.
  const gemt = page.waitForResponse((r) => r.url().endsWith('/_actions/gemKladde') && r.status() === 200);
  await page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill(tekst);
  await gemt;
  // She leaves the tab for 31 minutes: the session runs out, and the page with it.
  await saetDato(page, efterNu(0, 31));
  await page.goto('/sager/e2e-jonna-kladde/klage');
  await expect(page).toHaveURL(/\/log-ind/);
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/test-mitid') || u.pathname.endsWith('/klage'));
  if (new URL(page.url()).pathname.startsWith('/test-mitid')) await logIndHos(page, 'Jonna Lind');
  await expect(page).toHaveURL(/\/sager\/e2e-jonna-kladde\/klage$/);
  await expect(page.getByRole('heading', { name: 'Din klage er ikke sendt endnu' })).toBeVisible();
  await expect(page.getByText('Vi har gemt det, du skrev sidst, herunder.')).toBeVisible();
  await expect(page.getByLabel('Hvorfor er du uenig i afgørelsen?')).toHaveValue(tekst);
  await expectNoAxeViolations(page);
  expect(Number((await spoergKolonne(`select count(*) from klager where sag_id = 'e2e-jonna-kladde'`))[0])).toBe(0);
  await page.getByRole('button', { name: 'Send klagen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(page.getByRole('row', { name: /Din klage/ })).toContainText(tekst);
  // Sent: the draft is gone.
  expect(
    Number(
      (await spoergKolonne(`select count(*) from formularkladder where sti = '/sager/e2e-jonna-kladde/klage'`))[0],
    ),
  ).toBe(0);
  await context.close();
});

test('en klage skrevet hen over et timeout går ikke tabt: Jonna logger ind igen, får teksten tilbage og sender den', async ({
  browser,
}) => {
  await jonnasSag(
    'e2e-jonna-timeout',
    {
      titel: 'Kørsel til aktivitetscenter',
      trin: 6,
      trinTekst: 'Du har fået afslag.',
      modtaget: omDage(-30),
      frist: omDage(-5),
    },
    { udfald: 'afslag', dato: omDage(-3), begrundelse: 'Du kan tage bussen.', klagefrist: omDage(25) },
  );
  // Without JavaScript: no warning before the timeout, so only the server can save the text.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginSom(page, 'Jonna Lind');
  await page.goto('/sager/e2e-jonna-timeout/klage');
  const tekst =
    'Der går ingen bus på de tidspunkter, hvor aktivitetscentret har åbent. Jeg har skrevet længe på dette.';
  await page.getByLabel('Hvorfor er du uenig i afgørelsen?').fill(tekst);
  // She was away from the screen for 31 minutes before pressing the button.
  await saetDato(page, efterNu(0, 31));
  await page.getByRole('button', { name: 'Send klagen' }).click();
  await expect(page).toHaveURL(/\/log-ind\?next=/);
  await expect(page.getByText('Det, du sendte, er ikke sendt endnu.')).toBeVisible();
  expect(Number((await spoergKolonne(`select count(*) from klager where sag_id = 'e2e-jonna-timeout'`))[0])).toBe(0);

  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  // The stand-in MitID may still know her (its own session runs on the real clock): then it asks nothing.
  await page.waitForURL((u) => u.pathname.startsWith('/test-mitid') || u.pathname.endsWith('/klage'));
  if (new URL(page.url()).pathname.startsWith('/test-mitid')) await logIndHos(page, 'Jonna Lind');
  await expect(page).toHaveURL(/\/sager\/e2e-jonna-timeout\/klage$/);
  await expect(page.getByRole('heading', { name: 'Din klage er ikke sendt endnu' })).toBeVisible();
  await expect(page.getByLabel('Hvorfor er du uenig i afgørelsen?')).toHaveValue(tekst);
  await page.getByRole('button', { name: 'Send klagen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvittering');
  await expect(page.getByRole('row', { name: /Din klage/ })).toContainText(tekst);
  // Given back once: the form is empty when she opens it again (and the complaint is made).
  await page.goto('/sager/e2e-jonna-timeout/klage');
  await expect(page.getByText('Du har allerede klaget over denne afgørelse.')).toBeVisible();
  await context.close();
});

test('en lang sagsliste vises 50 ad gangen med sideskift, også uden JavaScript og på en telefon', async ({
  browser,
}) => {
  await birtheBunkesSager(120);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginSom(page, 'Birthe Bunke', { medarbejder: true });
  await expect(page.getByText('Viser 1–50 af 120 sager')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(50);
  const sider = page.getByRole('navigation', { name: 'Sider i sagslisten' });
  await sider.getByRole('link', { name: 'Næste side' }).click();
  await expect(page.getByText('Viser 51–100 af 120 sager')).toBeVisible();
  await expect(sider.getByRole('link', { name: 'Side 2' })).toHaveAttribute('aria-current', 'page');
  await sider.getByRole('link', { name: 'Side 3' }).click();
  await expect(page.getByText('Viser 101–120 af 120 sager')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(20);
  // A filter starts again on page 1 and is kept from page to page.
  await page.getByLabel('Status').selectOption('alle');
  await page.getByRole('button', { name: 'Vis sager' }).click();
  await expect(page.getByText('Viser 1–50 af 120 sager')).toBeVisible();
  await sider.getByRole('link', { name: 'Næste side' }).click();
  await expect(page).toHaveURL(/status=alle.*side=2|side=2.*status=alle/);

  const telefon = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await loginSom(telefon, 'Birthe Bunke', { medarbejder: true });
  await expect(telefon.getByText('Side 1 af 3')).toBeVisible();
  await expectNoAxeViolations(telefon);
  await expectIngenVandretRulning(telefon);
});
