import { IkkeFundet, UdenforFuldmagt } from '#/features/adgang/adgang.server.ts';
import { IkkeLoggetInd } from '#/features/login/bruger.ts';
import { kunDynamisk } from './dynamic.ts';
import { tilLogin } from './login-guard.ts';

/** An Action's error in the shape Astro's client reads, with a Danish message. */
const handlingsfejl = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ type: 'AstroActionError', code, status, message }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
const ugyldigJson = () => handlingsfejl(400, 'BAD_REQUEST', 'Ugyldige data. Indlæs siden igen, og prøv igen.');
// Astro answers these itself, before any Action runs, with an English or empty message.
const astrosHandlingsfejl: Record<number, [string, string]> = {
  413: [
    'CONTENT_TOO_LARGE',
    'Det, du har sendt, fylder for meget. Gør teksten kortere, eller send filen fra formularen på siden.',
  ],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Formularen kunne ikke læses. Indlæs siden igen, og prøv igen.'],
};

// Astro's body for an action that failed unexpectedly quotes the error's message: for a database
// fault that is the query and its values (what the person typed, a CPR number). The log has it.
const uventet = () => handlingsfejl(500, 'INTERNAL_SERVER_ERROR', 'Der skete en fejl hos os. Prøv igen om lidt.');

/**
 * A GET of another page to rewrite to (the 404 page, the fuldmagt refusal). A form post's body has
 * already been read by the page, and Astro cannot copy such a request for a rewrite
 * (RewriteWithBodyUsed, a 500).
 */
function getAf(sti: string, request: Request, url: URL): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return new Request(new URL(sti, url), { headers });
}

/** Refusals thrown by pages and Astro's own action errors, as the person should see them. */
export const fejloversaettelse = kunDynamisk(async (ctx, next) => {
  const path = ctx.url.pathname;
  try {
    const response = await next();
    if (!path.startsWith('/_actions/')) return response;
    if (response.status >= 500) return uventet();
    const dansk = astrosHandlingsfejl[response.status];
    return dansk ? handlingsfejl(response.status, ...dansk) : response;
  } catch (e) {
    // A relative whose fuldmagt lacks the right: told so, and how to get it (nothing they do not know).
    if (e instanceof UdenforFuldmagt && ctx.request.method === 'GET') {
      ctx.locals.udenforFuldmagt = { ret: e.ret, personNavn: e.personNavn };
      return ctx.rewrite(getAf('/min-side/udenfor-fuldmagt', ctx.request, ctx.url));
    }
    // Someone else's case, or one that does not exist: the same 404, so nothing is revealed.
    // A user of the wrong kind on a page (bruger.ts) gets the same.
    if (e instanceof IkkeFundet || (e instanceof IkkeLoggetInd && ctx.locals.bruger)) {
      // The 404 page is the one a GET gives: nothing from the form the page had begun to handle.
      ctx.locals.formfejl = false;
      delete ctx.locals.ikkeSendt;
      return ctx.rewrite(getAf('/404', ctx.request, ctx.url));
    }
    if (e instanceof IkkeLoggetInd) return tilLogin(ctx);
    // Astro rethrows a JSON body that does not parse as a 500, and its message quotes the body.
    if (e instanceof SyntaxError && path.startsWith('/_actions/')) return ugyldigJson();
    throw e;
  }
});
