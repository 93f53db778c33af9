/**
 * Compares the journal of the storm with the database after the crash, read-only, with the same
 * SQL on SQLite and on PostgreSQL (through the Db, as the portal reads it). Two questions: is every receipt the server gave there exactly once, and is anything
 * half-saved? The invariants are the ones the feature code writes in one transaction:
 *  - klage.server.ts: a klage, its 'klage' event on the case (same moment), the case at step 7;
 *  - partshoering.server.ts: the answer with its receipt number, and exactly one 'partshoering' event;
 *  - ansoegning.server.ts: an ansøgning, its new case with the two first events, and the draft
 *    pointing back to it; a new case is never without its ansøgning; bilag files are written
 *    before their row, so a row never points to a missing file;
 *  - adgang.server.ts: every write was logged (the audit row is written first, at the same moment).
 * What only one engine can tell (SQLite's integrity_check) is in tjekMotor.
 */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, motor } from '../db/client.ts';
import { raaSql } from '../db/test-fixtures.ts';
import type { Gensendt } from './crash-retry.ts';
import type { Forsoeg, Journal } from './crash-storm.ts';

export interface Tal {
  forsoegt: number;
  kvitteret: number;
  fundet: number;
  tabt: number;
  dubletter: number;
  gemtUdenKvittering: number;
}
export interface Tjek {
  tal: Record<'klager' | 'partshøringssvar' | 'ansøgninger' | 'kladdetrin' | 'bilag', Tal>;
  /** Each one a loss, a duplicate or a half-saved record: any fails the run. */
  fejl: string[];
  /** Attachment files without a row: written just before the crash, never shown. Harmless, reported. */
  filerUdenRaekke: number;
  /** sag id → the partshøring's receipt number, to see that a second post did not change it. */
  partshoeringKvitteringer: Map<string, string | null>;
}

const nyeTal = (): Tal => ({ forsoegt: 0, kvitteret: 0, fundet: 0, tabt: 0, dubletter: 0, gemtUdenKvittering: 0 });

/** Groups by key; a group is never empty, so its first element is always there. */
function grupper<T>(xs: T[], key: (x: T) => string): Map<string, [T, ...T[]]> {
  const m = new Map<string, [T, ...T[]]>();
  for (const x of xs) {
    const gruppe = m.get(key(x));
    if (gruppe) gruppe.push(x);
    else m.set(key(x), [x]);
  }
  return m;
}
const kvitteringer = (xs: Forsoeg[]) =>
  new Set(xs.flatMap((x) => (x.udfald === 'kvitteret' && x.kvittering !== undefined ? [x.kvittering] : [])));

export async function tjekDatabase(
  db: Db,
  bilagDir: string,
  j: Journal,
  foerStormen: { sager: Set<string> },
  gensendt?: Gensendt,
): Promise<Tjek> {
  const fejl: string[] = [];
  const alle = async <T extends object>(sql: string) => (await raaSql(db, sql)) as T[];
  // A `select count(*) n` always returns one row; PostgreSQL's bigint count arrives as a number (db/client.ts).
  const antal = async (sql: string) => Number((await raaSql(db, sql))[0]?.n);
  const tal = {
    klager: nyeTal(),
    partshøringssvar: nyeTal(),
    ansøgninger: nyeTal(),
    kladdetrin: nyeTal(),
    bilag: nyeTal(),
  };

  // Klager: by the form's one-time key.
  type Klage = { id: string; sag_id: string; noegle: string; tekst: string };
  const klager = grupper(
    await alle<Klage>('select id, sag_id, noegle, tekst from klager where noegle is not null'),
    (k) => k.noegle,
  );
  for (const [noegle, forsoeg] of grupper(j.klager, (k) => k.noegle)) {
    const t = tal.klager;
    const gemt = klager.get(noegle) ?? [];
    const kvit = kvitteringer(forsoeg);
    t.forsoegt++;
    if (gemt.length > 1 || kvit.size > 1) {
      t.dubletter++;
      fejl.push(`klage ${noegle}: ${gemt.length} poster, ${kvit.size} forskellige kvitteringer`);
    }
    if (gemt[0] && gemt[0].tekst !== forsoeg[0].felter.tekst)
      fejl.push(`klage ${noegle}: gemt tekst er ikke den sendte`);
    if (kvit.size) {
      t.kvitteret++;
      if (gemt.some((k) => kvit.has(k.id))) t.fundet++;
      else {
        t.tabt++;
        fejl.push(`klage ${noegle}: kvitteret som ${[...kvit]} men ikke gemt`);
      }
    } else if (gemt.length) t.gemtUdenKvittering++;
    const igen = gensendt?.klager.get(noegle);
    if (gensendt && (!igen || (kvit.size && !kvit.has(igen)) || (gemt.length && !gemt.some((k) => k.id === igen)))) {
      fejl.push(`klage ${noegle}: sendt igen efter genstart gav ${igen ?? 'ingen kvittering'}, før ${[...kvit]}`);
    }
  }
  const sendte = new Set(j.klager.map((k) => k.noegle));
  const ukendteKlager = (
    await alle<{ noegle: string | null }>("select noegle from klager where tekst like '%(crashtest %'")
  ).filter((k) => k.noegle === null || !sendte.has(k.noegle)).length;
  if (ukendteKlager) fejl.push(`${ukendteKlager} klager fra crashtesten, som ingen har sendt`);
  for (const r of await alle<{ id: string }>(`select k.id from klager k where
        (select count(*) from sagshaendelser h where h.sag_id = k.sag_id and h.type = 'klage' and h.tidspunkt = k.modtaget)
        <> (select count(*) from klager k2 where k2.sag_id = k.sag_id and k2.modtaget = k.modtaget)
        or k.kvitteringsnr is null
        or (select trin from sager s where s.id = k.sag_id) <> 7
        or not exists (select 1 from audit a join sager s on s.id = k.sag_id where a.person_id = s.person_id and a.handling = 'opret' and a.hvad = 'Klage over afgørelse' and a.tidspunkt = k.modtaget)`)) {
    fejl.push(`halvt gemt klage ${r.id}: hændelse, trin, kvitteringsnr eller log mangler`);
  }
  for (const r of await alle<{ id: string }>(
    "select h.id from sagshaendelser h where h.type = 'klage' and not exists (select 1 from klager k where k.sag_id = h.sag_id and k.modtaget = h.tidspunkt)",
  )) {
    fejl.push(`halvt gemt: klage-hændelse ${r.id} uden klage`);
  }

  // Partshøringer: one per case; the first answer stands.
  type Ph = {
    sag_id: string;
    svar: string | null;
    besvaret: string | null;
    besvaret_af: string | null;
    kvitteringsnr: string | null;
    haendelser: number;
    logget: number;
  };
  const ph = new Map(
    (
      await alle<Ph>(`select p.sag_id, p.svar, p.besvaret, p.besvaret_af, p.kvitteringsnr,
        (select count(*) from sagshaendelser h where h.sag_id = p.sag_id and h.type = 'partshoering') haendelser,
        (select count(*) from audit a join sager s on s.id = p.sag_id where a.person_id = s.person_id and a.handling = 'opret' and a.hvad = 'Svar på partshøring' and a.tidspunkt = p.besvaret) logget
        from partshoeringer p`)
    ).map((p) => [p.sag_id, p]),
  );
  for (const p of ph.values()) {
    const besvaret = p.besvaret !== null;
    if (
      [p.svar, p.besvaret_af, p.kvitteringsnr].some((v) => (v !== null) !== besvaret) ||
      p.haendelser !== (besvaret ? 1 : 0) ||
      (besvaret && !p.logget)
    ) {
      fejl.push(
        `halvt gemt partshøring på sag ${p.sag_id}: besvaret=${p.besvaret}, ${p.haendelser} hændelser, logget=${p.logget}`,
      );
    }
  }
  for (const [sagId, forsoeg] of grupper(j.svar, (s) => s.sagId)) {
    const t = tal.partshøringssvar;
    const p = ph.get(sagId);
    const kvit = forsoeg.some((f) => f.udfald === 'kvitteret');
    t.forsoegt++;
    if (p && p.haendelser > 1) t.dubletter++;
    if (p?.svar && !forsoeg.some((f) => f.felter.tekst === p.svar))
      fejl.push(`partshøring på sag ${sagId}: gemt svar er ingen af de sendte`);
    if (kvit) {
      t.kvitteret++;
      if (p?.besvaret) t.fundet++;
      else {
        t.tabt++;
        fejl.push(`partshøring på sag ${sagId}: kvitteret men ikke besvaret`);
      }
    } else if (p?.besvaret) t.gemtUdenKvittering++;
    if (gensendt && (!gensendt.svar.get(sagId) || gensendt.svar.get(sagId) !== p?.kvitteringsnr)) {
      fejl.push(
        `partshøring på sag ${sagId}: kvitteringen efter genstart (${gensendt.svar.get(sagId)}) er ikke den gemte (${p?.kvitteringsnr})`,
      );
    }
  }

  // Ansøgninger: by the draft they were sent from.
  type Ans = { id: string; kladde_id: string };
  const ans = grupper(
    await alle<Ans>('select id, kladde_id from hjaelpemiddel_ansoegninger where kladde_id is not null'),
    (a) => a.kladde_id,
  );
  for (const [kladdeId, forsoeg] of grupper(j.indsendelser, (a) => a.kladdeId)) {
    const t = tal.ansøgninger;
    const gemt = ans.get(kladdeId) ?? [];
    const kvit = kvitteringer(forsoeg);
    t.forsoegt++;
    if (gemt.length > 1 || kvit.size > 1) {
      t.dubletter++;
      fejl.push(`kladde ${kladdeId}: ${gemt.length} ansøgninger, ${kvit.size} forskellige kvitteringer`);
    }
    if (kvit.size) {
      t.kvitteret++;
      if (gemt.some((a) => kvit.has(a.id))) t.fundet++;
      else {
        t.tabt++;
        fejl.push(`kladde ${kladdeId}: kvitteret som ${[...kvit]} men ingen ansøgning`);
      }
    } else if (gemt.length) t.gemtUdenKvittering++;
    const igen = gensendt?.indsendelser.get(kladdeId);
    if (gensendt && (!igen || (kvit.size && !kvit.has(igen)) || (gemt[0] && gemt[0].id !== igen))) {
      fejl.push(`kladde ${kladdeId}: sendt igen efter genstart gav ${igen ?? 'ingen kvittering'}, før ${[...kvit]}`);
    }
  }
  for (const r of await alle<{ id: string }>(`select a.id from hjaelpemiddel_ansoegninger a
        left join sager s on s.id = a.sag_id
        left join hjaelpemiddel_kladder k on k.id = a.kladde_id
        where a.kladde_id is not null and (s.id is null or s.person_id <> a.person_id or a.kvitteringsnr is null
          or k.id is null or k.ansoegning_id is distinct from a.id
          or (select count(*) from sagshaendelser h where h.sag_id = a.sag_id and h.type = 'trin' and h.trin in (1, 2) and h.tidspunkt = a.modtaget) <> 2
          or not exists (select 1 from audit l where l.person_id = a.person_id and l.tidspunkt = a.modtaget))`)) {
    fejl.push(`halvt gemt ansøgning ${r.id}: sag, hændelser, kladde eller log passer ikke`);
  }
  for (const r of await alle<{ id: string }>(
    'select k.id from hjaelpemiddel_kladder k where k.ansoegning_id is not null and not exists (select 1 from hjaelpemiddel_ansoegninger a where a.id = k.ansoegning_id and a.kladde_id = k.id)',
  )) {
    fejl.push(`halvt gemt: kladde ${r.id} peger på en ansøgning, der ikke findes`);
  }
  const nyeSager = await alle<{ id: string; ansoegninger: number }>(
    'select s.id, (select count(*) from hjaelpemiddel_ansoegninger a where a.sag_id = s.id) ansoegninger from sager s',
  );
  for (const s of nyeSager) {
    if (!foerStormen.sager.has(s.id) && s.ansoegninger !== 1)
      fejl.push(`halvt gemt: ny sag ${s.id} med ${s.ansoegninger} ansøgninger`);
  }

  // The draft's steps: an answered step is in the draft; one person has one open draft per person.
  type Kladde = { id: string; data: string };
  const kladder = new Map(
    (await alle<Kladde>('select id, data from hjaelpemiddel_kladder')).map((k) => [
      k.id,
      JSON.parse(k.data) as Record<string, string>,
    ]),
  );
  for (const f of j.trin) {
    const t = tal.kladdetrin;
    const id = f.trin === 'start' ? f.kvittering : f.kladdeId;
    const data = id ? kladder.get(id) : undefined;
    const gemt = data !== undefined && Object.entries(f.felter).every(([k, v]) => k === 'kladdeId' || data[k] === v);
    t.forsoegt++;
    if (f.udfald === 'kvitteret') {
      t.kvitteret++;
      if (gemt) t.fundet++;
      else {
        t.tabt++;
        fejl.push(`kladde ${id}: trinnet "${f.trin}" blev kvitteret, men svaret er ikke i kladden`);
      }
    } else if (gemt && f.trin !== 'start') t.gemtUdenKvittering++;
  }
  // PostgreSQL 15 wants a name for a subquery in FROM.
  tal.kladdetrin.dubletter = await antal(
    'select count(*) n from (select person_id, oprettet_af from hjaelpemiddel_kladder where ansoegning_id is null group by 1, 2 having count(*) > 1) d',
  );
  if (tal.kladdetrin.dubletter) fejl.push(`${tal.kladdetrin.dubletter} personer har mere end én åben kladde`);

  // Attachments: acknowledged uploads by their unique file name; every row has its file.
  type Bilag = { id: string; kladde_id: string; filnavn: string; stoerrelse: number };
  const bilagRaekker = await alle<Bilag>('select id, kladde_id, filnavn, stoerrelse from bilag');
  const bilag = grupper(bilagRaekker, (b) => `${b.kladde_id}/${b.filnavn}`);
  for (const f of j.bilag) {
    const t = tal.bilag;
    const gemt = bilag.get(`${f.kladdeId}/${f.filnavn}`) ?? [];
    t.forsoegt++;
    if (gemt.length > 1) {
      t.dubletter++;
      fejl.push(`bilag ${f.filnavn} gemt ${gemt.length} gange`);
    }
    if (gemt[0] && gemt[0].stoerrelse !== f.stoerrelse)
      fejl.push(`bilag ${f.filnavn}: gemt størrelse ${gemt[0].stoerrelse}, sendt ${f.stoerrelse}`);
    if (f.udfald === 'kvitteret') {
      t.kvitteret++;
      if (gemt.length) t.fundet++;
      else {
        t.tabt++;
        fejl.push(`bilag ${f.filnavn}: kvitteret men ikke gemt`);
      }
    } else if (gemt.length) t.gemtUdenKvittering++;
  }
  const filer = new Map(readdirSafe(bilagDir).map((navn) => [navn, statSync(join(bilagDir, navn)).size]));
  for (const b of bilagRaekker) {
    if (filer.get(b.id) !== b.stoerrelse)
      fejl.push(
        `halvt gemt: bilag ${b.id} har ${filer.has(b.id) ? `en fil på ${filer.get(b.id)} bytes` : 'ingen fil'}, rækken siger ${b.stoerrelse}`,
      );
  }
  const medRaekke = new Set(bilagRaekker.map((b) => b.id));

  return {
    tal,
    fejl,
    filerUdenRaekke: [...filer.keys()].filter((navn) => !medRaekke.has(navn)).length,
    partshoeringKvitteringer: new Map([...ph.values()].map((p) => [p.sag_id, p.kvitteringsnr])),
  };
}

/** What the engine itself says about the database the kill left behind. */
export interface MotorTjek {
  /** One line for the report. */
  tekst: string;
  /** Each one fails the run. */
  fejl: string[];
}

/**
 * SQLite: the file as the kill left it passes integrity_check and foreign_key_check.
 * PostgreSQL: only the portal, the database's client, was killed; the database server was not, so
 * its storage is not in question (no amcheck) and it enforces every foreign key on every statement.
 * What a killed client can leave is a session still open in a transaction, holding its rows and
 * the writers' advisory lock (db/client.ts), so nothing could be written after the restart: every
 * session of the killed server must be gone within `ventMs`.
 * Call it after the kill and before the restart: no other server may be connected then.
 */
export async function tjekMotor(db: Db, ventMs = 10_000): Promise<MotorTjek> {
  if (motor(db) !== 'postgres') {
    const integritet = (await raaSql(db, 'pragma integrity_check')).map((r) => String(r.integrity_check)).join('; ');
    const fremmednoegler = (await raaSql(db, 'pragma foreign_key_check')).length;
    return {
      tekst: `integrity_check: ${integritet}; foreign_key_check: ${fremmednoegler} fejl`,
      fejl: [
        ...(integritet === 'ok' ? [] : [`integrity_check: ${integritet}`]),
        ...(fremmednoegler ? [`foreign_key_check: ${fremmednoegler} rækker peger på noget, der ikke findes`] : []),
      ],
    };
  }
  const t0 = performance.now();
  for (;;) {
    const aabne = await raaSql(
      db,
      `select state from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    const sek = ((performance.now() - t0) / 1000).toFixed(1);
    if (!aabne.length)
      return { tekst: `PostgreSQL: ingen forbindelser fra den dræbte server efter ${sek} s`, fejl: [] };
    if (performance.now() - t0 > ventMs) {
      const tilstande = aabne.map((r) => String(r.state)).join(', ');
      const fejl = `${aabne.length} forbindelser fra den dræbte server er stadig åbne efter ${sek} s (${tilstande})`;
      return { tekst: `PostgreSQL: ${fejl}`, fejl: [fejl] };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
