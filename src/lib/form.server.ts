/**
 * The one way a page handles its form: the page posts to itself, and this calls the
 * Astro Action with the same data. The page then has both the result and what the person
 * typed, so an error never loses their text, with or without JavaScript.
 */

import { type ActionClient, isInputError } from 'astro:actions';
import type { AstroGlobal } from 'astro';
import type { core } from 'astro/zod';
import { hentKladde, kladdeEjer, sletKladde } from '#/features/kladder/kladder.server.ts';
import { harParkeret, hentParkeret, ikkeSendtTekst } from '#/features/login/parkeret.server.ts';
import { database } from './db.server.ts';

export interface FormState<T> {
  /** What was submitted, as text, to fill the fields again. */
  values: Record<string, string>;
  /** Every value of fields that can have several (checkboxes). */
  lister: Record<string, string[]>;
  data?: T;
  /** Field name → messages. */
  fejl: Record<string, string[] | undefined>;
  /** A message that belongs to no field (e.g. "the deadline has passed"). */
  generel?: string;
}

/** The fields as the form shows them again: each one's value, and every value of repeated ones. */
function udfyldt(felter: readonly [string, string][]): Pick<FormState<never>, 'values' | 'lister'> {
  const lister: Record<string, string[]> = {};
  for (const [k, v] of felter) lister[k] = [...(lister[k] ?? []), v];
  return { values: Object.fromEntries(felter), lister };
}

/**
 * Text not sent yet, back in the form: what was posted after a timeout and parked while the
 * person logged in again, or else the draft the page's script saved while they typed.
 */
async function tilbage<T>(Astro: AstroGlobal): Promise<FormState<T> | undefined> {
  const s = Astro.locals.session;
  if (!s) return undefined;
  // The owner as the expired session recorded it (session.ts laesSession): the same two columns.
  const ejer = { personId: s.personId, medarbejderId: s.medarbejderId };
  const parkeret = harParkeret(Astro.cookies)
    ? await hentParkeret(database(), ejer, Astro.url, Astro.cookies, Astro.locals.nu)
    : undefined;
  const felter = parkeret ?? (await hentKladde(database(), kladdeEjer(ejer), Astro.url.pathname));
  if (!felter) return undefined;
  Astro.locals.ikkeSendt = ikkeSendtTekst(Astro.url.pathname);
  if (!parkeret) Astro.locals.kladdeGendannet = true;
  return { ...udfyldt(felter), fejl: {} };
}

/** Any form action: its own schema is a subtype of zod's base type, and the output is T. */
export async function handleForm<T>(
  Astro: AstroGlobal,
  action: ActionClient<T, 'form', core.$ZodType>,
): Promise<FormState<T> | undefined> {
  if (Astro.request.method !== 'POST') return await tilbage(Astro);
  let formData: FormData;
  try {
    formData = await Astro.request.formData();
  } catch {
    // Not a form at all (another content type, a broken multipart body): a browser never sends
    // that, so there is nothing to fill in again; answer with the empty form, not a 500.
    Astro.response.status = 400;
    Astro.locals.formfejl = true;
    return { values: {}, lister: {}, fejl: {}, generel: 'Formularen kunne ikke læses. Prøv at sende den igen.' };
  }
  const felter = udfyldt([...formData].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const { data, error } = await Astro.callAction(action, formData);
  if (!error) {
    // Sent (or checked, on a form with a check step): the draft has done its job.
    const s = Astro.locals.session;
    if (s) await sletKladde(database(), kladdeEjer(s), Astro.url.pathname);
    return { ...felter, data, fejl: {} };
  }
  // The page title starts with "Fejl: " (Base.astro), so a screen reader hears it first. (A page
  // that then answers 404 gets the plain 404 page: server/middleware/errors.ts.)
  Astro.locals.formfejl = true;
  if (isInputError(error)) return { ...felter, fejl: error.fields as Record<string, string[] | undefined> };
  Astro.response.status = error.status;
  // A refusal about one field (lib/afvisning.ts) stands at that field, as a schema's message does.
  const felt = Astro.locals.afvistFelt;
  if (felt) return { ...felter, fejl: { [felt]: [error.message] } };
  return { ...felter, fejl: {}, generel: error.message };
}
