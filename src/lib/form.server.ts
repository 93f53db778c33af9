/**
 * The one way a page handles its form: the page posts to itself, and this calls the
 * Astro Action with the same data. The page then has both the result and what the person
 * typed, so an error never loses their text, with or without JavaScript.
 */

import { type ActionClient, isInputError } from 'astro:actions';
import type { AstroGlobal } from 'astro';
import type { core } from 'astro/zod';

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

/** Any form action: its own schema is a subtype of zod's base type, and the output is T. */
export async function handleForm<T>(
  Astro: AstroGlobal,
  action: ActionClient<T, 'form', core.$ZodType>,
): Promise<FormState<T> | undefined> {
  if (Astro.request.method !== 'POST') return undefined;
  let formData: FormData;
  try {
    formData = await Astro.request.formData();
  } catch {
    // Not a form at all (another content type, a broken multipart body): a browser never sends
    // that, so there is nothing to fill in again; answer with the empty form, not a 500.
    Astro.response.status = 400;
    return { values: {}, lister: {}, fejl: {}, generel: 'Formularen kunne ikke læses. Prøv at sende den igen.' };
  }
  const tekst = [...formData].filter((e): e is [string, string] => typeof e[1] === 'string');
  const values = Object.fromEntries(tekst);
  const lister: Record<string, string[]> = {};
  for (const [k, v] of tekst) lister[k] = [...(lister[k] ?? []), v];
  const { data, error } = await Astro.callAction(action, formData);
  if (!error) return { values, lister, data, fejl: {} };
  if (isInputError(error)) return { values, lister, fejl: error.fields as Record<string, string[] | undefined> };
  Astro.response.status = error.status;
  return { values, lister, fejl: {}, generel: error.message };
}
