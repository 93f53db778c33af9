import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  afgoerelseAendret,
  afgoerelseTruffet,
  fristForlaenget,
  fristSat,
  klageGenvurderet,
  sagsbehandlerMangler,
  sagsbehandlerSkiftet,
  trinSkiftet,
} from './haendelser.ts';

describe('hændelsernes sætninger', () => {
  it.each([
    [
      fristForlaenget('2026-12-01', '2026-12-20', 'Vi venter på lægen.'),
      'Vi kan ikke svare inden fristen 1. december 2026. Vi forventer nu at svare senest 20. december 2026. Begrundelse: Vi venter på lægen.',
    ],
    [fristSat('2026-12-20'), 'Vi forventer nu at svare senest 20. december 2026.'],
    [sagsbehandlerSkiftet('Sofie Lund'), 'Din sag er overgået til Sofie Lund. Du skal ikke starte forfra.'],
    [
      sagsbehandlerSkiftet('Sofie Lund', true),
      'Din sag er overgået til Sofie Lund (midlertidigt). Du skal ikke starte forfra.',
    ],
    [
      sagsbehandlerMangler(),
      'Din sag venter på en ny sagsbehandler. Du skal ikke starte forfra: alt, hvad du har sendt, følger med sagen.',
    ],
    [
      trinSkiftet(4, 'Vi læser din lægeerklæring.'),
      'Din sag er nu på trinnet "Vi vurderer din sag". Vi læser din lægeerklæring.',
    ],
    [
      afgoerelseTruffet('afslag', { klagefrist: '2026-12-22' }),
      'Du har fået en afgørelse: afslag. Du kan klage senest 22. december 2026, hvis du er uenig.',
    ],
    [afgoerelseTruffet('bevilling', { klagefrist: '2026-12-22' }), 'Du har fået en afgørelse: bevilling.'],
    [
      afgoerelseTruffet('delvis', { brev: true }),
      'Du har fået en afgørelse: delvis bevilling. Brevet ligger under "Breve og dokumenter".',
    ],
    [afgoerelseTruffet('afslag', { begrundelse: 'Du kan selv.' }), 'Du har fået en afgørelse: afslag. Du kan selv.'],
    [afgoerelseAendret('bevilling', '2026-12-22'), 'Afgørelsen er ændret. Du har nu fået: bevilling.'],
    [
      klageGenvurderet('aendret', 'Nye oplysninger.'),
      'Vi har vurderet afgørelsen igen og ændrer den. Begrundelse: Nye oplysninger.',
    ],
  ])('%o', (h, tekst) => expect(h.tekst).toBe(tekst));

  it('afgørelsen hører til trin 6 og klagen til trin 7', () => {
    expect(afgoerelseTruffet('afslag', { brev: true })).toMatchObject({ type: 'afgoerelse', trin: 6 });
    expect(klageGenvurderet('fastholdt', 'x')).toMatchObject({ type: 'klage', trin: 7 });
  });
});

describe('én skriver af sagens historik', () => {
  const filer = (mappe: string): string[] =>
    readdirSync(mappe, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? filer(join(mappe, d.name)) : [join(mappe, d.name)],
    );

  it('kun haendelser.ts indsætter i sagshaendelser', () => {
    const skrivere = filer('src')
      .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => /insert\((t\.)?sagshaendelser\)/.test(readFileSync(f, 'utf8')));
    expect(skrivere).toEqual([join('src', 'features', 'sager', 'haendelser.ts')]);
  });

  it('sætningerne om frist og ny sagsbehandler står ét sted', () => {
    for (const saetning of ['Vi kan ikke svare inden fristen', 'Din sag er overgået til ${']) {
      const steder = filer('src').filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && readFileSync(f, 'utf8').includes(saetning),
      );
      expect(steder, saetning).toEqual([join('src', 'features', 'sager', 'haendelser.ts')]);
    }
  });
});
