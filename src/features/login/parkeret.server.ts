/**
 * A form posted after the session ran out is not lost: what was typed is parked for the same
 * person, who is asked to log in and brought back to the form with the text and "… er ikke
 * sendt endnu". Parked for an hour at most, given back once, and only on the form's own page.
 */
import type { AstroCookies } from 'astro';
import { eq, lt } from 'drizzle-orm';
import { type Db, foerste } from '../../../db/client.ts';
import { parkeredeFormularer } from '../../../db/schema.ts';
import { cookieSecure } from './cookie.ts';

export const PARKERET_COOKIE = 'parkeret';
const LEVETID_MS = 60 * 60 * 1000;
// A form is a few fields of text; a body far beyond that is not a person's typing.
const MAKS_FELTER = 50;
const MAKS_TEGN = 20_000;

/** Whose the text is: the user of the session that ran out. */
export type Ejer = { personId: string | null; medarbejderId: string | null };

const slet = (db: Db, now: Date) =>
  db.delete(parkeredeFormularer).where(lt(parkeredeFormularer.oprettet, now.getTime() - LEVETID_MS));

/** Parks the text fields of `form` (files are not kept) and remembers it in a cookie. */
export async function parkerFormular(
  db: Db,
  ejer: Ejer,
  url: URL,
  form: FormData,
  cookies: Pick<AstroCookies, 'set'>,
  now: Date,
): Promise<void> {
  const felter = [...form]
    .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].length <= MAKS_TEGN)
    .slice(0, MAKS_FELTER);
  if (felter.length === 0) return;
  const id = crypto.randomUUID();
  await slet(db, now);
  await db.insert(parkeredeFormularer).values({ id, ...ejer, sti: url.pathname, felter, oprettet: now.getTime() });
  cookies.set(PARKERET_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    path: '/',
    maxAge: LEVETID_MS / 1000,
  });
}

/** Whether this browser has text waiting to be sent (the login page says so). */
export const harParkeret = (cookies: AstroCookies): boolean => !!cookies.get(PARKERET_COOKIE)?.value;

/**
 * The parked text for this page and this user, once: the row and the cookie are gone after.
 * Undefined when there is none, it belongs to someone else, or it is for another page.
 */
export async function hentParkeret(
  db: Db,
  ejer: Ejer,
  url: URL,
  cookies: AstroCookies,
  now: Date,
): Promise<[string, string][] | undefined> {
  const id = cookies.get(PARKERET_COOKIE)?.value;
  if (!id) return undefined;
  await slet(db, now);
  const p = foerste(await db.select().from(parkeredeFormularer).where(eq(parkeredeFormularer.id, id)));
  if (!p || p.sti !== url.pathname) return undefined;
  cookies.delete(PARKERET_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), path: '/' });
  // Another person logged in on the same browser never sees it; it is deleted all the same.
  await db.delete(parkeredeFormularer).where(eq(parkeredeFormularer.id, id));
  if (p.personId !== ejer.personId || p.medarbejderId !== ejer.medarbejderId) return undefined;
  return p.felter;
}

/** What the form page says about the text it got back, by the kind of form. */
export function ikkeSendtTekst(sti: string): string {
  if (/\/klage$/.test(sti)) return 'Din klage er ikke sendt endnu';
  if (/\/partshoering$/.test(sti)) return 'Dit svar er ikke sendt endnu';
  if (/\/aktindsigt$/.test(sti)) return 'Din anmodning om aktindsigt er ikke sendt endnu';
  if (/\/beskeder(\/[^/]+)?$/.test(sti)) return 'Din besked er ikke sendt endnu';
  return 'Det, du skrev, er ikke sendt endnu';
}
