/** The editor's form from the schema and back: every field shown, nothing lost, errors by the right field. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feltfejl } from '#/features/api/validering.ts';
import { samlinger } from '#/features/indhold/schemas.ts';
import {
  alleFelter,
  type Felt,
  fejlPerFelt,
  feltId,
  formularFelter,
  formularVaerdier,
  frontmatterFraFormular,
} from './felter.ts';
import { laesIndholdsfil } from './filer.server.ts';
import type { Samling } from './versioner.server.ts';

const samlingerne = Object.keys(samlinger) as Samling[];

/** What a browser posts for these values: every field, each chosen option once. */
function formular(vaerdier: Record<string, string | string[]>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [navn, v] of Object.entries(vaerdier)) for (const x of [v].flat()) form.append(navn, x);
  return form;
}

/** The messages the editor sees for a posted form, as gemKladde would produce them. */
function fejlFor(samling: Samling, form: URLSearchParams): Record<string, string> {
  const tjek = samlinger[samling].safeParse(frontmatterFraFormular(samling, form));
  return tjek.success ? {} : fejlPerFelt(samling, feltfejl(tjek.error));
}

const filer = (samling: Samling) =>
  readdirSync(join('content', samling))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('content', samling, f));

const foersteFil = (samling: Samling) => {
  const [fil] = filer(samling);
  if (!fil) throw new Error(`Ingen filer i content/${samling}`);
  return laesIndholdsfil(readFileSync(fil, 'utf8')).frontmatter;
};

const slagsAf = (felter: Felt[]): Record<string, string> =>
  Object.fromEntries(
    felter.flatMap((f) => [[f.navn, f.slags], ...(f.slags === 'gruppe' ? f.felter.map((g) => [g.navn, g.slags]) : [])]),
  );

describe('formularFelter', () => {
  it.each(samlingerne)('%s: ét felt pr. nøgle i skemaet, i skemaets rækkefølge', (samling) => {
    expect(formularFelter(samling).map((f) => f.navn)).toEqual(Object.keys(samlinger[samling].shape));
  });

  it('en pjece får tekst, langtekst, valg, dato, tabel og tal, på dansk', () => {
    const felter = formularFelter('pjecer');
    expect(slagsAf(felter)).toEqual({
      titel: 'tekst',
      resume: 'langtekst',
      omraade: 'valg',
      opdateret: 'dato',
      gennemgaaet: 'dato',
      kilder: 'tabel',
      raekkefoelge: 'tal',
    });
    expect(felter.map((f) => f.label)).toEqual([
      'Titel',
      'Resumé',
      'Område',
      'Opdateret',
      'Senest gennemgået',
      'Kilder',
      'Rækkefølge',
    ]);
    expect(felter.find((f) => f.navn === 'kilder')).toMatchObject({
      kolonner: ['titel', 'url'],
      hjaelp: 'Én pr. linje: titel | webadresse (webadresse kan udelades).',
      valgfri: false,
    });
    expect(felter.find((f) => f.navn === 'raekkefoelge')).toMatchObject({
      valgfri: true,
      hjaelp: expect.stringContaining('100'),
    });
    expect(felter.find((f) => f.navn === 'omraade')).toMatchObject({
      valg: expect.arrayContaining([{ vaerdi: 'voksenhandicap', tekst: 'Voksne med handicap' }]),
    });
  });

  it('et tilbud har flervalg med teamenes navne og kontakt som en gruppe', () => {
    const felter = formularFelter('tilbud');
    expect(slagsAf(felter)).toMatchObject({
      maalgrupper: 'flervalg',
      teams: 'flervalg',
      adresse: 'tekst',
      tilgaengelighed: 'langtekst',
      kontakt: 'gruppe',
      'kontakt.navn': 'tekst',
      'kontakt.email': 'tekst',
    });
    expect(felter.find((f) => f.navn === 'teams')).toMatchObject({
      valg: [
        { vaerdi: 'oest', tekst: 'Team Øst' },
        { vaerdi: 'vest', tekst: 'Team Vest' },
        { vaerdi: 'midt', tekst: 'Team Midt' },
      ],
    });
    expect(felter.find((f) => f.navn === 'adresse')?.valgfri).toBe(true);
  });

  it('et forløbstrin (et skema med .refine) og et hjælpemiddel får linjer og et afkrydsningsfelt', () => {
    expect(slagsAf(formularFelter('forloeb'))).toMatchObject({ trin: 'tal', kort: 'langtekst', duKan: 'linjer' });
    expect(formularFelter('hjaelpemidler').find((f) => f.navn === 'korttidslaan')).toMatchObject({
      slags: 'sandt',
      valgfri: true,
    });
  });
});

describe('formularVaerdier og frontmatterFraFormular', () => {
  describe.each(samlingerne)('%s', (samling) => {
    it.each(filer(samling))('%s kommer uændret gennem formularen', (fil) => {
      const { frontmatter } = laesIndholdsfil(readFileSync(fil, 'utf8'));
      const tilbage = frontmatterFraFormular(samling, formular(formularVaerdier(samling, frontmatter)));
      expect(samlinger[samling].parse(tilbage)).toEqual(samlinger[samling].parse(frontmatter));
      // No file writes a default out, so even the raw frontmatter comes back as it was.
      expect(tilbage).toEqual(frontmatter);
    });
  });

  it('en pjece vises med dato, kilder som linjer og tal som tekst', () => {
    const v = formularVaerdier('pjecer', {
      titel: 'Sådan klager du',
      opdateret: '2026-12-04',
      raekkefoelge: 4,
      kilder: [{ titel: 'Retssikkerhedsloven § 66' }, { titel: 'Ankestyrelsen', url: 'https://ast.dk/' }],
    });
    expect(v).toMatchObject({
      opdateret: '2026-12-04',
      gennemgaaet: '',
      raekkefoelge: '4',
      kilder: 'Retssikkerhedsloven § 66\nAnkestyrelsen | https://ast.dk/',
    });
  });

  it('tomme valgfrie felter udelades, og tekst, linjer og tal ryddes op', () => {
    const form = formular({
      ...formularVaerdier('tilbud', foersteFil('tilbud')),
      adresse: '  ',
      tilgaengelighed: '',
      'kontakt.telefon': '',
      'kontakt.email': '',
    });
    const fm = frontmatterFraFormular('tilbud', form);
    expect(fm).not.toHaveProperty('adresse');
    expect(fm).not.toHaveProperty('tilgaengelighed');
    expect(fm.kontakt).toEqual({ navn: expect.any(String) });
    expect(samlinger.tilbud.safeParse(fm).success).toBe(true);

    const overgang = frontmatterFraFormular(
      'overgang',
      formular({
        titel: ' Ved 16 år ',
        maanederFoer18: '-3',
        kommunenGoer: 'Vi ringer.\r\n\r\n  Vi skriver.  \n',
        duGoer: '',
      }),
    );
    expect(overgang).toEqual({ titel: 'Ved 16 år', maanederFoer18: -3, kommunenGoer: ['Vi ringer.', 'Vi skriver.'] });
  });

  it('et afkrydsningsfelt er ja eller udeladt, og en dansk dato vendes', () => {
    const hm = (v: Record<string, string>) => frontmatterFraFormular('hjaelpemidler', formular(v));
    expect(hm({ korttidslaan: 'ja' })).toEqual({ korttidslaan: true });
    expect(hm({ korttidslaan: '' })).toEqual({});
    expect(formularVaerdier('hjaelpemidler', { korttidslaan: true }).korttidslaan).toBe('ja');
    expect(frontmatterFraFormular('sider', formular({ opdateret: '3.12.2026' }))).toEqual({ opdateret: '2026-12-03' });
  });

  it('en kilde uden webadresse og en med for mange celler', () => {
    const fm = frontmatterFraFormular('pjecer', formular({ kilder: 'Loven |\nAST | https://ast.dk | x' }));
    expect(fm.kilder).toEqual([{ titel: 'Loven' }, { titel: 'AST', url: 'https://ast.dk | x' }]);
  });
});

describe('fejlPerFelt', () => {
  const pjece = () => formularVaerdier('pjecer', foersteFil('pjecer'));

  it('en rækkefølge, der ikke er et tal, giver en dansk besked under feltet', () => {
    const form = formular({ ...pjece(), raekkefoelge: 'først' });
    expect(frontmatterFraFormular('pjecer', form).raekkefoelge).toBe('først');
    expect(fejlFor('pjecer', form)).toEqual({ raekkefoelge: 'skal være et tal' });
  });

  it('en forkert webadresse i anden kilde siges under Kilder, med linjen', () => {
    const form = formular({ ...pjece(), kilder: 'Serviceloven § 112\nAnkestyrelsen | ast.dk' });
    expect(fejlFor('pjecer', form)).toEqual({
      kilder: 'Linje 2: skal være en webadresse som https://ast.dk/...',
    });
  });

  it('en tom påkrævet tekst og en manglende kilde', () => {
    const form = formular({ ...pjece(), titel: '', kilder: '' });
    expect(fejlFor('pjecer', form)).toEqual({
      titel: expect.stringContaining('mangler'),
      kilder: expect.stringContaining('mangler'),
    });
  });

  it('en gruppes felter beholder deres navn; ukendte stier samles under ""', () => {
    expect(
      fejlPerFelt('tilbud', [
        { felt: 'kontakt.email', besked: 'skal være en e-mailadresse' },
        { felt: 'kontakt.email', besked: 'anden besked' },
        { felt: 'teams[1]', besked: 'skal være en af: oest, vest, midt' },
        { felt: 'status', besked: 'Versionen venter på godkendelse.' },
        { felt: '(hele objektet)', besked: 'ignoreres, den første vinder' },
      ]),
    ).toEqual({
      'kontakt.email': 'skal være en e-mailadresse',
      teams: 'skal være en af: oest, vest, midt',
      '': 'Versionen venter på godkendelse.',
    });
    expect(fejlPerFelt('forloeb', [{ felt: 'duKan.0', besked: 'må ikke være tom' }])).toEqual({
      duKan: 'Linje 1: må ikke være tom',
    });
  });

  it('en forkert e-mail i et tilbud lander på kontakt.email', () => {
    const form = formular({ ...formularVaerdier('tilbud', foersteFil('tilbud')), 'kontakt.email': 'hanne' });
    expect(fejlFor('tilbud', form)).toEqual({ 'kontakt.email': 'skal være en e-mailadresse' });
  });
});

describe('alleFelter og feltId', () => {
  it('en gruppe står før sine egne felter, og hvert felt har sit id på siden', () => {
    const navne = alleFelter(formularFelter('tilbud')).map((f) => f.navn);
    expect(navne.slice(navne.indexOf('kontakt'))).toEqual([
      'kontakt',
      'kontakt.navn',
      'kontakt.telefon',
      'kontakt.email',
    ]);
    expect(feltId('kontakt.email')).toBe('fm-kontakt-email');
  });
});
