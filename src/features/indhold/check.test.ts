import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from './check.ts';
import { samlinger } from './schemas.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A content folder with every collection present, plus the given files. */
function contentWith(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'indhold-'));
  for (const name of Object.keys(samlinger)) mkdirSync(join(dir, name));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const godPjece = `---\ntitel: Sådan klager du\nresume: Kort om klage.\nomraade: alle\nopdateret: 2026-11-01\ngennemgaaet: 2026-11-01\nkilder:\n  - titel: Retssikkerhedsloven § 67\n---\n## Indhold\n`;

describe('checkContent', () => {
  it('godkender gyldige filer', () => {
    expect(checkContent(contentWith({ 'pjecer/saadan-klager-du.md': godPjece }))).toEqual([]);
  });

  it('nævner filen, feltet og hvad der forventes', () => {
    const broken = godPjece.replace('omraade: alle', 'omraade: unge').replace('titel: Sådan klager du\n', '');
    const problems = checkContent(contentWith({ 'pjecer/klage.md': broken }));
    expect(problems).toEqual([
      { fil: 'pjecer/klage.md', felt: 'titel', besked: 'mangler (skal være en tekst)' },
      {
        fil: 'pjecer/klage.md',
        felt: 'omraade',
        besked: 'skal være en af: boernehandicap, voksenhandicap, aeldre, alle',
      },
    ]);
    expect(formatProblems(problems)).toContain('content/pjecer/klage.md: feltet "omraade" skal være en af');
  });

  it('en pjece skal sige, hvornår den sidst blev gennemgået, og nævne sine kilder', () => {
    const uden = godPjece.replace('gennemgaaet: 2026-11-01\nkilder:\n  - titel: Retssikkerhedsloven § 67\n', '');
    expect(checkContent(contentWith({ 'pjecer/klage.md': uden }))).toEqual([
      {
        fil: 'pjecer/klage.md',
        felt: 'gennemgaaet',
        besked: 'skal være den dato, teksten sidst blev gennemgået, fx 2026-12-03',
      },
      {
        fil: 'pjecer/klage.md',
        felt: 'kilder',
        besked: 'mangler (skal være en liste af kilder, hver med en titel og evt. en url)',
      },
    ]);
    const tom = godPjece.replace('kilder:\n  - titel: Retssikkerhedsloven § 67\n', 'kilder: []\n');
    expect(checkContent(contentWith({ 'pjecer/klage.md': tom }))).toEqual([
      { fil: 'pjecer/klage.md', felt: 'kilder', besked: 'skal nævne mindst én kilde' },
    ]);
  });

  it('melder en forkert dato, et forkert team og en ugyldig e-mail i et indlejret felt', () => {
    const tilbud = `---\ntitel: Café\nresume: Kaffe\nmaalgrupper: [aeldre]\nteams: [nord]\nsted: Uldum\nhvornaar: Tirsdage\npris: Gratis\nsaadanDeltager: Mød op\nkontakt:\n  navn: Anne\n  email: ikke-en-mail\n---\n`;
    const problems = checkContent(
      contentWith({ 'tilbud/cafe.md': tilbud, 'pjecer/p.md': godPjece.replace('2026-11-01', 'i går') }),
    );
    expect(problems.map((p) => `${p.fil} ${p.felt}`)).toEqual([
      'pjecer/p.md opdateret',
      'tilbud/cafe.md teams.0',
      'tilbud/cafe.md kontakt.email',
    ]);
  });

  it('melder YAML, der ikke kan læses, og filnavne, der ikke kan være adresser', () => {
    const problems = checkContent(contentWith({ 'pjecer/Min Pjece.md': '---\ntitel: [unclosed\n---\n' }));
    expect(problems.map((p) => p.felt)).toEqual(['filnavn', 'frontmatter']);
  });

  it('melder en manglende mappe', () => {
    contentWith({});
    rmSync(join(dir, 'tilbud'), { recursive: true });
    expect(checkContent(dir)).toEqual([{ fil: 'tilbud/', felt: '-', besked: 'mappen mangler' }]);
  });
});
