import { describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import {
  diagramDatoIndekser,
  formatAendring,
  type KompasScore,
  kompasDiagram,
  kompasDimensioner,
  kompasId,
  kompasLabel,
  kompasOpsummering,
  kompasTabel,
} from './kompas.ts';

const vurdering = (dato: string, scores: Record<string, number>): KompasScore[] =>
  Object.entries(scores).map(([dimension, score]) => ({ dato, dimension, score }));

// Jens' two assessments from the seed, given in a scrambled order.
const jens = [
  ...vurdering('2026-10-25', { bolig: 7, helbred: 5, netvaerk: 5, dagligdag: 5, oekonomi: 7 }),
  ...vurdering('2026-02-27', { oekonomi: 7, dagligdag: 3, netvaerk: 4, helbred: 3, bolig: 6 }),
];

describe('kompasDimensioner og kompasLabel', () => {
  it('holder den aftalte rækkefølge', () => {
    expect(Object.keys(kompasDimensioner)).toEqual([
      'bolig',
      'oekonomi',
      'netvaerk',
      'helbred',
      'dagligdag',
      'job',
      'fritid',
      'misbrug',
      'psyke',
      'selvbestemmelse',
    ]);
  });
  it.each([
    ['oekonomi', 'Økonomi'],
    ['job', 'Job og uddannelse'],
    ['psyke', 'Psykisk trivsel'],
    ['motion', 'motion'],
    ['toString', 'toString'], // not an inherited property
  ])('%s vises som %s', (id, label) => expect(kompasLabel(id)).toBe(label));
});

describe('kompasTabel', () => {
  it('sorterer datoer stigende og dimensioner i den aftalte rækkefølge, med ændringen', () => {
    expect(kompasTabel(jens)).toEqual({
      datoer: ['2026-02-27', '2026-10-25'],
      raekker: [
        { dimension: 'bolig', label: 'Bolig', scores: [6, 7], aendring: 1 },
        { dimension: 'oekonomi', label: 'Økonomi', scores: [7, 7], aendring: 0 },
        { dimension: 'netvaerk', label: 'Netværk', scores: [4, 5], aendring: 1 },
        { dimension: 'helbred', label: 'Helbred', scores: [3, 5], aendring: 2 },
        { dimension: 'dagligdag', label: 'Dagligdag', scores: [3, 5], aendring: 2 },
      ],
    });
  });

  it('sætter ukendte dimensioner sidst, alfabetisk, og lader huller være null', () => {
    const tabel = kompasTabel([
      ...vurdering('2026-01-10', { zumba: 2, fritid: 4, aeldre: 5 }),
      ...vurdering('2026-06-10', { fritid: 3, misbrug: 8 }),
      ...vurdering('2026-03-10', { misbrug: 6 }),
    ]);
    expect(tabel.datoer).toEqual(['2026-01-10', '2026-03-10', '2026-06-10']);
    expect(tabel.raekker.map((r) => [r.dimension, r.scores, r.aendring])).toEqual([
      ['fritid', [4, null, 3], -1],
      ['misbrug', [null, 6, 8], null], // not scored at the first assessment
      ['aeldre', [5, null, null], null],
      ['zumba', [2, null, null], null],
    ]);
  });

  it('har ingen ændring efter én enkelt vurdering', () => {
    expect(kompasTabel(vurdering('2026-01-10', { bolig: 4 })).raekker[0]?.aendring).toBeNull();
  });

  it('lader den seneste af to scorer for samme dag og dimension vinde', () => {
    expect(
      kompasTabel([
        { dato: '2026-01-10', dimension: 'bolig', score: 4 },
        { dato: '2026-01-10', dimension: 'bolig', score: 6 },
      ]).raekker[0]?.scores,
    ).toEqual([6]);
  });

  it('er tom uden scorer', () => expect(kompasTabel([])).toEqual({ datoer: [], raekker: [] }));
});

describe('formatAendring', () => {
  it.each([
    [2, '+2'],
    [-1, '\u22121'],
    [0, '0'],
  ])('%i skrives %s', (n, tekst) => expect(formatAendring(n)).toBe(tekst));
});

describe('kompasOpsummering', () => {
  it('fortæller ændringen med ord', () => {
    expect(
      kompasOpsummering(
        kompasTabel([...jens, ...vurdering('2026-02-27', { psyke: 6 }), ...vurdering('2026-10-25', { psyke: 4 })]),
      ),
    ).toEqual({
      titel: 'Forandringskompasset fra 27. februar 2026 til 25. oktober 2026',
      beskrivelse:
        'Bolig steg fra 6 til 7. Økonomi var uændret på 7. Netværk steg fra 4 til 5. Helbred steg fra 3 til 5. Dagligdag steg fra 3 til 5. Psykisk trivsel faldt fra 6 til 4.',
    });
  });

  it('siger, når en dimension mangler en første eller seneste score', () => {
    const { beskrivelse } = kompasOpsummering(
      kompasTabel([...vurdering('2026-01-10', { bolig: 4 }), ...vurdering('2026-06-10', { bolig: 5, job: 3 })]),
    );
    expect(beskrivelse).toBe(
      'Bolig steg fra 4 til 5. Job og uddannelse blev ikke vurderet både første og seneste gang.',
    );
  });

  it('oplister scorerne fra én enkelt vurdering', () => {
    expect(kompasOpsummering(kompasTabel(vurdering('2026-01-10', { bolig: 4, helbred: 6 })))).toEqual({
      titel: 'Forandringskompasset 10. januar 2026',
      beskrivelse: 'Dine scorer: Bolig 4, Helbred 6.',
    });
  });

  it('klarer, at der ingen vurderinger er', () =>
    expect(kompasOpsummering(kompasTabel([])).beskrivelse).toBe('Der er ingen vurderinger endnu.'));
});

describe('diagramDatoIndekser', () => {
  it.each([
    [0, []],
    [1, [0]],
    [3, [0, 1, 2]],
    [4, [0, 2, 3]],
    [7, [0, 5, 6]],
  ])('%i vurderinger tegner %j', (antal, indekser) => expect(diagramDatoIndekser(antal)).toEqual(indekser));
});

describe('kompasDiagram', () => {
  const inde = 0.011; // rounding to two decimals

  it('tegner søjler i forhold til scoren, inden for plottet', () => {
    const g = kompasDiagram(kompasTabel(jens));
    expect(g.soejler).toHaveLength(10);
    for (const s of g.soejler) {
      expect(s.hoejde / s.vaerdi).toBeCloseTo(g.plot.hoejde / 10, 1);
      expect(s.x).toBeGreaterThanOrEqual(g.plot.x);
      expect(s.x + s.bredde).toBeLessThanOrEqual(g.plot.x + g.plot.bredde + inde);
      expect(s.y).toBeGreaterThanOrEqual(g.plot.y - inde);
      expect(s.y + s.hoejde).toBeCloseTo(g.plot.y + g.plot.hoejde, 1);
      expect(s.bredde).toBeGreaterThan(0);
      expect(s.midte).toBeCloseTo(s.x + s.bredde / 2, 1);
    }
    const helbred = g.soejler.filter((s) => s.dimension === 'helbred');
    expect(helbred.map((s) => [s.datoIndex, s.vaerdi])).toEqual([
      [0, 3],
      [1, 5],
    ]);
    const [foer, efter] = helbred.map((s) => s.hoejde);
    expect(efter).toBeCloseTo((defined(foer, 'første søjle') * 5) / 3, 1);
    expect(g.hoejde).toBeLessThanOrEqual(320 + inde);
  });

  it('holder grupperne i tabellens rækkefølge, søjlerne side om side på hver sin plads', () => {
    const g = kompasDiagram(kompasTabel(jens));
    const slot = g.plot.bredde / 5;
    g.grupper.forEach((gruppe, i) => {
      expect(gruppe.x).toBeCloseTo(g.plot.x + (i + 0.5) * slot, 1);
      const [a, b] = g.soejler.filter((s) => s.dimension === gruppe.dimension);
      if (!a || !b) throw new Error(`${gruppe.dimension} skal have to søjler`);
      expect(a.x).toBeGreaterThanOrEqual(g.plot.x + i * slot);
      expect(a.x + a.bredde).toBeLessThanOrEqual(b.x);
      expect(b.x + b.bredde).toBeLessThanOrEqual(g.plot.x + (i + 1) * slot + inde);
    });
  });

  it('giver ingen søjle for en manglende score og begrænser scorer uden for 0-10', () => {
    const g = kompasDiagram(
      kompasTabel([...vurdering('2026-01-10', { bolig: 12, helbred: 4 }), ...vurdering('2026-06-10', { helbred: 5 })]),
    );
    expect(g.soejler.map((s) => [s.dimension, s.datoIndex])).toEqual([
      ['bolig', 0],
      ['helbred', 0],
      ['helbred', 1],
    ]);
    const bolig = defined(g.soejler[0], 'boligsøjlen');
    expect(bolig.y).toBeCloseTo(g.plot.y, 1);
    expect(bolig.hoejde).toBeCloseTo(g.plot.hoejde, 1);
  });

  it('har y-mærker ved 0, 2, ..., 10 fra bunden til toppen af plottet', () => {
    const g = kompasDiagram(kompasTabel(jens), { bredde: 800, hoejde: 400 });
    expect(g.bredde).toBe(800);
    expect(g.yAkse.map((t) => t.vaerdi)).toEqual([0, 2, 4, 6, 8, 10]);
    const y = (i: number) => defined(g.yAkse[i], `streg ${i}`).y;
    expect(y(0)).toBeCloseTo(g.plot.y + g.plot.hoejde, 1);
    expect(y(5)).toBeCloseTo(g.plot.y, 1);
    expect(y(1) - y(2)).toBeCloseTo(g.plot.hoejde / 5, 1);
  });

  it('ombryder etiketter, der passer, og drejer dem, når et ord er bredere end sin gruppe', () => {
    const fem = kompasDiagram(
      kompasTabel(vurdering('2026-01-10', { bolig: 1, oekonomi: 2, job: 3, helbred: 4, dagligdag: 5 })),
    );
    expect(fem.labelRotation).toBe(0);
    expect(
      defined(
        fem.grupper.find((x) => x.dimension === 'job'),
        'Gruppen',
      ).linjer,
    ).toEqual(['Job og', 'uddannelse']);

    const alle = Object.fromEntries(Object.keys(kompasDimensioner).map((d, i) => [d, i + 1]));
    const ti = kompasDiagram(kompasTabel(vurdering('2026-01-10', alle)));
    expect(ti.labelRotation).toBeLessThan(0);
    expect(
      defined(
        ti.grupper.find((x) => x.dimension === 'selvbestemmelse'),
        'Gruppen',
      ).linjer,
    ).toEqual(['Selvbestemmelse']);
    expect(ti.soejler).toHaveLength(10);
  });

  it('tegner den første og de to seneste af mange vurderinger og viser kun værdier, når søjlerne er brede', () => {
    const mange = kompasTabel(
      ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].flatMap((d, i) => vurdering(d, { bolig: i + 1 })),
    );
    const g = kompasDiagram(mange);
    expect(g.serier).toEqual([0, 2, 3]);
    expect(g.soejler.map((s) => [s.serie, s.datoIndex, s.vaerdi])).toEqual([
      [0, 0, 1],
      [1, 2, 3],
      [2, 3, 4],
    ]);
    expect(g.visVaerdier).toBe(true);
    expect(kompasDiagram(mange, { bredde: 90 }).visVaerdier).toBe(false);
  });

  it('er tom for en tom tabel', () => {
    const g = kompasDiagram(kompasTabel([]));
    expect(g.soejler).toEqual([]);
    expect(g.grupper).toEqual([]);
  });
});

describe('kompasId', () => {
  it('er den samme for de samme scorer og forskellig for andre', () => {
    const a = kompasId(kompasTabel(jens));
    expect(a).toMatch(/^kompas-[a-z0-9]+$/);
    expect(kompasId(kompasTabel([...jens].reverse()))).toBe(a);
    expect(kompasId(kompasTabel(vurdering('2026-01-10', { bolig: 4 })))).not.toBe(a);
  });
});
