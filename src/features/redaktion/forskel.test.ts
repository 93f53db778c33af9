/** What changed between two versions: the fields that differ, and the body line by line. */
import { describe, expect, it } from 'vitest';
import { forskel } from './forskel.ts';

const pjece = (titel: string, kilder: { titel: string; url?: string }[]) => ({
  titel,
  resume: 'Sådan klager du.',
  omraade: 'alle',
  opdateret: '2026-12-04',
  gennemgaaet: '2026-12-04',
  kilder,
});

describe('forskel', () => {
  it('viser kun de felter, der er ændret, som formularen viser dem', () => {
    const { felter } = forskel(
      'pjecer',
      { frontmatter: pjece('Sådan klager du', [{ titel: 'Retssikkerhedsloven § 66' }]), tekst: '' },
      {
        frontmatter: pjece('Klag over en afgørelse', [
          { titel: 'Retssikkerhedsloven § 66' },
          { titel: 'Ankestyrelsen', url: 'https://ast.dk' },
        ]),
        tekst: '',
      },
    );
    expect(felter).toEqual([
      { label: 'Titel', foer: 'Sådan klager du', efter: 'Klag over en afgørelse' },
      {
        label: 'Kilder',
        foer: 'Retssikkerhedsloven § 66',
        efter: 'Retssikkerhedsloven § 66\nAnkestyrelsen | https://ast.dk',
      },
    ]);
  });

  it('viser teksten linje for linje: ens, fjernet og ny', () => {
    const fm = pjece('Sådan klager du', [{ titel: 'Retssikkerhedsloven § 66' }]);
    const { felter, linjer } = forskel(
      'pjecer',
      { frontmatter: fm, tekst: '## Frister\n\nDu har 4 uger.\n' },
      { frontmatter: fm, tekst: '## Frister\n\nDu har 6 uger.\n' },
    );
    expect(felter).toEqual([]);
    expect(linjer).toEqual([
      { type: 'ens', tekst: '## Frister' },
      { type: 'ens', tekst: '' },
      { type: 'fjernet', tekst: 'Du har 4 uger.' },
      { type: 'ny', tekst: 'Du har 6 uger.' },
    ]);
  });
});
