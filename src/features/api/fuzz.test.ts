/**
 * Bad input at scale: thousands of random and hostile requests through every API route, from
 * Request to Response. Whatever arrives, the answer is never a 5xx; a refusal is Danish JSON
 * (a 400 with a list of fields), and nothing of it is written; a success can be read back.
 */

import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { skrivBeskedPaaSag } from '#/features/beskeder/beskeder.server.ts';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { erDansk, fjendtligTekst, fjendtligVaerdi, ONDSINDET } from '#/lib/fuzz-hjaelp.ts';
import { type Db, foerste } from '../../../db/client.ts';
import {
  afgoerelser,
  beskeder,
  dokumenter,
  moeder,
  partshoeringer,
  personer,
  planer,
  sager,
} from '../../../db/schema.ts';
import { aendringstaeller } from '../../../db/test-fixtures.ts';
import { uopfyldt } from './fejl.ts';
import { behandlApiKald } from './http.server.ts';
import { alleApiRettigheder, createApiToken } from './noegler.server.ts';
import {
  alleRuter,
  type HandlingRute,
  type ListeRute,
  type Rute,
  ruter,
  type UpsertRute,
  upsert,
} from './ruter.server.ts';
import { UpsertSvarSchema } from './schemas.ts';
import {
  else_,
  elsesAfgoerelse,
  elsesBrev,
  elsesMoede,
  elsesPartshoering,
  elsesPlan,
  elsesSag,
  NU,
  nyDemoDb,
} from './test-hjaelp.ts';

let db: Db;
let token: string;
let aendringer: () => Promise<Record<string, number>>;

/** A valid body and path id for each upsert, and the table its record lands in. */
const gyldig: Record<
  string,
  {
    kildeId: string;
    krop: () => object;
    tabel:
      | typeof personer
      | typeof sager
      | typeof afgoerelser
      | typeof moeder
      | typeof planer
      | typeof dokumenter
      | typeof partshoeringer
      | typeof beskeder;
  }
> = {
  [ruter.person.id]: { kildeId: 'P-1', krop: else_, tabel: personer },
  // Else is an adult: nobody holds custody of her, which is a valid answer (200, aendret: false).
  [ruter.foraeldremyndighed.id]: { kildeId: 'P-1', krop: () => ({ indehavere: [] }), tabel: personer },
  [ruter.sag.id]: { kildeId: 'S-1', krop: elsesSag, tabel: sager },
  [ruter.afgoerelse.id]: { kildeId: 'S-1', krop: elsesAfgoerelse, tabel: afgoerelser },
  [ruter.moede.id]: { kildeId: 'M-1', krop: elsesMoede, tabel: moeder },
  [ruter.brev.id]: { kildeId: 'BR-1', krop: elsesBrev, tabel: dokumenter },
  [ruter.partshoering.id]: { kildeId: 'PH-1', krop: elsesPartshoering, tabel: partshoeringer },
  [ruter.plan.id]: { kildeId: 'PL-1', krop: elsesPlan, tabel: planer },
  [ruter.beskedSvar.id]: {
    kildeId: 'SV-1',
    krop: () => ({ svarPaa: elsesBesked, afsender: 'Sofie Lund, sagsbehandler', tekst: 'Vi ringer til dig i morgen.' }),
    tabel: beskeder,
  },
};

/** Else's message on her case, written before the answer's route is first called. */
let elsesBesked = '';
async function elseSkriver(): Promise<string> {
  const sag = defined(foerste(await db.select().from(sager).where(eq(sager.kildeId, 'Nexus:S-1'))), 'Elses sag');
  const session = { personId: sag.personId, medarbejderId: null, handlerForId: null } as Session;
  const bruger = defined(await loadBruger(db, session, NU), 'Else');
  const noegle = crypto.randomUUID();
  const emne = 'Hvornår kommer I?';
  return (await skrivBeskedPaaSag(db, bruger, { sagId: sag.id, emne, tekst: 'Jeg venter.', noegle }, NU)).beskedId;
}

/** The valid body of a route; every upsert route has one above. */
function gyldigFor(id: string) {
  const g = gyldig[id];
  if (!g) throw new Error(`Ingen gyldig krop til ${id}`);
  return g;
}

const upserts = alleRuter.filter((r): r is UpsertRute => r.type === 'upsert');
const lister = alleRuter.filter((r): r is ListeRute => r.type === 'liste');
const handlinger = alleRuter.filter((r): r is HandlingRute => r.type === 'handling');

interface Kald {
  kildeId?: string;
  krop?: string;
  query?: string;
  headers?: Record<string, string>;
}

function request(rute: Rute, k: Kald): Request {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...k.headers };
  // The route gets the id as a parameter; the URL only needs to be valid (a lone surrogate cannot be encoded).
  const sti = rute.sti.replace('{kildeId}', encodeURIComponent((k.kildeId ?? '').toWellFormed())) + (k.query ?? '');
  return new Request(`http://localhost${sti}`, {
    method: rute.metode,
    headers,
    ...(rute.metode === 'GET' ? {} : { body: k.krop ?? '' }),
  });
}

/**
 * The properties every call must keep: below 500, JSON; a refusal is Danish, names the fields
 * of a 400, and changes no table; a success is there to read.
 */
async function tjek(rute: Rute, k: Kald) {
  const foer = await aendringer();
  const res = await behandlApiKald(db, rute, request(rute, k), { kildeId: k.kildeId }, NU);
  const tekst = await res.text();
  const sted = `${rute.metode} ${rute.sti} (${k.kildeId ?? ''}${k.query ?? ''}): ${res.status} ${tekst.slice(0, 300)}`;
  expect(res.status, sted).toBeLessThan(500);
  expect(res.headers.get('content-type'), sted).toMatch(/^application\/json/);
  const body = JSON.parse(tekst);
  if (res.status >= 300) {
    expect(await aendringer(), `${sted}: intet må være gemt`).toEqual(foer);
    expect(erDansk(body.fejl), sted).toBe(true);
    if (res.status === 400 || res.status === 422) {
      expect(body.felter, sted).toEqual(expect.any(Array));
      expect(body.felter.length, sted).toBeGreaterThan(0);
      for (const f of body.felter) {
        expect(f.felt, sted).toEqual(expect.any(String));
        expect(erDansk(f.besked), `${sted}: ${f.felt}: ${f.besked}`).toBe(true);
      }
    }
    return res.status;
  }
  if (rute.type !== 'upsert') {
    expect(rute.svar.safeParse(body).success, sted).toBe(true);
  } else {
    expect(UpsertSvarSchema.safeParse(body).success, sted).toBe(true);
    const { tabel } = gyldigFor(rute.id);
    expect(
      foerste(await db.select().from(tabel).where(eq(tabel.id, body.id))),
      `${sted}: posten kan læses`,
    ).toBeDefined();
  }
  return res.status;
}

beforeAll(async () => {
  ({ db } = await nyDemoDb());
  token = (await createApiToken(db, 'Nexus', alleApiRettigheder, NU)).token;
  aendringer = await aendringstaeller(db);
  // Else, her case, its decision, a meeting and a plan exist, so a valid body can succeed on every route.
  for (const rute of upserts) {
    if (rute.id === ruter.beskedSvar.id) elsesBesked = await elseSkriver();
    const g = gyldigFor(rute.id);
    expect([200, 201]).toContain(await tjek(rute, { kildeId: g.kildeId, krop: JSON.stringify(g.krop()) }));
  }
});

const OPTS = { timeout: 120_000 };

describe('egenkontrol: egenskaberne kan fejle', () => {
  it('en rute, der gemmer halvt og så afviser, bliver fanget', async () => {
    const halv: Rute = {
      ...ruter.person,
      udfoer: async (d: Db) => {
        await d.update(personer).set({ by: 'Halvt gemt' });
        throw uopfyldt('personKildeId', 'Findes ikke.');
      },
    };
    await expect(tjek(halv, { kildeId: 'P-1', krop: JSON.stringify(else_()) })).rejects.toThrow(/intet må være gemt/);
  });

  it('en engelsk feltbesked bliver fanget', async () => {
    // Built as the table builds its routes, so the schema below is the one that validates.
    const engelsk = upsert({
      ...ruter.person,
      krop: z.strictObject({ navn: z.string().min(500, 'Too small: expected string to have >=500 characters') }),
      udfoer: async () => {
        throw new Error('Nås ikke: kroppen er ugyldig');
      },
    });
    await expect(tjek(engelsk, { kildeId: 'P-1', krop: JSON.stringify({ navn: 'Else' }) })).rejects.toThrow(
      /navn: Too small/,
    );
  });
});

/** Every path into a JSON value: ['delmaal', 0, 'titel'] and so on, the value itself as []. */
function stier(v: unknown, sti: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [sti, ...v.flatMap((x, i) => stier(x, [...sti, i]))];
  if (v && typeof v === 'object') return [sti, ...Object.entries(v).flatMap(([k, x]) => stier(x, [...sti, k]))];
  return [sti];
}

type Mutation = { sti: (string | number)[]; op: 'saet' | 'slet' | 'ekstra'; noegle: string; vaerdi: unknown };

/** Sets, removes, or adds a key beside, the value at `sti`, in a copy; a path an earlier mutation removed is left alone. */
function muter(krop: unknown, m: Mutation): unknown {
  if (m.sti.length === 0) return m.op === 'saet' ? m.vaerdi : krop;
  const kopi = structuredClone(krop);
  let forælder: unknown = kopi;
  for (const del of m.sti.slice(0, -1))
    forælder =
      forælder && typeof forælder === 'object' ? (forælder as Record<string | number, unknown>)[del] : undefined;
  if (!forælder || typeof forælder !== 'object') return kopi;
  const f = forælder as Record<string | number, unknown>;
  const sidste = defined(m.sti.at(-1), 'Sidste trin');
  if (m.op === 'saet') f[sidste] = m.vaerdi;
  else if (m.op === 'slet') {
    if (Array.isArray(f)) f.splice(Number(sidste), 1);
    else delete f[sidste];
  } else if (!Array.isArray(f)) f[m.noegle] = m.vaerdi;
  return kopi;
}

const mutation = (krop: unknown): fc.Arbitrary<Mutation> =>
  fc.record({
    sti: fc.constantFrom(...stier(krop)),
    op: fc.constantFrom('saet', 'saet', 'slet', 'ekstra'),
    noegle: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'id', 'personId', 'hemmelig'),
      fjendtligTekst.filter((s) => s.length < 200),
    ),
    vaerdi: fjendtligVaerdi,
  }) as fc.Arbitrary<Mutation>;

/** A value JSON can carry, or anything else as text: fc.anything() may hold undefined or -0. */
const jsonTekst = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .anything({ withBigInt: false, withBoxedValues: true, withNullPrototype: true, withObjectString: true })
    .map((v) => JSON.stringify(v) ?? 'undefined'),
  fc
    .dictionary(
      fjendtligTekst.filter((s) => s.length < 100),
      fjendtligVaerdi,
      { maxKeys: 6 },
    )
    .map((v) => JSON.stringify(v)),
);

const idFraKilde = fc.oneof(
  fc.constantFrom('P-1', 'S-1', 'M-1', 'PL-1', 'x'.repeat(128), 'x'.repeat(129), '-a', 'a b', '.', '..'),
  fjendtligTekst.filter((s) => s.length < 1000),
);

describe.each(upserts.map((r) => [r.sti, r] as const))('%s', (_sti, rute) => {
  const g = () => gyldigFor(rute.id);

  it('vilkårlige JSON-kroppe og stier giver aldrig 5xx, og en fejl gemmer intet', OPTS, async () => {
    await fc.assert(
      fc.asyncProperty(idFraKilde, jsonTekst, async (kildeId, krop) => {
        await tjek(rute, { kildeId, krop });
      }),
      { numRuns: 150 },
    );
  });

  it('en gyldig krop med fjendtlige felter, manglende felter og ekstra felter', OPTS, async () => {
    const krop = g().krop();
    const statusser = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(krop), { minLength: 1, maxLength: 3 }), async (mutationer) => {
        statusser.add(await tjek(rute, { kildeId: g().kildeId, krop: JSON.stringify(mutationer.reduce(muter, krop)) }));
      }),
      { numRuns: 300 },
    );
    // The runs reached both the checks and the write: not all were refused at the door.
    expect([...statusser]).toEqual(expect.arrayContaining([400]));
    expect([...statusser].some((s) => s < 300)).toBe(true);
  });

  it('ugyldig JSON, for stor krop og forkert content-type', OPTS, async () => {
    const gyldigTekst = JSON.stringify(g().krop());
    const raa = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '',
        'null',
        '[]',
        '{',
        '{"a":',
        '"tekst"',
        '1',
        'undefined',
        '\uFEFF{}',
        '{"cpr": "0102501234",',
        `${gyldigTekst}x`,
        `${gyldigTekst}${gyldigTekst}`,
      ),
      fc.nat({ max: gyldigTekst.length }).map((n) => gyldigTekst.slice(0, n)),
      fc.constant(JSON.stringify({ ...g().krop(), titel: 'x'.repeat(1_100_000) })),
    );
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/json;',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
        'application/jsonx',
        'application/json-patch+json',
        'text/json',
      ),
      fc.stringMatching(/^[a-z/+.;= -]{0,30}$/),
    );
    await fc.assert(
      fc.asyncProperty(raa, contentType, async (krop, type) => {
        await tjek(rute, { kildeId: g().kildeId, krop, headers: { 'content-type': type } });
      }),
      { numRuns: 100 },
    );
  });

  it('en fjendtlig eller forkert nøgle giver 401 eller 403 og gemmer intet', OPTS, async () => {
    const { token: kunLaes } = await createApiToken(db, 'Nexus', ['laes:klager'], NU);
    const noegle = fc.oneof(
      fc.constantFrom(
        '',
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${kunLaes}`,
        `bearer ${token}x`,
        `Bearer ${token.split('.')[0]}.`,
        `Bearer .${token.split('.')[1]}`,
        `Bearer ${token} ${token}`,
      ),
      fc.stringMatching(/^[ -~]{0,200}$/).map((s) => `Bearer ${s}`),
      fc.constantFrom(...ONDSINDET.filter((s) => /^[ -~]*$/.test(s))).map((s) => `Bearer ${s}`),
    );
    await fc.assert(
      fc.asyncProperty(noegle, async (authorization) => {
        const status = await tjek(rute, {
          kildeId: g().kildeId,
          krop: JSON.stringify(g().krop()),
          headers: { authorization },
        });
        expect([401, 403]).toContain(status);
      }),
      { numRuns: 60 },
    );
  });
});

describe.each(lister.map((r) => [r.sti, r] as const))('%s', (_sti, rute) => {
  it('fjendtlige og tilfældige parametre giver aldrig 5xx, og et svar passer til beskrivelsen', OPTS, async () => {
    const vaerdi = fc.oneof(
      fc.constantFrom(
        '2026-01-01',
        '2026-01-01T00:00:00Z',
        '2026-11-24T10:00:00+01:00',
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59-23:59',
        '2026-02-29',
        '1',
        '500',
        '501',
        '0',
        '007',
        '-1',
        '1e2',
      ),
      fjendtligTekst.filter((s) => s.length < 2000),
    );
    const param = fc.tuple(
      fc.oneof(
        fc.constantFrom('siden', 'efter', 'antal'),
        fc.constantFrom('fra', '__proto__', 'siden[]', ''),
        fjendtligTekst.filter((s) => s.length < 50),
      ),
      vaerdi,
    );
    const query = fc.oneof(
      { weight: 4, arbitrary: fc.array(param, { maxLength: 4 }).map((ps) => `?${new URLSearchParams(ps).toString()}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '?',
          '?&&',
          '?siden',
          '?siden=%',
          '?siden=%E0%A4%A',
          '?antal=%00',
          '?efter=a',
          '?siden=2026-01-01&siden=2027-01-01',
          '#x',
          '?%zz=1',
        ),
      },
    );
    const statusser = new Set<number>();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        statusser.add(await tjek(rute, { query: q }));
      }),
      { numRuns: 250 },
    );
    expect(statusser).toEqual(new Set([200, 400]));
  });
});

describe.each(handlinger.map((r) => [r.sti, r] as const))('%s', (_sti, rute) => {
  it('fjendtlige og tilfældige kroppe giver aldrig 5xx, og en afvisning gemmer intet', OPTS, async () => {
    const ider = fc.oneof(
      fc.array(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, Number.MAX_SAFE_INTEGER)), {
        maxLength: 600,
      }),
      fc.array(fjendtligVaerdi, { maxLength: 5 }),
    );
    const krop = fc.oneof(
      { weight: 3, arbitrary: ider.map((i) => JSON.stringify({ ider: i })) },
      { weight: 1, arbitrary: jsonTekst },
    );
    const statusser = new Set<number>();
    await fc.assert(
      fc.asyncProperty(krop, async (k) => {
        statusser.add(await tjek(rute, { krop: k }));
      }),
      { numRuns: 250 },
    );
    // No event exists for the key, so a well-formed receipt is refused as unknown, a malformed one as invalid.
    expect(statusser).toEqual(new Set([400, 422]));
  });
});
