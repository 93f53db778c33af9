/** What a public page shows: the published version for everyone, a draft only for an editor who asks to preview it. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bruger } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { SAMME_FOR_ALLE } from './offentlig.server.ts';
import { gemKladde, importerVersion, type Kladde } from './versioner.server.ts';
import { sideTilVisning } from './visning.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const side = (tekst: string): Kladde => ({
  samling: 'sider',
  slug: 'om-os',
  frontmatter: { titel: 'Om os', beskrivelse: 'Om Social Omsorg.', opdateret: '2026-12-04' },
  tekst,
});
const medarbejder = (rolle: 'redaktoer' | 'sagsbehandler') =>
  ({ aktoer: { type: 'medarbejder', medarbejderId: 'x', enhed: 'oest', rolle } }) as Bruger;
const borger = { aktoer: { type: 'borger', personId: 'p', relationer: [] } } as unknown as Bruger;

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
  await importerVersion(db, 'import', side('Den offentlige tekst.'), NU);
  await gemKladde(db, 'rikke', side('Kladden.'), NU);
});

const vis = async (bruger: Bruger | undefined, forhaandsvisning?: string) => {
  const headers = new Headers();
  const url = new URL(`http://x/om-os${forhaandsvisning ? `?forhaandsvisning=${forhaandsvisning}` : ''}`);
  const v = await sideTilVisning(db, 'sider', 'om-os', { bruger, nu: NU, url, headers });
  return { tekst: v?.side.tekst, forhaandsvisning: v?.forhaandsvisning, markeret: headers.has(SAMME_FOR_ALLE) };
};

describe('sideTilVisning', () => {
  it('alle ser den publicerede version, markeret som ens for alle', async () => {
    expect(await vis(undefined)).toEqual({ tekst: 'Den offentlige tekst.', forhaandsvisning: null, markeret: true });
  });

  it('en redaktør kan se kladden på siden; den markeres ikke som ens for alle', async () => {
    expect(await vis(medarbejder('redaktoer'), '2')).toEqual({
      tekst: 'Kladden.',
      forhaandsvisning: 2,
      markeret: false,
    });
    expect((await vis(medarbejder('redaktoer'), '9')).tekst).toBeUndefined();
  });

  it('en besøgende, en borger eller en sagsbehandler, der beder om kladden, ser den publicerede version', async () => {
    for (const b of [undefined, borger, medarbejder('sagsbehandler')])
      expect((await vis(b, '2')).tekst).toBe('Den offentlige tekst.');
  });
});
