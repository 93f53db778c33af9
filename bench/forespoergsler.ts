/**
 * EXPLAIN QUERY PLAN for the queries behind the hot pages, captured from the feature code
 * itself (a drizzle logger), so the plans are of the SQL the portal really runs, not of a
 * hand-written copy. Each page's feature call is also timed (median of 9). Everything runs inside a
 * transaction that is rolled back, so the database file is left as it was.
 *
 * Run: `node bench/forespoergsler.ts [file] [persona]` (default data/bench-stor-kilde.db, the large database bench/load.ts made, Jens Madsen).
 */
import { kraevPerson, loadBruger } from '#/features/adgang/adgang.server.ts';
import { auditFor } from '#/features/audit/audit.server.ts';
import { ventendeAnmodninger } from '#/features/fuldmagt/fuldmagt.server.ts';
import { hentKladde, startKladde } from '#/features/hjaelpemidler/ansoegning.server.ts';
import { mineHjaelpemidler } from '#/features/hjaelpemidler/udlaan.server.ts';
import { createSession, validateSessionToken } from '#/features/login/session.ts';
import { moederFor } from '#/features/moeder/moeder.server.ts';
import { foraeldreVarsler, visOvergang } from '#/features/overgang/overgang.server.ts';
import { planerFor } from '#/features/plan/plan.server.ts';
import { sagerFor, sagMedHistorik } from '#/features/sager/sager.server.ts';
import { samtykkerFor } from '#/features/samtykker/samtykker.server.ts';
import { defined } from '#/lib/defined.ts';
import { openDatabase, sqliteForbindelse } from '../db/client.ts';
import { median } from './median.ts';

const OPRYDNING = [
  ['oprydning: gammel log', 'delete from audit where tidspunkt < ?'],
  ['oprydning: gamle kladder', 'delete from hjaelpemiddel_kladder where ansoegning_id is null and opdateret < ?'],
] as const;

export interface Plan {
  side: string;
  ms: number;
  forespoergsler: { sql: string; plan: string[] }[];
}

/** Runs the hot pages' feature calls for one persona and returns each with its queries' plans. */
export async function forespoergselsplaner(file: string, navn: string, gentagelser = 9): Promise<Plan[]> {
  let fanget: { sql: string; params: unknown[] }[] = [];
  const db = openDatabase(`file:${file}`, {
    logger: {
      logQuery: (sql, params) => {
        fanget.push({ sql, params });
      },
    },
  });
  const sqlite = sqliteForbindelse(db);
  const now = new Date();
  const planer: Plan[] = [];
  sqlite.exec('begin');
  try {
    const person = sqlite.prepare('select id from personer where navn = ? limit 1').get(navn) as
      | { id: string }
      | undefined;
    if (!person) throw new Error(`${navn} findes ikke i ${file}`);
    const { token } = await createSession(db, { personId: person.id }, now);
    const session = defined(await validateSessionToken(db, token, now), 'sessionen');
    const bruger = defined(await loadBruger(db, session, now), 'brugeren');
    const sagId = (sqlite.prepare('select id from sager where person_id = ? limit 1').get(person.id) as { id: string })
      .id;
    const kladdeId = await startKladde(db, bruger, person.id, undefined, now);

    const sider: [string, () => Promise<unknown>][] = [
      ['session (hver side)', async () => await validateSessionToken(db, token, now)],
      ['bruger og relationer (hver side)', async () => await loadBruger(db, session, now)],
      [
        'Min side: sager',
        async () => {
          await sagerFor(db, bruger, person.id, now);
          await ventendeAnmodninger(db, person.id);
          await foraeldreVarsler(db, bruger, now);
          await visOvergang(db, bruger, person.id, now);
        },
      ],
      ['en sag', async () => await sagMedHistorik(db, bruger, sagId, now)],
      ['møder', async () => await moederFor(db, bruger, person.id, now)],
      ['plan', async () => await planerFor(db, bruger, person.id, now)],
      ['mine hjælpemidler', async () => await mineHjaelpemidler(db, bruger, person.id, now)],
      ['samtykker', async () => await samtykkerFor(db, bruger, person.id, now)],
      [
        'kladde (trin i ansøgning)',
        async () => {
          await startKladde(db, bruger, person.id, undefined, now);
          await hentKladde(db, bruger, kladdeId, now);
        },
      ],
      [
        'Hvem har set mine oplysninger',
        async () => {
          await kraevPerson(
            db,
            bruger,
            'se-log',
            person.id,
            { handling: 'se', hvad: 'Hvem har set mine oplysninger' },
            now,
          );
          await auditFor(db, person.id, { vis: 'andre' });
        },
      ],
      // Not in the portal yet: the retention job (another change) deletes by age; the cut-off
      // is before all data, so the figure is the cost of finding nothing to delete.
      ...OPRYDNING.map(([side, sql]): [string, () => Promise<unknown>] => [
        side,
        async () => fanget.push({ sql, params: ['2000-01-01'] }) && sqlite.prepare(sql).run('2000-01-01'),
      ]),
    ];
    for (const [side, kald] of sider) {
      fanget = [];
      await kald();
      const sql = fanget;
      // The median of several calls: on a shared machine a single call may wait for the CPU.
      const tider: number[] = [];
      for (let i = 0; i < gentagelser; i++) {
        const t = performance.now();
        await kald();
        tider.push(performance.now() - t);
      }
      const ms = median(tider);
      const unikke = [...new Map(sql.map((q) => [q.sql, q])).values()];
      planer.push({
        side,
        ms,
        forespoergsler: unikke.map((q) => ({
          sql: q.sql,
          plan: (
            sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]
          ).map((r) => r.detail),
        })),
      });
    }
  } finally {
    sqlite.exec('rollback');
    sqlite.close();
  }
  return planer;
}

/** A full scan of a table (not a covering index, not a tiny list): what an index should fix. */
export const fuldScanning = (linje: string) =>
  /^SCAN (?!CONSTANT)\w+(?! USING (COVERING )?INDEX)/.test(linje) && !/^SCAN json_each/.test(linje);

if (import.meta.main) {
  const file = process.argv[2] ?? 'data/bench-stor-kilde.db';
  const navn = process.argv[3] ?? 'Jens Madsen';
  for (const p of await forespoergselsplaner(file, navn)) {
    const scans = p.forespoergsler.flatMap((q) => q.plan.filter(fuldScanning));
    console.log(`\n${p.side}: ${p.ms.toFixed(2)} ms${scans.length ? `  FULD SCANNING: ${scans.join('; ')}` : ''}`);
    for (const q of p.forespoergsler)
      console.log(`  ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}\n    ${q.plan.join('\n    ')}`);
  }
}
