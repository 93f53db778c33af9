/**
 * One API call from Request to Response: the key and its scope, the path, query and body
 * checked against the route's schemas, then the feature function. Bad input is a 4xx with
 * Danish field errors; nothing else reaches the client, never a stack trace.
 */

import { maySystem } from '#/features/adgang/access.ts';
import { NUL_TEGN_BESKED, stiTilNulTegn } from '#/lib/nul-tegn.ts';
import type { Db } from '../../../db/client.ts';
import { ApiFejl } from './fejl.ts';
import { klientFor, validateApiToken } from './noegler.server.ts';
import type { Rute } from './ruter.server.ts';
import { type Fejl, KildeIdSchema } from './schemas.ts';
import { ugyldigeData, valider } from './validering.ts';

/** Larger bodies are refused with 413; a plan with 50 sub-goals is far below. */
export const MAKS_KROP_BYTES = 1_000_000;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const fejl = (status: number, f: Fejl, headers?: Record<string, string>) => json(status, f, headers);

const ikkeLoggetInd = {
  mangler: 'Mangler adgangsnøgle. Send headeren "Authorization: Bearer <nøgle>".',
  ugyldig: 'Ugyldig adgangsnøgle.',
  tilbagekaldt: 'Adgangsnøglen er tilbagekaldt.',
} as const;

/** The answer for a method the path does not have. */
export function metodeIkkeTilladt(tilladte: string[]): Response {
  return fejl(
    405,
    { fejl: `Metoden understøttes ikke her. Brug ${tilladte.join(' eller ')}.` },
    { allow: tilladte.join(', ') },
  );
}

const ugyldigJson: Fejl = {
  fejl: 'Ugyldig JSON. Kroppen kunne ikke læses.',
  felter: [{ felt: '(hele objektet)', besked: 'Kroppen er ikke gyldig JSON.' }],
};

async function laesJson(request: Request): Promise<{ ok: true; data: unknown } | { ok: false; svar: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim()))
    return {
      ok: false,
      svar: fejl(415, { fejl: 'Send data som JSON med headeren "Content-Type: application/json".' }),
    };
  const laengde = Number(request.headers.get('content-length') ?? 0);
  if (laengde > MAKS_KROP_BYTES)
    return { ok: false, svar: fejl(413, { fejl: 'For mange data i én forespørgsel (højst 1 MB).' }) };
  const tekst = await request.text();
  if (new TextEncoder().encode(tekst).byteLength > MAKS_KROP_BYTES)
    return { ok: false, svar: fejl(413, { fejl: 'For mange data i én forespørgsel (højst 1 MB).' }) };
  try {
    const data: unknown = JSON.parse(tekst);
    const nul = stiTilNulTegn(data);
    if (nul)
      return {
        ok: false,
        svar: fejl(400, ugyldigeData([{ felt: nul.join('.') || '(hele objektet)', besked: NUL_TEGN_BESKED }])),
      };
    return { ok: true, data };
  } catch {
    // JSON.parse's message quotes the input, which may hold a CPR number: not repeated here.
    // Every 400 names its fields (README), so a client handles them one way; here it is the whole body.
    return { ok: false, svar: fejl(400, ugyldigJson) };
  }
}

/** Runs one call of `rute`. `params` are the path parameters, `now` the request's time. */
export async function behandlApiKald(
  db: Db,
  rute: Rute,
  request: Request,
  params: Record<string, string | undefined>,
  now: Date,
): Promise<Response> {
  try {
    const udfald = await validateApiToken(db, request.headers.get('authorization'));
    if (!udfald.ok)
      return fejl(401, { fejl: ikkeLoggetInd[udfald.grund] }, { 'www-authenticate': 'Bearer realm="mit-forloeb"' });
    const { noegle } = udfald;
    if (!maySystem(noegle, rute.scope))
      return fejl(403, { fejl: `Adgangsnøglen giver ikke adgang til dette. Det kræver scopet "${rute.scope}".` });
    const klient = klientFor(noegle);

    if (rute.type === 'liste') {
      const r = await rute.udfoer(db, klient, Object.fromEntries(new URL(request.url).searchParams), now);
      return r.ok ? json(200, r.data) : fejl(400, ugyldigeData(r.felter));
    }
    if (rute.type === 'handling') {
      const krop = await laesJson(request);
      if (!krop.ok) return krop.svar;
      const r = await rute.udfoer(db, klient, krop.data, now);
      return r.ok ? json(200, r.data) : fejl(400, ugyldigeData(r.felter));
    }

    const kildeId = valider(KildeIdSchema, params.kildeId);
    if (!kildeId.ok) return fejl(400, ugyldigeData(kildeId.felter.map((f) => ({ ...f, felt: 'kildeId' }))));
    const krop = await laesJson(request);
    if (!krop.ok) return krop.svar;
    const r = await rute.udfoer(db, klient, kildeId.data, krop.data, now);
    if (!r.ok) return fejl(400, ugyldigeData(r.felter));
    return json(r.data.oprettet ? 201 : 200, { id: r.data.id, aendret: r.data.aendret });
  } catch (e) {
    if (e instanceof ApiFejl)
      return fejl(e.status, { fejl: e.message, ...(e.felter ? { felter: e.felter } : {}), ...e.gaeldende });
    console.error(`API-fejl i ${rute.id}:`, e instanceof Error ? `${e.name}: ${e.message}` : 'ukendt fejl');
    return fejl(500, { fejl: 'Der opstod en fejl hos os. Prøv igen senere; intet er gemt.' });
  }
}
