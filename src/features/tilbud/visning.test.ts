import { describe, expect, it } from 'vitest';
import { byListe, omraadeTekst, teamMedByer } from './visning.ts';

describe('byListe', () => {
  it('sætter "og" før den sidste by', () => {
    expect(byListe(['Tørring', 'Uldum'])).toBe('Tørring og Uldum');
    expect(byListe(['Juelsminde', 'Rårup', 'Hornsyld', 'Barrit'])).toBe('Juelsminde, Rårup, Hornsyld og Barrit');
    expect(byListe(['Løsning'])).toBe('Løsning');
    expect(byListe([])).toBe('');
  });
});

describe('teamMedByer og omraadeTekst', () => {
  it('viser teamet med de byer, folk kender', () => {
    expect(teamMedByer('vest')).toBe('Team Vest (Tørring og Uldum)');
    expect(omraadeTekst(['vest'])).toBe('Team Vest (Tørring og Uldum)');
    expect(omraadeTekst(['oest', 'midt'])).toBe(
      'Team Øst (Juelsminde, Rårup, Hornsyld og Barrit), Team Midt (Løsning og Hedensted)',
    );
  });

  it('siger "Hele kommunen", når alle teams har tilbuddet', () => {
    expect(omraadeTekst(['oest', 'vest', 'midt'])).toBe('Hele kommunen');
  });
});
