/**
 * A large database for the load bench: the demo personas (so logins work) plus, by default,
 * 100,000 citizens with cases, history, decisions, letters, relations, meetings, consents,
 * plans, hjælpemidler and sessions, and 1,000,000 audit rows. One transaction with prepared
 * statements, so it takes seconds, not minutes. A fixed seed makes two runs alike.
 *
 * Run: `node bench/stor-data.ts [file]` (default data/bench-stor.db). Env: STOR_BORGERE, STOR_AUDIT.
 */

import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { kommune } from '#/config/kommune.ts';
import { dagen, plusDage } from '#/lib/dato.ts';
import { demoMedarbejdere } from '../db/seed.ts';
import { freshDatabase } from './portal.ts';

export interface Omfang {
  borgere: number;
  audit: number;
}

/** The element at an index the caller computed inside the list. */
function ved<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`Ingen plads ${i} i en liste med ${xs.length}`);
  return x;
}

/** mulberry32: small, fast and seeded, so the data are the same each time. */
function tilfaeldig(seed: number) {
  let a = seed;
  const r = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    r,
    heltal: (n: number) => Math.floor(r() * n),
    valg: <T>(xs: readonly T[]) => ved(xs, Math.floor(r() * xs.length)),
  };
}

// No demo first names, so "Log ind som Jens Madsen" is still one person.
const FORNAVNE = [
  'Anne',
  'Kirsten',
  'Hanne',
  'Lene',
  'Karen',
  'Ida',
  'Emma',
  'Signe',
  'Louise',
  'Camilla',
  'Ole',
  'Poul',
  'Kurt',
  'Søren',
  'Niels',
  'Anders',
  'Omar',
  'Mikkel',
  'Frederik',
  'Bent',
];
const EFTERNAVNE = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Madsen',
  'Holm',
  'Hassan',
  'Kjær',
  'Lund',
  'Berg',
];
const SAGSTYPER = [
  ['Praktisk hjælp i hjemmet', 'Serviceloven § 83'],
  ['Socialpædagogisk støtte', 'Serviceloven § 85'],
  ['Ledsagelse', 'Serviceloven § 97'],
  ['Dækning af merudgifter', 'Serviceloven § 100'],
  ['Hjælpemiddel: rollator', 'Serviceloven § 112'],
  ['Boligindretning', 'Serviceloven § 116'],
] as const;
const ENHEDER = ['voksenhandicap', 'boernehandicap', 'oest', 'vest', 'midt'] as const;
const HVAD = [
  'Oversigt over sager',
  'Sag: Praktisk hjælp i hjemmet',
  'Oversigt over møder',
  'Plan og mål',
  'Hjælpemidler',
  'Sagsliste: Ledsagelse',
  'Brev: Afgørelse',
];

export async function genererStorData(
  file = 'data/bench-stor.db',
  omfang: Omfang = { borgere: 100_000, audit: 1_000_000 },
) {
  const path = await freshDatabase(file);
  const db = new Database(path);
  // Generating, not serving: no journal and a big cache so the one transaction never spills
  // to disk half-way; WAL again at the end, as the portal expects.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -600000');
  db.pragma('foreign_keys = ON');
  const { r, heltal, valg } = tilfaeldig(18);
  const idag = dagen(new Date());
  const dag = (n: number) => plusDage(idag, n);
  const moment = (dageSiden: number) =>
    new Date(Date.now() - dageSiden * 86_400_000 - heltal(86_400_000)).toISOString();
  const uuid = () => crypto.randomUUID();
  const staff = demoMedarbejdere.map((m) => m.id);
  const byer = kommune.teams.flatMap((t) => t.byer);

  const ins = (sql: string) => db.prepare(sql);
  const person = ins(
    'insert into personer (id, cpr, navn, foedselsdato, adresse, by, telefon, email) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const sag = ins(
    'insert into sager (id, person_id, enhed, titel, lovgrundlag, trin, trin_tekst, aaben, sagsbehandler_id, modtaget, frist) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const haendelse = ins(
    "insert into sagshaendelser (id, sag_id, type, trin, tekst, tidspunkt) values (?, ?, 'trin', ?, ?, ?)",
  );
  const afgoerelse = ins(
    'insert into afgoerelser (id, sag_id, udfald, dato, begrundelse, klagevejledning, klagefrist) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const dokument = ins(
    "insert into dokumenter (id, sag_id, type, titel, dato, indhold) values (?, ?, 'brev', ?, ?, ?)",
  );
  const partshoering = ins(
    'insert into partshoeringer (id, sag_id, materiale, sendt, svarfrist) values (?, ?, ?, ?, ?)',
  );
  const relation = ins(
    'insert into relationer (id, fra_person_id, til_person_id, type, scopes, gyldig_fra, oprettet) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const moede = ins(
    "insert into moeder (id, person_id, sag_id, type, titel, start, slut, sted, deltagere, dagsorden) values (?, ?, ?, 'opfoelgning', 'Opfølgningsmøde', ?, ?, 'Rådhuset', '[]', '[]')",
  );
  const samtykke = ins(
    "insert into samtykker (id, person_id, sag_id, kilde, formaal, givet) values (?, ?, ?, 'Egen læge', 'Oplysninger om helbred', ?)",
  );
  const plan = ins('insert into planer (id, person_id, sag_id, retningsgivende_maal, oprettet) values (?, ?, ?, ?, ?)');
  const delmaal = ins("insert into delmaal (id, plan_id, titel, status, raekkefoelge) values (?, ?, ?, 'i-gang', ?)");
  const kladde = ins(
    'insert into hjaelpemiddel_kladder (id, person_id, oprettet_af, data, opdateret, ansoegning_id) values (?, ?, ?, ?, ?, ?)',
  );
  const ansoegning = ins(
    "insert into hjaelpemiddel_ansoegninger (id, person_id, hjaelpemiddel, beskrivelse, status, modtaget, kvitteringsnr, kladde_id, sag_id) values (?, ?, 'Rollator', 'Jeg falder, når jeg går.', ?, ?, ?, ?, ?)",
  );
  const udlaan = ins(
    "insert into udlaan (id, person_id, hjaelpemiddel, nummer, udlaant_dato) values (?, ?, 'Rollator', ?, ?)",
  );
  const session = ins(
    'insert into sessioner (id, secret_hash, person_id, oprettet, sidst_aktiv) values (?, ?, ?, ?, ?)',
  );
  const audit = ins(
    'insert into audit (tidspunkt, aktoer_type, aktoer_id, aktoer_navn, person_id, handling, hvad) values (?, ?, ?, ?, ?, ?, ?)',
  );

  const t0 = performance.now();
  const demo = db.prepare('select id, navn from personer').all() as { id: string; navn: string }[];
  const ids: string[] = [];
  const navne: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < omfang.borgere; i++) {
      const id = uuid();
      const navn = `${valg(FORNAVNE)} ${valg(EFTERNAVNE)}`;
      // CPR numbers from serial 5000 up, so they never meet the demo's (1xxx and 4xxx).
      const foedselsdato = plusDage('1935-01-01', i % 25_000);
      const [ddmm, aa] = [`${foedselsdato.slice(8, 10)}${foedselsdato.slice(5, 7)}`, foedselsdato.slice(2, 4)];
      const by = valg(byer);
      person.run(
        id,
        `${ddmm}${aa}${5000 + Math.floor(i / 25_000)}`,
        navn,
        foedselsdato,
        `Bench-vej ${i}, ${by}`,
        by,
        '20304050',
        null,
      );
      ids.push(id);
      navne.push(navn);

      const antalSager = 1 + heltal(3);
      for (let s = 0; s < antalSager; s++) {
        const [titel, lov] = valg(SAGSTYPER);
        const sagId = uuid();
        const alder = 10 + heltal(1000);
        const aaben = r() < 0.5;
        sag.run(
          sagId,
          id,
          valg(ENHEDER),
          titel,
          lov,
          aaben ? 1 + heltal(5) : 6,
          'Vi behandler din sag.',
          aaben ? 1 : 0,
          r() < 0.8 ? valg(staff) : null,
          dag(-alder),
          dag(-alder + 60),
        );
        const antalHaendelser = 2 + heltal(3);
        for (let h = 0; h < antalHaendelser; h++)
          haendelse.run(uuid(), sagId, h + 1, 'Vi har modtaget din ansøgning.', moment(alder - h * 5));
        if (!aaben)
          afgoerelse.run(
            uuid(),
            sagId,
            valg(['bevilling', 'delvis', 'afslag']),
            dag(-alder + 40),
            'Begrundelse.',
            'Du kan klage inden 4 uger.',
            dag(-alder + 68),
          );
        if (r() < 0.5)
          dokument.run(
            uuid(),
            sagId,
            'Kvittering for din ansøgning',
            dag(-alder + 1),
            'Kære borger\n\nVi har modtaget din ansøgning og behandler den hurtigst muligt.\n\nVenlig hilsen\nSocial Omsorg',
          );
        if (aaben && r() < 0.1) partshoering.run(uuid(), sagId, 'Udtalelse fra lægen.', dag(-2), dag(5));
        if (s === 0 && r() < 0.2) {
          const start = Date.now() + (heltal(120) - 60) * 86_400_000;
          moede.run(uuid(), id, sagId, new Date(start).toISOString(), new Date(start + 3_600_000).toISOString());
        }
        if (s === 0 && r() < 0.3) samtykke.run(uuid(), id, sagId, dag(-alder));
        if (s === 0 && r() < 0.1) {
          const planId = uuid();
          plan.run(planId, id, sagId, 'Klare mig selv i hverdagen', dag(-alder + 50));
          for (let k = 1; k <= 2; k++) delmaal.run(uuid(), planId, `Delmål ${k}`, k);
        }
      }
      if (r() < 0.1) {
        const kladdeId = uuid();
        const sendt = r() < 0.7;
        const ansId = sendt ? uuid() : null;
        kladde.run(kladdeId, id, id, '{"behov":"Jeg falder, når jeg går."}', moment(heltal(400)), ansId);
        if (ansId)
          ansoegning.run(
            ansId,
            id,
            valg(['modtaget', 'under-vurdering', 'bevilget']),
            moment(heltal(400)),
            `H-BENCH-${i}`,
            kladdeId,
            null,
          );
      }
      if (r() < 0.1) udlaan.run(uuid(), id, `HMD-${100000 + i}`, dag(-heltal(1000)));
      if (r() < 0.05)
        session.run(
          `${randomBytes(12).toString('hex')}`,
          randomBytes(32),
          id,
          Date.now() - heltal(3_600_000),
          Date.now() - heltal(1_800_000),
        );
    }
    // Some relatives: a fuldmagt from a neighbour in the list, or parental authority.
    for (let i = 0; i < omfang.borgere / 10; i++) {
      const fra = heltal(ids.length);
      const til = (fra + 1 + heltal(50)) % ids.length;
      const fuldmagt = r() < 0.7;
      relation.run(
        uuid(),
        ids[fra],
        ids[til],
        fuldmagt ? 'fuldmagt' : 'foraeldremyndighed',
        fuldmagt ? '["se-sager","se-moeder"]' : '[]',
        dag(-heltal(1000)),
        moment(heltal(1000)),
      );
    }

    // The audit log, oldest first as it is written: the citizen, staff or a relative reading.
    // The demo personas get a long history too, so their "Hvem har set mine oplysninger" is realistic.
    const start = Date.now() - 730 * 86_400_000;
    const skridt = (730 * 86_400_000) / omfang.audit;
    for (let n = 0; n < omfang.audit; n++) {
      const tidspunkt = new Date(start + n * skridt).toISOString();
      const demoRaekke = n % 200 === 0;
      const p = demoRaekke ? heltal(demo.length) : heltal(ids.length);
      const [personId, navn] = demoRaekke ? [ved(demo, p).id, ved(demo, p).navn] : [ved(ids, p), ved(navne, p)];
      const x = r();
      if (x < 0.5) audit.run(tidspunkt, 'borger', personId, navn, personId, 'se', valg(HVAD));
      else if (x < 0.9)
        audit.run(
          tidspunkt,
          'medarbejder',
          valg(staff),
          'Sofie Lund (medarbejder)',
          personId,
          valg(['se', 'se', 'ret']),
          valg(HVAD),
        );
      else audit.run(tidspunkt, 'borger', ids[(p + 1) % ids.length], 'En pårørende', personId, 'se', valg(HVAD));
    }
  })();
  // No ANALYZE: the portal never runs it, so the query planner here sees what it sees in production.
  db.pragma('journal_mode = WAL');
  const taelling = Object.fromEntries(
    [
      'personer',
      'sager',
      'sagshaendelser',
      'afgoerelser',
      'relationer',
      'audit',
      'sessioner',
      'hjaelpemiddel_kladder',
    ].map((t) => [t, (db.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]),
  );
  db.close();
  return { path, sekunder: (performance.now() - t0) / 1000, taelling };
}

if (import.meta.main) {
  const file = process.argv[2] ?? 'data/bench-stor.db';
  const r = await genererStorData(file, {
    borgere: Number(process.env.STOR_BORGERE ?? 100_000),
    audit: Number(process.env.STOR_AUDIT ?? 1_000_000),
  });
  console.log(`${r.path}: ${r.sekunder.toFixed(1)} s`);
  console.table(r.taelling);
}
