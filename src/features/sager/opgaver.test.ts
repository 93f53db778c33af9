import { describe, expect, it } from 'vitest';
import { opgaveForMoede, opgaverForSag, sorterOpgaver } from './opgaver.ts';

const sag = { id: 's1', titel: 'Ledsagelse' };
const idag = '2026-12-02';

describe('opgaverForSag', () => {
  it('en partshøring, der venter på svar, med sin frist', () => {
    const o = opgaverForSag({ sag, partshoering: { besvaret: null, svarfrist: '2026-12-10' }, klager: [] }, idag);
    expect(o.map((x) => [x.frist, x.href])).toEqual([['2026-12-10', '/sager/s1/partshoering']]);
  });

  it('ingen opgave for en besvaret partshøring eller én, hvis frist er gået', () => {
    expect(
      opgaverForSag({ sag, partshoering: { besvaret: '2026-12-01', svarfrist: '2026-12-10' }, klager: [] }, idag),
    ).toEqual([]);
    expect(opgaverForSag({ sag, partshoering: { besvaret: null, svarfrist: '2026-12-01' }, klager: [] }, idag)).toEqual(
      [],
    );
  });

  it.each([
    ['afslag, fristen om 12 dage', 'afslag', '2026-12-14', [], 1],
    ['afslag, fristen om 20 dage: ikke endnu', 'afslag', '2026-12-22', [], 0],
    ['afslag, fristen er gået', 'afslag', '2026-12-01', [], 0],
    ['fuld bevilling: intet at klage over', 'bevilling', '2026-12-14', [], 0],
    ['allerede klaget', 'delvis', '2026-12-14', [{ afgoerelseId: 'a1' }], 0],
    ['uden klagevejledning: ingen frist løber', 'afslag', null, [], 0],
  ] as const)('klagefrist: %s', (_, udfald, klagefrist, klager, antal) => {
    const afgoerelse = { id: 'a1', udfald, klagefrist };
    expect(opgaverForSag({ sag, afgoerelse, klager }, idag)).toHaveLength(antal);
  });
});

describe('opgaveForMoede', () => {
  const nu = new Date('2026-12-02T10:00:00Z');
  it.each([
    ['2026-12-09T09:00:00Z', true],
    ['2026-12-20T09:00:00Z', false],
    ['2026-12-01T09:00:00Z', false],
  ])('et møde %s: %s', (start, vises) =>
    expect(opgaveForMoede({ id: 'm1', titel: 'Opfølgning', start }, nu) !== null).toBe(vises),
  );
});

it('sorterer efter frist, og opgaver uden frist sidst', () => {
  const o = (frist: string | null) => ({ tekst: '', frist, href: '', linktekst: '' });
  expect(sorterOpgaver([o(null), o('2026-12-10'), o('2026-12-04')]).map((x) => x.frist)).toEqual([
    '2026-12-04',
    '2026-12-10',
    null,
  ]);
});
