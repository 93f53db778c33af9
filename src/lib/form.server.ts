/**
 * The one way a page handles its form: the page posts to itself, and this calls the
 * Astro Action with the same data. The page then has both the result and what the person
 * typed, so an error never loses their text, with or without JavaScript.
 */
import type { AstroGlobal } from 'astro';
import { isInputError, type ActionClient } from 'astro:actions';

export interface FormState<T> {
  /** What was submitted, as text, to fill the fields again. */
  values: Record<string, string>;
  data?: T;
  /** Field name → messages. */
  fejl: Record<string, string[] | undefined>;
  /** A message that belongs to no field (e.g. "the deadline has passed"). */
  generel?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function handleForm<T>(Astro: AstroGlobal, action: ActionClient<T, 'form', any>): Promise<FormState<T> | undefined> {
  if (Astro.request.method !== 'POST') return undefined;
  const formData = await Astro.request.formData();
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const { data, error } = await Astro.callAction(action, formData);
  if (!error) return { values, data, fejl: {} };
  if (isInputError(error)) return { values, fejl: error.fields as Record<string, string[] | undefined> };
  Astro.response.status = error.status;
  return { values, fejl: {}, generel: error.message };
}
