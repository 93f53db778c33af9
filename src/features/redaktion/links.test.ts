/** Links inside the portal in a content body: found in Markdown and HTML, and checked against what is published. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brudteLinks, interneLinks } from './links.ts';

describe('interneLinks', () => {
  it('finder portalens egne adresser, uden #del og ?søgning, én gang hver', () => {
    const tekst = [
      'Se [klagepjecen](/pjecer/saadan-klager-du) og [igen](/pjecer/saadan-klager-du#frister).',
      '[Depotet](/kontakt#hjaelpemiddeldepot "Ring til depotet"), [søg](/soeg?q=rollator).',
      '<a href="/tilbud/">tilbud</a>, [ekstern](https://borger.dk/x), [protokol-relativ](//evil.example/x), [mail](mailto:a@b.dk).',
    ].join('\n');
    expect(interneLinks(tekst)).toEqual(['/pjecer/saadan-klager-du', '/kontakt', '/soeg', '/tilbud']);
  });
});

describe('brudteLinks', () => {
  it('en side, der ikke findes eller ikke er publiceret, er en fejl; faste sider og publicerede er ikke', () => {
    const publiceret = new Set(['/pjecer/saadan-klager-du', '/kontakt']);
    expect(brudteLinks('[a](/pjecer/saadan-klager-du) [b](/kontakt) [c](/soeg) [d](/)', publiceret)).toEqual([]);
    expect(brudteLinks('[a](/pjecer/findes-ikke) [b](/tilbud/taget-ned)', publiceret)).toEqual([
      'Linket til /pjecer/findes-ikke peger på en side, der ikke findes eller ikke er publiceret.',
      'Linket til /tilbud/taget-ned peger på en side, der ikke findes eller ikke er publiceret.',
    ]);
  });

  it('alle interne links i startindholdet peger på en side i content/ eller en fast side', () => {
    const adresser = new Set<string>();
    const tekster: string[] = [];
    for (const samling of ['pjecer', 'tilbud', 'hjaelpemidler', 'sider']) {
      for (const fil of readdirSync(join('content', samling))) {
        const slug = fil.replace(/\.md$/, '');
        adresser.add(samling === 'sider' ? `/${slug}` : `/${samling}/${slug}`);
        tekster.push(readFileSync(join('content', samling, fil), 'utf8'));
      }
    }
    for (const samling of ['forloeb', 'overgang'])
      for (const fil of readdirSync(join('content', samling)))
        tekster.push(readFileSync(join('content', samling, fil), 'utf8'));
    expect(tekster.flatMap((t) => brudteLinks(t, adresser))).toEqual([]);
  });
});
