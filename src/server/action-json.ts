/**
 * Broken JSON sent to an action endpoint. Astro reads a JSON body before the action runs and
 * lets the SyntaxError of broken JSON through as a 500. The portal's actions are forms, but the
 * endpoint also takes JSON (the session's "Forlæng"), so broken JSON is answered here, as a 400
 * in the shape of an action error, before Astro reads it.
 */

/** Astro's limit for an action's body (security.actionBodySizeLimit); Astro answers a larger one. */
const GRAENSE = 1024 * 1024;

/** Reads at most `graense` bytes of a copy of the body; null when there are more. */
async function laesHoejst(request: Request, graense: number): Promise<string | null> {
  const reader = request.clone().body?.getReader();
  if (!reader) return '';
  const dele: Uint8Array[] = [];
  let antal = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    antal += value.byteLength;
    if (antal > graense) {
      // Not awaited: a copy's cancel settles only when the original is cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    dele.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(dele));
}

/** A 400 for an action call whose JSON body cannot be read, or undefined to let Astro go on. */
export async function ugyldigActionJson(request: Request, path: string): Promise<Response | undefined> {
  if (request.method !== 'POST' || !path.startsWith('/_actions/')) return undefined;
  // The same test as Astro's: the media type before any parameters.
  if ((request.headers.get('content-type') ?? '').split(';')[0].toLowerCase() !== 'application/json') return undefined;
  const tekst = await laesHoejst(request, GRAENSE);
  if (tekst === null || tekst === '') return undefined;
  try {
    JSON.parse(tekst);
    return undefined;
  } catch {
    // JSON.parse's message quotes the input: not repeated.
    const fejl = { type: 'AstroActionError', code: 'BAD_REQUEST', status: 400, message: 'Ugyldig JSON. Kroppen kunne ikke læses.' };
    return new Response(JSON.stringify(fejl), { status: 400, headers: { 'content-type': 'application/json' } });
  }
}
