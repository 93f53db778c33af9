/**
 * The load bench's mix, as people use the portal: public pages (forside, pjecer, a pjece,
 * tilbud with filters, søg), Min side for several logged-in personas (a relative acting for
 * someone among them), and a few form posts (a complaint, the transition checklist).
 */
import Database from 'better-sqlite3';
import { dagen } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { inputValue, inputValues, type LoggedIn, logIn } from './portal.ts';

export type Gruppe = 'offentlig' | 'min side' | 'formularer';

/** One request of the mix; `lavKrop` gives each post a fresh body with its own one-time key. */
export interface Rute {
  gruppe: Gruppe;
  navn: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  lavKrop?: () => string;
}

const OFFENTLIGE = [
  '/',
  '/pjecer',
  '/pjecer/saadan-klager-du',
  '/tilbud?maalgruppe=paaroerende&team=vest',
  `/soeg?q=${encodeURIComponent('hjælpemiddel')}`,
];
const MIN_SIDE = [
  '/min-side',
  '/sager/:sag',
  '/min-side/moeder',
  '/min-side/plan',
  '/min-side/hjaelpemidler',
  '/min-side/log',
];

/** Logs in the personas and builds every request of the mix; the database file tells which case is whose. */
export async function lavMix(url: string, databaseFile: string): Promise<{ ruter: Rute[]; loginMs: number }> {
  const db = new Database(databaseFile, { readonly: true });
  const id = (navn: string) => (db.prepare('select id from personer where navn = ?').get(navn) as { id: string }).id;
  // Straight to the persona (see logIn): the stand-in's page of every citizen is not what we measure.
  // One at a time, and again if the connection is cut: with 100,000 citizens each step of the
  // stand-in reads them all and blocks the server for seconds, and a keep-alive connection
  // idle that long is closed under the client (ECONNRESET). The test login's cost, not the portal's.
  const t = performance.now();
  const sessioner: LoggedIn[] = [];
  for (const navn of ['Jens Madsen', 'Ali Hassan', 'Birgit Sørensen', 'Freja Holm', 'Karin Madsen']) {
    for (let forsoeg = 1; ; forsoeg++) {
      try {
        sessioner.push(await logIn(url, navn, { sub: `borger-${id(navn)}` }));
        break;
      } catch (e) {
        if (forsoeg === 3) throw e;
      }
    }
  }
  const [jens, ali, birgit, freja, karin] = sessioner;
  if (!jens || !ali || !birgit || !freja || !karin) throw new Error('Ikke alle fem personer blev logget ind');
  const loginMs = performance.now() - t;
  // The relative looks at Jens' data: "Skift person" on Min side.
  const skift = await karin.post('/min-side/vaelg', { personId: id('Jens Madsen') });
  if (skift.headers.get('location') !== '/min-side') throw new Error('Karin kunne ikke vælge Jens');
  const klagesag = (
    db
      .prepare(
        'select s.id from sager s join afgoerelser a on a.sag_id = s.id where s.person_id = ? and a.klagefrist >= ? limit 1',
      )
      .get(id('Ali Hassan'), dagen(new Date())) as { id: string }
  ).id;
  db.close();

  const ruter: Rute[] = OFFENTLIGE.map((path) => ({ gruppe: 'offentlig', navn: path, method: 'GET', path }));
  for (const s of [jens, ali, birgit, freja, karin]) {
    const minSide = await (await s.get('/min-side')).text();
    const sag = /href="\/sager\/([\w-]+)"/.exec(minSide)?.[1];
    for (const side of MIN_SIDE) {
      // Only the person sees their plan unless a fuldmagt says otherwise; the relative's mix is what she may see.
      if (s === karin && side === '/min-side/plan') continue;
      ruter.push({
        gruppe: 'min side',
        navn: `${side} (${s.navn})`,
        method: 'GET',
        path: side.replace(':sag', sag ?? 'ingen'),
        headers: { cookie: s.cookie },
      });
    }
  }

  const formular = (s: LoggedIn) => ({
    cookie: s.cookie,
    origin: new URL(url).origin,
    'content-type': 'application/x-www-form-urlencoded',
  });
  ruter.push({
    gruppe: 'formularer',
    navn: 'klage (Ali)',
    method: 'POST',
    path: `/sager/${klagesag}/klage`,
    headers: formular(ali),
    lavKrop: () =>
      new URLSearchParams({
        sagId: klagesag,
        noegle: crypto.randomUUID(),
        tekst: 'Jeg er uenig i afgørelsen (belastningstest).',
      }).toString(),
  });
  const overgang = await (await freja.get('/min-side/overgang')).text();
  const punkter = inputValues(overgang, 'punkter');
  const personId = defined(inputValue(overgang, 'personId'), 'personId');
  ruter.push({
    gruppe: 'formularer',
    navn: 'tjekliste (Freja)',
    method: 'POST',
    path: '/min-side/overgang',
    headers: formular(freja),
    lavKrop: () => {
      const body = new URLSearchParams({ personId });
      for (const p of punkter) if (Math.random() < 0.5) body.append('punkter', p);
      return body.toString();
    },
  });
  return { ruter, loginMs };
}
