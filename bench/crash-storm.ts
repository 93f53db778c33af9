/**
 * The storm: many concurrent submissions through the pages' own forms, posted exactly as a
 * browser posts them (the page is fetched first for its hidden fields and its one-time key,
 * then posted back with an Origin header). Every attempt and every receipt the server
 * acknowledged is written in the journal, which the check compares with the database.
 */

import { defined } from '#/lib/defined.ts';
import { inputValue, inputValues, type LoggedIn } from './portal.ts';

/** A receipt: the server answered with the redirect to it. Cut off: no answer (the crash). Refused: any other answer. */
export type Udfald = 'kvitteret' | 'afbrudt' | 'afvist';

export interface Forsoeg {
  session: LoggedIn;
  felter: Record<string, string>;
  udfald?: Udfald;
  /** The id in the redirect's Location (klage, kladde, ansøgning), or the Location itself. */
  kvittering?: string;
}
export interface KlageForsoeg extends Forsoeg {
  sagId: string;
  noegle: string;
}
export interface SvarForsoeg extends Forsoeg {
  sagId: string;
}
/** A step saved into a draft; `trin` 'start' creates the draft, its receipt is the kladde id. */
export interface TrinForsoeg extends Forsoeg {
  kladdeId: string;
  trin: string;
}
export interface BilagForsoeg extends Forsoeg {
  kladdeId: string;
  filnavn: string;
  stoerrelse: number;
}
export interface IndsendForsoeg extends Forsoeg {
  kladdeId: string;
}

export class Journal {
  klager: KlageForsoeg[] = [];
  svar: SvarForsoeg[] = [];
  trin: TrinForsoeg[] = [];
  bilag: BilagForsoeg[] = [];
  indsendelser: IndsendForsoeg[] = [];
  /** Answers that were neither a receipt nor the crash: each one fails the run. */
  uventede: string[] = [];
  kvitteringer = 0;
  /** Form posts sent and not yet answered: how many were in flight when the server died. */
  undervejs = 0;
  /** Called after every receipt, with the count so far: the crash test kills the server from here. */
  onKvittering: (antal: number) => void = () => {};
  /** Set the moment the server is killed: from then on a missing answer is expected, and no new work starts. */
  doed = false;
}

/** Posts a form and classifies the answer: the expected redirect is the receipt. */
export async function send(
  j: Journal,
  f: Forsoeg,
  path: string,
  body: Record<string, string> | FormData,
  kvittering: RegExp,
): Promise<string | undefined> {
  let r: Response;
  j.undervejs++;
  try {
    r = await f.session.post(path, body);
  } catch (e) {
    f.udfald = 'afbrudt';
    if (!j.doed) j.uventede.push(`POST ${path}: ${(e as Error).message}`);
    return undefined;
  } finally {
    j.undervejs--;
  }
  const location = r.headers.get('location') ?? '';
  await r.body?.cancel();
  const m = r.status >= 300 && r.status < 400 ? kvittering.exec(location) : null;
  if (!m) {
    f.udfald = 'afvist';
    j.uventede.push(`POST ${path}: ${r.status} ${location}`);
    return undefined;
  }
  f.udfald = 'kvitteret';
  f.kvittering = m[1] ?? location;
  j.onKvittering(++j.kvitteringer);
  return f.kvittering;
}

/** GETs a page as the browser does before posting its form; undefined when it did not come. */
export async function side(j: Journal, s: LoggedIn, path: string): Promise<string | undefined> {
  try {
    const r = await s.get(path);
    if (r.status !== 200) {
      await r.body?.cancel();
      j.uventede.push(`GET ${path}: ${r.status} ${r.headers.get('location') ?? ''}`);
      return undefined;
    }
    return await r.text();
  } catch (e) {
    if (!j.doed) j.uventede.push(`GET ${path}: ${(e as Error).message}`);
    return undefined;
  }
}

function tilfaeldig<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(Math.random() * xs.length)];
  if (x === undefined) throw new Error('tilfaeldig: listen er tom');
  return x;
}

/** A complaint; now and then posted twice at once, as a double click does. */
async function klag(j: Journal, s: LoggedIn, sagId: string, dobbelt: boolean) {
  const html = await side(j, s, `/sager/${sagId}/klage`);
  const noegle = html && inputValue(html, 'noegle');
  if (!html || !noegle) return;
  const felter = {
    sagId: defined(inputValue(html, 'sagId'), 'sagId'),
    noegle,
    tekst: `Jeg er uenig i afgørelsen (crashtest ${noegle.slice(0, 8)}).`,
  };
  const kvittering = new RegExp(`^/sager/${sagId}/klage/([\\w-]+)$`);
  await Promise.all(
    Array.from({ length: dobbelt ? 2 : 1 }, async () => {
      const f: KlageForsoeg = { session: s, felter, sagId, noegle };
      j.klager.push(f);
      return await send(j, f, `/sager/${sagId}/klage`, felter, kvittering);
    }),
  );
}

/** One partshøring answered by several at once (the person and the parents, or a double click): the first answer stands. */
async function svar(j: Journal, sessions: LoggedIn[], sagId: string) {
  await Promise.all(
    sessions.map(async (s, i) => {
      const html = await side(j, s, `/sager/${sagId}/partshoering`);
      const partshoeringId = html && inputValue(html, 'partshoeringId');
      const noegle = html && inputValue(html, 'noegle');
      if (!partshoeringId || !noegle) return;
      // Sent from the check step ("Send svaret"), without `tilfoejelse`: an answer, never an addition,
      // so once one is saved the others get its receipt.
      const felter = { partshoeringId, noegle, send: 'ja', tekst: `Ingen bemærkninger (crashtest ${s.navn} ${i}).` };
      const f: SvarForsoeg = { session: s, felter, sagId };
      j.svar.push(f);
      await send(j, f, `/sager/${sagId}/partshoering`, felter, new RegExp(`^/sager/${sagId}/partshoering$`));
    }),
  );
}

/** A whole application for a hjælpemiddel, step by step as the guide's pages post it; sometimes with an attachment. */
async function ansoeg(j: Journal, s: LoggedIn, nr: number) {
  const start: TrinForsoeg = { session: s, felter: {}, kladdeId: '', trin: 'start' };
  j.trin.push(start);
  const kladdeId = await send(j, start, '/hjaelpemidler/ansoeg', {}, /^\/hjaelpemidler\/ansoeg\/([\w-]+)\/behov$/);
  if (!kladdeId) return;
  start.kladdeId = kladdeId;
  const base = `/hjaelpemidler/ansoeg/${kladdeId}`;

  const trin: [string, (html: string) => Record<string, string>][] = [
    ['behov', () => ({ behov: `Jeg kan ikke stå op, mens jeg går i bad (crashtest ${s.navn} ${nr}).` })],
    ['hjaelpemiddel', (html) => ({ hjaelpemiddel: tilfaeldig(inputValues(html, 'hjaelpemiddel')) })],
    ['varighed', () => ({ varighed: tilfaeldig(['under-6-maaneder', 'over-6-maaneder', 'varigt']) })],
    [
      'kontakt',
      () => ({
        telefon: String(20000000 + Math.floor(Math.random() * 9999999)),
        besoegstid: 'formiddag',
        leveringsadresse: `Crashvej ${nr}, 8722 Hedensted`,
      }),
    ],
  ];
  for (const [i, [navn, udfyld]] of trin.entries()) {
    if (j.doed) return;
    const html = await side(j, s, `${base}/${navn}`);
    if (!html) return;
    const felter = { kladdeId: defined(inputValue(html, 'kladdeId'), 'kladdeId'), ...udfyld(html) };
    const f: TrinForsoeg = { session: s, felter, kladdeId, trin: navn };
    j.trin.push(f);
    const naeste = trin[i + 1]?.[0] ?? 'bilag';
    if (!(await send(j, f, `${base}/${navn}`, felter, new RegExp(`^${base}/${naeste}$`)))) return;
  }

  if (Math.random() < 0.3 && !j.doed) {
    const stoerrelse = 1_000 + Math.floor(Math.random() * 60_000);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(stoerrelse - 9, nr)]);
    const filnavn = `erklaering-${crypto.randomUUID().slice(0, 8)}.pdf`;
    const body = new FormData();
    body.set('kladdeId', kladdeId);
    body.set('fil', new File([bytes], filnavn, { type: 'application/pdf' }));
    const f: BilagForsoeg = { session: s, felter: { kladdeId }, kladdeId, filnavn, stoerrelse };
    j.bilag.push(f);
    if (!(await send(j, f, `${base}/bilag`, body, new RegExp(`^${base}/bilag$`)))) return;
  }

  if (j.doed) return;
  const html = await side(j, s, `${base}/tjek`);
  if (!html) return;
  const felter = {
    kladdeId: defined(inputValue(html, 'kladdeId'), 'kladdeId'),
    hjaelpemiddel: inputValue(html, 'hjaelpemiddel') ?? '',
  };
  await Promise.all(
    Array.from({ length: Math.random() < 0.2 ? 2 : 1 }, async () => {
      const f: IndsendForsoeg = { session: s, felter, kladdeId };
      j.indsendelser.push(f);
      return await send(j, f, `${base}/tjek`, felter, /^\/hjaelpemidler\/ansoegninger\/([\w-]+)$/);
    }),
  );
}

export interface StormPlan {
  /** Complaint forms to fill in (about 15 % are posted twice). */
  klager: number;
  /** Applications each (user, person) pair sends, one after the other. */
  ansoegningerPrPar: number;
  /** Complaints and partshøringer in flight at once, besides one application per pair. */
  samtidige: number;
}

export interface Aktoerer {
  /** Person name → the sessions that may act in that person's cases (their own, and the parents'). */
  forPerson: Record<string, LoggedIn[]>;
  /** One session per (user, person) pair applying for hjælpemidler: a pair has one open draft at a time. */
  ansoegere: LoggedIn[];
}

/** How many form posts the plan makes, roughly: the crash test picks its moment among them. */
export function planlagtePosts(plan: StormPlan, aktoerer: Aktoerer, partshoeringer: number): number {
  return Math.round(plan.klager * 1.15 + partshoeringer * 2 + aktoerer.ansoegere.length * plan.ansoegningerPrPar * 6.5);
}

/** Runs the storm until everything is sent or the server is gone. */
export async function storm(
  j: Journal,
  aktoerer: Aktoerer,
  sager: { klagesager: Record<string, string[]>; partshoeringssager: Record<string, string[]> },
  plan: StormPlan,
) {
  const opgaver: (() => Promise<void>)[] = [];
  // Each decision gets one complaint form (a second complaint on it is refused, by design).
  const ledige = Object.fromEntries(Object.entries(sager.klagesager).map(([navn, ids]) => [navn, [...ids]]));
  for (let i = 0; i < plan.klager; i++) {
    const personer = Object.keys(ledige).filter((navn) => ledige[navn]?.length);
    if (!personer.length) throw new Error(`For få sager at klage over til ${plan.klager} klager`);
    const navn = tilfaeldig(personer);
    const sagId = defined(ledige[navn]?.pop(), 'en ledig sag');
    opgaver.push(async () => await klag(j, tilfaeldig(aktoerer.forPerson[navn] ?? []), sagId, Math.random() < 0.15));
  }
  for (const [navn, sagIds] of Object.entries(sager.partshoeringssager)) {
    const egne = aktoerer.forPerson[navn] ?? [];
    const [foerste] = egne;
    if (!foerste) continue;
    // The parents race the young person; someone alone double-clicks.
    for (const sagId of sagIds)
      opgaver.push(async () => await svar(j, egne.length > 1 ? egne : [foerste, foerste], sagId));
  }
  opgaver.sort(() => Math.random() - 0.5);

  const arbejdere = Array.from({ length: plan.samtidige }, async () => {
    for (let opgave = opgaver.shift(); opgave && !j.doed; opgave = opgaver.shift()) await opgave();
  });
  const ansoegninger = aktoerer.ansoegere.map(async (s) => {
    for (let nr = 1; nr <= plan.ansoegningerPrPar && !j.doed; nr++) await ansoeg(j, s, nr);
  });
  await Promise.all([...arbejdere, ...ansoegninger]);
}
