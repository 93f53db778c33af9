/**
 * The case systems' API keys, the same way as sessions (login/session.ts): the key is
 * `id.secret`, only the SHA-256 of the secret is stored and compared in constant time.
 * A key carries the source system's name and the scopes it may use.
 */
import { asc, eq } from 'drizzle-orm';
import { newToken, secretMatches, splitToken } from '#/lib/token.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { apiNoegler } from '../../../db/schema.ts';

/** Everything a key can be allowed to do. `skriv:` mirrors data into the portal, `laes:` fetches what citizens sent. */
export const apiRettigheder = {
  'skriv:personer': 'Opret og ret personer',
  'skriv:sager': 'Opret og ret sager',
  'skriv:afgoerelser': 'Opret og ret afgørelser på sager',
  'skriv:moeder': 'Opret og ret møder',
  'skriv:planer': 'Opret og ret planer med delmål, indsatser og forandringskompas',
  'skriv:breve': 'Læg breve og partshøringer på sager',
  'skriv:beskeder': 'Svar på borgernes beskeder',
  'laes:hjaelpemidler': 'Hent nye ansøgninger om hjælpemidler',
  'laes:klager': 'Hent nye klager',
  'laes:partshoeringer': 'Hent nye svar på partshøringer',
  'laes:samtykker': 'Hent tilbagekaldte samtykker',
  'laes:haendelser': 'Hent hændelser til journalen og kvittér for dem',
} as const;

export type ApiRettighed = keyof typeof apiRettigheder;
export const alleApiRettigheder = Object.keys(apiRettigheder) as ApiRettighed[];

export const erApiRettighed = (s: string): s is ApiRettighed => Object.hasOwn(apiRettigheder, s);

/** A system name as it prefixes every kilde_id: "Nexus", "DUBU", "CURA". */
export const SYSTEMNAVN = /^[A-Za-z0-9_-]{1,40}$/;

export type ApiNoegle = typeof apiNoegler.$inferSelect;

/** A unit a key can be bound to: a unit id as staff have it (oest, boernehandicap, depot) or "*". */
export const ENHEDSNAVN = /^(?:\*|[a-z0-9-]{1,40})$/;

/** Who is calling: the key's id (for the audit log), the system it belongs to and the units it serves. */
export interface ApiKlient {
  noegleId: string;
  system: string;
  enheder: readonly string[];
}

/** The calling client a valid key stands for. */
export const klientFor = (noegle: ApiNoegle): ApiKlient => ({
  noegleId: noegle.id,
  system: noegle.system,
  enheder: noegle.enheder,
});

function kraevEnheder(enheder: readonly string[]): string[] {
  const ugyldige = enheder.filter((e) => !ENHEDSNAVN.test(e));
  if (ugyldige.length)
    throw new Error(
      `Ugyldig enhed: ${ugyldige.join(', ')}. Brug enhedens id (fx oest, boernehandicap, depot) eller *.`,
    );
  return [...new Set(enheder)];
}

/** A new key; the returned token is the only time the secret exists outside the caller. */
export async function createApiToken(
  db: Db,
  system: string,
  valgteScopes: string[],
  now: Date,
  enheder: readonly string[] = [],
): Promise<{ token: string; noegle: ApiNoegle }> {
  if (!SYSTEMNAVN.test(system))
    throw new Error('Systemnavnet må kun indeholde bogstaver a-z, tal, - og _ (højst 40 tegn).');
  const ukendte = valgteScopes.filter((s) => !erApiRettighed(s));
  if (ukendte.length) throw new Error(`Ukendt scope: ${ukendte.join(', ')}. Mulige: ${alleApiRettigheder.join(', ')}.`);
  if (!valgteScopes.length) throw new Error('Vælg mindst ét scope.');
  const bundne = kraevEnheder(enheder);
  const { id, token, secretHash } = newToken();
  const noegle: ApiNoegle = {
    id,
    system,
    secretHash,
    scopes: [...new Set(valgteScopes)],
    oprettet: now.toISOString(),
    tilbagekaldt: null,
    enheder: bundne,
  };
  await db.insert(apiNoegler).values(noegle);
  return { token, noegle };
}

export type TokenUdfald =
  | { ok: true; noegle: ApiNoegle }
  | { ok: false; grund: 'mangler' | 'ugyldig' | 'tilbagekaldt' };

/** The key behind an Authorization header. A revoked key is told apart only when its secret is right. */
export async function validateApiToken(db: Db, authorization: string | null): Promise<TokenUdfald> {
  if (!authorization) return { ok: false, grund: 'mangler' };
  const bearer = /^Bearer +([^\s]+)$/i.exec(authorization.trim())?.[1];
  if (bearer === undefined) return { ok: false, grund: 'ugyldig' };
  const parts = splitToken(bearer);
  if (!parts) return { ok: false, grund: 'ugyldig' };
  const noegle = foerste(await db.select().from(apiNoegler).where(eq(apiNoegler.id, parts.id)));
  if (!noegle || !secretMatches(parts.secret, noegle.secretHash)) return { ok: false, grund: 'ugyldig' };
  if (noegle.tilbagekaldt) return { ok: false, grund: 'tilbagekaldt' };
  return { ok: true, noegle };
}

/** Revokes a key at once; returns false if there is no such key or it was already revoked. */
export async function revokeApiToken(db: Db, id: string, now: Date): Promise<boolean> {
  const noegle = foerste(await db.select().from(apiNoegler).where(eq(apiNoegler.id, id)));
  if (!noegle || noegle.tilbagekaldt) return false;
  await db.update(apiNoegler).set({ tilbagekaldt: now.toISOString() }).where(eq(apiNoegler.id, id));
  return true;
}

/** Binds a key to the units whose unowned items it receives (replacing the old binding); false if there is no active key. */
export async function bindEnheder(db: Db, id: string, enheder: readonly string[]): Promise<boolean> {
  const bundne = kraevEnheder(enheder);
  const noegle = foerste(await db.select().from(apiNoegler).where(eq(apiNoegler.id, id)));
  if (!noegle || noegle.tilbagekaldt) return false;
  await db.update(apiNoegler).set({ enheder: bundne }).where(eq(apiNoegler.id, id));
  return true;
}

/** All keys without their hashes, oldest first. */
export async function listApiTokens(db: Db) {
  return await db
    .select({
      id: apiNoegler.id,
      system: apiNoegler.system,
      scopes: apiNoegler.scopes,
      enheder: apiNoegler.enheder,
      oprettet: apiNoegler.oprettet,
      tilbagekaldt: apiNoegler.tilbagekaldt,
    })
    .from(apiNoegler)
    .orderBy(asc(apiNoegler.oprettet));
}
