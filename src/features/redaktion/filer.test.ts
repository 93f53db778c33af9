/** content/ into the database and back: nothing lost, nothing changed, and a published change reaches the files. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '#/features/indhold/check.ts';
import { samlinger } from '#/features/indhold/schemas.ts';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { eksporterIndhold, importerIndhold, laesIndholdsfil } from './filer.server.ts';
import { gemKladde, offentligVersion, udfoerTrin } from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const filer = (mappe: string) =>
  Object.keys(samlinger).flatMap((s) =>
    readdirSync(join(mappe, s))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(s, f)),
  );

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
});

describe('importerIndhold og eksporterIndhold', () => {
  it('hver fil i content/ bliver en publiceret side, én gang', async () => {
    const antal = filer('content').length;
    expect(antal).toBeGreaterThan(20);
    expect(await importerIndhold(db, 'content', NU)).toEqual({ importeret: antal, findes: 0 });
    expect(await importerIndhold(db, 'content', NU)).toEqual({ importeret: 0, findes: antal });
    expect(await offentligVersion(db, 'pjecer', 'hvad-aendrer-sig-ved-18', NU)).toMatchObject({
      nr: 1,
      frontmatter: { titel: 'Hvad ændrer sig, når du fylder 18?', opdateret: '2026-12-03' },
    });
  });

  it('eksporten giver de samme sider tilbage, og de består indholdstjekket', async () => {
    await importerIndhold(db, 'content', NU);
    const ud = mkdtempSync(join(tmpdir(), 'indhold-'));
    expect(await eksporterIndhold(db, ud, NU)).toBe(filer('content').length);
    expect(filer(ud).sort()).toEqual(filer('content').sort());
    for (const f of filer('content'))
      expect(laesIndholdsfil(readFileSync(join(ud, f), 'utf8')), f).toEqual(
        laesIndholdsfil(readFileSync(join('content', f), 'utf8')),
      );
    expect(checkContent(ud)).toEqual([]);
  });

  it('en ændring, der er godkendt, kommer med i eksporten', async () => {
    await importerIndhold(db, 'content', NU);
    const v1 = await offentligVersion(db, 'pjecer', 'hvad-aendrer-sig-ved-18', NU);
    if (!v1) throw new Error('Pjecen blev ikke importeret');
    const side = { samling: 'pjecer', slug: 'hvad-aendrer-sig-ved-18' } as const;
    await gemKladde(db, 'anne', { ...side, frontmatter: v1.frontmatter, tekst: `${v1.tekst}\nEn ny sætning.\n` }, NU);
    await udfoerTrin(db, 'anne', { ...side, nr: 2 }, { type: 'indsend' }, { kraeverGodkendelse: true }, NU);
    await udfoerTrin(db, 'bo', { ...side, nr: 2 }, { type: 'godkend' }, { kraeverGodkendelse: true }, NU);
    const ud = mkdtempSync(join(tmpdir(), 'indhold-'));
    await eksporterIndhold(db, ud, NU);
    expect(readFileSync(join(ud, 'pjecer', 'hvad-aendrer-sig-ved-18.md'), 'utf8')).toContain('En ny sætning.');
  });
});
