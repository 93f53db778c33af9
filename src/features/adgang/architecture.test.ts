/**
 * One door to personal data, kept by a test (like Starlight's import-rule tests): pages,
 * actions and the API do not read the person, case, plan, meeting or message tables (or use
 * drizzle-orm) themselves but call a feature's function that goes through the door in
 * adgang.server.ts; and only the door itself calls `may`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const rod = resolve(import.meta.dirname, '../../..');

function filer(mappe: string): string[] {
  return readdirSync(join(rod, mappe), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.(ts|tsx|astro|mjs|js)$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
    .map((f) => relative(rod, join(f.parentPath, f.name)));
}

/** Every import in a file: the names and the module, also over several lines and in .astro frontmatter. */
function imports(kilde: string): { navne: string[]; alt: boolean; modul: string }[] {
  return [...kilde.matchAll(/import\s+(?:type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g)].map((m) => ({
    navne: (m[1] ?? '')
      .replace(/[{}*]/g, ' ')
      .split(/[\s,]+/)
      .filter((n) => n && n !== 'as' && n !== 'type'),
    alt: /\*\s*as\s/.test(m[1] ?? ''),
    modul: m[2] ?? '',
  }));
}

/** The tables that hold a person's data: people, cases and what hangs on them, plans, meetings, letters and messages. */
const personTabeller = new Set([
  'personer',
  'relationer',
  'sager',
  'sagshaendelser',
  'sagsbehandlerskift',
  'afgoerelser',
  'dokumenter',
  'klager',
  'partshoeringer',
  'planer',
  'delmaal',
  'indsatser',
  'kompasscorer',
  'moeder',
  'moedeEmner',
  'beskeder',
  'beskedtraade',
  'beskedbilag',
  'samtykker',
]);
const erSchema = (modul: string) => /(^|\/)db\/schema(\.ts)?$/.test(modul);

/**
 * API modules that read tables themselves: a case system reaches only records under its own
 * kildeId prefix (maySystem's rule, in SQL), which its upserts compare with what it sends and
 * then write through the domain writers above. The test below fails on a stale entry.
 */
const apiUndtagelser = new Map([
  ['src/features/api/noegler.server.ts', 'the API keys table (no personal data) and its queries'],
  ['src/features/api/faelles.server.ts', "looks up a payload's person and case by the system's id"],
  // The upserts read the system's own record by its kildeId to compare; they write through the writers.
  ['src/features/api/personer.server.ts', 'compares a person from a case system with the stored one'],
  ['src/features/api/sager.server.ts', 'compares a case and its decision from a case system with the stored ones'],
  ['src/features/api/moeder.server.ts', 'compares a meeting from a case system with the stored one'],
  ['src/features/api/planer.server.ts', 'compares a plan from a case system with the stored one'],
  ['src/features/api/lister.server.ts', "the paged inboxes, narrowed by maySystem's SQL form"],
  ['src/features/api/haendelser.server.ts', "the outbound feed, narrowed by maySystem's SQL form"],
  [
    'src/features/api/synkorden.server.ts',
    "the sync order's own table: route, source id, change time, no personal data",
  ],
  ['src/features/api/breve.server.ts', 'compares a letter or a partshøring from a case system with the stored one'],
  [
    'src/features/api/foraeldremyndighed.server.ts',
    "compares a child's custody from a case system with the stored one",
  ],
]);

function overtraedelser(fil: string, kilde = readFileSync(join(rod, fil), 'utf8')): string[] {
  const fund: string[] = [];
  for (const { navne, alt, modul } of imports(kilde)) {
    if (modul === 'drizzle-orm' || modul.startsWith('drizzle-orm/')) fund.push(`${fil} importerer ${modul}`);
    if (!erSchema(modul)) continue;
    // `import * as t from db/schema` reaches every table.
    const tabeller = alt ? ['alle tabeller'] : navne.filter((n) => personTabeller.has(n));
    if (tabeller.length) fund.push(`${fil} læser ${tabeller.join(', ')} fra db/schema`);
  }
  return fund;
}

/**
 * One writer per fact about a case: the only module that inserts, updates or deletes rows of
 * each table. Everything else (staff, citizens, the API) calls that module's functions.
 */
const skrivere = new Map([
  ['sager', 'src/features/sager/sagsskrivning.server.ts'],
  ['sagsbehandlerskift', 'src/features/sager/sagsskrivning.server.ts'],
  ['sagshaendelser', 'src/features/sager/haendelser.ts'],
  ['afgoerelser', 'src/features/sager/afgoerelse.server.ts'],
  ['klager', 'src/features/sager/klage.server.ts'],
  ['moeder', 'src/features/moeder/moedeskrivning.server.ts'],
  ['planer', 'src/features/plan/planskrivning.server.ts'],
  ['delmaal', 'src/features/plan/planskrivning.server.ts'],
  ['indsatser', 'src/features/plan/planskrivning.server.ts'],
  ['kompasscorer', 'src/features/plan/planskrivning.server.ts'],
  ['relationer', 'src/features/fuldmagt/relationsskrivning.server.ts'],
  ['personer', 'src/features/personer/personskrivning.server.ts'],
  ['journalhaendelser', 'src/features/journal/journal.server.ts'],
  ['dokumenter', 'src/features/sager/breve.server.ts'],
  ['partshoeringer', 'src/features/sager/partshoering.server.ts'],
  ['journalkvitteringer', 'src/features/api/haendelser.server.ts'],
  ['beskedtraade', 'src/features/beskeder/beskeder.server.ts'],
  ['beskeder', 'src/features/beskeder/beskeder.server.ts'],
  ['beskedbilag', 'src/features/beskeder/beskeder.server.ts'],
  ['indholdsversioner', 'src/features/redaktion/versioner.server.ts'],
  ['indholdspubliceringer', 'src/features/redaktion/versioner.server.ts'],
  ['indholdsfiler', 'src/features/redaktion/mediefiler.server.ts'],
]);

function fremmedeSkrivninger(fil: string, kilde = readFileSync(join(rod, fil), 'utf8')): string[] {
  return [...kilde.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)].flatMap(([, verbum, tabel]) => {
    const skriver = tabel ? skrivere.get(tabel) : undefined;
    return skriver && skriver !== fil ? [`${fil}: ${verbum}(${tabel}) – kun ${skriver} skriver ${tabel}`] : [];
  });
}

describe('én skriver pr. faktum', () => {
  it('hver tabel med personoplysninger har én skriver: sager, hændelser, afgørelser, klager, møder, planer, relationer, personer', () => {
    expect(filer('src').flatMap((f) => fremmedeSkrivninger(f))).toEqual([]);
  });

  it('testen fanger en anden skriver', () => {
    const kode = 'tx.update(sager).set({ trin: 3 });\ntx.insert( sagshaendelser ).values(h);';
    expect(fremmedeSkrivninger('src/features/medarbejder/x.ts', kode)).toEqual([
      'src/features/medarbejder/x.ts: update(sager) – kun src/features/sager/sagsskrivning.server.ts skriver sager',
      'src/features/medarbejder/x.ts: insert(sagshaendelser) – kun src/features/sager/haendelser.ts skriver sagshaendelser',
    ]);
    expect(fremmedeSkrivninger('src/features/sager/haendelser.ts', kode.split('\n')[1])).toEqual([]);
  });
});

describe('én dør til personoplysninger', () => {
  it('sider og actions læser ikke personers tabeller og bruger ikke drizzle-orm', () => {
    const sider = [...filer('src/pages'), ...filer('src/actions')];
    expect(sider).toContain('src/pages/medarbejder/personer/[id].astro');
    expect(sider.flatMap((f) => overtraedelser(f))).toEqual([]);
  });

  it('API-moduler læser ikke personers tabeller, ud over de kendte, der flyttes', () => {
    const fund = filer('src/features/api')
      .filter((f) => !apiUndtagelser.has(f))
      .flatMap((f) => overtraedelser(f));
    expect(fund).toEqual([]);
  });

  it('listen over API-undtagelser har ingen forældede linjer', () => {
    expect([...apiUndtagelser.keys()].filter((f) => overtraedelser(f).length === 0)).toEqual([]);
  });

  it('kun døren i src/features/adgang/ bruger may', () => {
    const fund = filer('src')
      .filter((f) => !f.startsWith('src/features/adgang/'))
      .filter((f) =>
        imports(readFileSync(join(rod, f), 'utf8')).some(
          (i) => /adgang\/access(\.ts)?$/.test(i.modul) && i.navne.includes('may'),
        ),
      );
    expect(fund).toEqual([]);
  });

  it('testen fanger en side, der læser sager selv, og en feature, der spørger may direkte', () => {
    const side =
      "---\nimport { eq } from 'drizzle-orm';\nimport {\n  personer,\n  sager,\n} from '#/db/schema.ts';\n---";
    expect(overtraedelser('side.astro', side)).toEqual([
      'side.astro importerer drizzle-orm',
      'side.astro læser personer, sager fra db/schema',
    ]);
    expect(overtraedelser('a.ts', "import * as t from '#/db/schema.ts';")).toEqual([
      'a.ts læser alle tabeller fra db/schema',
    ]);
    expect(overtraedelser('b.ts', "import type { apiNoegler } from '#/db/schema.ts';")).toEqual([]);
    expect(imports("import { may, type Aktoer } from '#/features/adgang/access.ts';")[0]?.navne).toContain('may');
  });
});
