import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paragraf } from '#/config/lovgrundlag.ts';
import { checkContent } from './check.ts';
import { forkerteHenvisninger, lovhenvisninger, paragrafFor } from './lovhenvisninger.ts';
import { samlinger } from './schemas.ts';

describe('lovhenvisninger', () => {
  it.each([
    ['Serviceloven §85', ['Serviceloven 85']],
    ['efter servicelovens § 113 b, stk. 5', ['Serviceloven 113 b']],
    ['serviceloven §§ 112–116', ['Serviceloven 112', 'Serviceloven 116']],
    ['Barnets Lov §§ 122 og 123', ['Barnets Lov 122', 'Barnets Lov 123']],
    ['helhedspleje efter ældreloven § 10', ['Ældreloven 10']],
    ['Serviceloven § 85 i din sag', ['Serviceloven 85']],
    ['§ 112 uden lovens navn', []],
  ])('%s', (tekst, svar) => expect(lovhenvisninger(tekst).map((h) => `${h.lov} ${h.nr}`)).toEqual(svar));
});

describe('paragrafFor', () => {
  it('finder paragraffen og dens forklaring med almindelige ord, eller ingenting', () => {
    expect(paragrafFor('Serviceloven § 85')?.forklaring).toMatch(/^Støtte til at klare hverdagen/);
    expect(paragrafFor('Ældreloven § 10')?.titel).toBe('Helhedspleje');
    expect(paragrafFor('Barnets Lov og Serviceloven')).toBeUndefined();
  });
});

describe('forkerteHenvisninger', () => {
  const liste: Paragraf[] = [
    { lov: 'Serviceloven', nr: '83', titel: 'Praktisk hjælp', gaelderFra: '1998-07-01', ophaevet: '2027-01-01' },
    { lov: 'Ældreloven', nr: '10', titel: 'Helhedspleje', gaelderFra: '2025-07-01' },
  ];

  it('en paragraf, der ikke står på listen, er en fejl', () => {
    expect(forkerteHenvisninger('Serviceloven § 999', '2026-12-03', liste)).toEqual([
      expect.stringContaining('Serviceloven § 999'),
    ]);
  });

  it('en ophævet paragraf er en fejl fra den dag, den er ophævet – ikke før', () => {
    expect(forkerteHenvisninger('Serviceloven § 83', '2026-12-31', liste)).toEqual([]);
    expect(forkerteHenvisninger('Serviceloven § 83', '2027-01-01', liste)).toEqual([
      'henviser til Serviceloven § 83, som er ophævet fra 2027-01-01 ("Serviceloven § 83")',
    ]);
  });

  it('indholdstjekket melder en ukendt paragraf med filen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'indhold-'));
    for (const navn of Object.keys(samlinger)) mkdirSync(join(dir, navn));
    writeFileSync(join(dir, 'pjecer', 'ny.md'), '---\ntitel: Ny\n---\nDu får hjælp efter Barnets Lov § 4711.\n');
    expect(checkContent(dir, '2026-12-03').filter((p) => p.felt === 'lovhenvisning')).toEqual([
      { fil: 'pjecer/ny.md', felt: 'lovhenvisning', besked: expect.stringContaining('Barnets Lov § 4711') },
    ]);
  });
});

/** Every file under `dir` whose name ends with one of `endelser`, test files left out. */
function filer(dir: string, endelser: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && endelser.some((e) => f.name.endsWith(e)) && !f.name.includes('.test.'))
    .map((f) => join(f.parentPath, f.name));
}

describe('portalen henviser kun til paragraffer på listen', () => {
  const rod = new URL('../../../', import.meta.url).pathname;
  const alle = [
    ...filer(join(rod, 'content'), ['.md']),
    ...filer(join(rod, 'src'), ['.ts', '.astro']),
    join(rod, 'db/seed.ts'),
  ];

  it('i indhold, konfiguration, sider, kode og demodata', () => {
    expect(alle.length).toBeGreaterThan(100);
    const fejl = alle.flatMap((fil) =>
      forkerteHenvisninger(readFileSync(fil, 'utf8'), '2026-12-03').map((f) => `${fil.slice(rod.length)}: ${f}`),
    );
    expect(fejl).toEqual([]);
  });
});
