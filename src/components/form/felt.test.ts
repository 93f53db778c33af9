import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beskrevetAf, feltAria } from './felt.ts';

describe('feltAria', () => {
  it('peger på hjælpeteksten og fejlen og markerer feltet ugyldigt', () => {
    expect(feltAria('dato', ['Vælg en dag.'], true)).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'dato-hjaelp dato-fejl',
    });
    expect(feltAria('dato', undefined, true)).toEqual({ 'aria-invalid': undefined, 'aria-describedby': 'dato-hjaelp' });
    expect(feltAria('dato', [])).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(beskrevetAf('scope', ['Vælg mindst én.'])).toBe('scope-fejl');
  });
});

describe('én måde at vise en feltfejl', () => {
  const filer = (mappe: string): string[] =>
    readdirSync(mappe, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? filer(join(mappe, d.name)) : [join(mappe, d.name)],
    );

  it('ingen side skriver form-error-message selv; det gør Feltfejl.astro', () => {
    const sider = filer('src/pages').filter(
      (f) => f.endsWith('.astro') && readFileSync(f, 'utf8').includes('form-error-message'),
    );
    expect(sider).toEqual([]);
  });
});
