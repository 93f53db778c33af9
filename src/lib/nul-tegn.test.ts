import { describe, expect, it } from 'vitest';
import { stiTilNulTegn } from './nul-tegn.ts';

describe('stiTilNulTegn', () => {
  it('finder NUL i en tekst, i en liste og i et objekt, og siger hvor', () => {
    expect(stiTilNulTegn('abc\u0000def')).toEqual([]);
    expect(stiTilNulTegn({ sagId: 'x', tekst: ['ok', 'a\u0000'] })).toEqual(['tekst', 1]);
    expect(stiTilNulTegn({ delmaal: [{ titel: 'ok' }, { titel: '\u0000' }] })).toEqual(['delmaal', 1, 'titel']);
    expect(stiTilNulTegn({ 'x\u0000': 'ok' })).toEqual(['x\u0000']);
  });

  it('lader almindelig tekst, tal, tomme værdier og filer være', () => {
    expect(stiTilNulTegn({ tekst: 'Æble\n\tø 😀', n: 0, tom: null, u: undefined, ja: true })).toBeUndefined();
    expect(stiTilNulTegn({ fil: new File([new Uint8Array([0, 0, 1])], 'a.pdf') })).toBeUndefined();
    expect(stiTilNulTegn('\\u0000')).toBeUndefined();
  });
});
