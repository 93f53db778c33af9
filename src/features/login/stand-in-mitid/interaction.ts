import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { loaFromChoice, type StandInPersona } from './claims.ts';
import { STYLESHEET, STYLESHEET_PATH } from './html.ts';
import { renderErrorPage, renderLoginPage } from './pages.ts';

/** The part of Koa's context these routes use; structural, so the routes need no koa import. */
export interface KoaContext {
  method: string;
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  status: number;
  type: string;
  body: unknown;
  respond: boolean;
  set(field: string, value: string): void;
}

/** The oidc-provider methods these routes use. */
export type InteractionApi = Pick<Provider, 'interactionDetails' | 'interactionFinished'>;
type InteractionDetails = Awaited<ReturnType<InteractionApi['interactionDetails']>>;

/** Path, below the mount path, of the page oidc-provider sends the browser to for a login. */
export function interactionPath(uid: string): string {
  return `/interaction/${uid}`;
}

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 10_000;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('Formularen er for stor');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendPage(ctx: KoaContext, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

/**
 * Koa middleware serving the persona login page, its form posts and its stylesheet; every
 * other request goes on to oidc-provider.
 */
export function createInteractionRoutes(opts: {
  provider: InteractionApi;
  personas: () => StandInPersona[] | Promise<StandInPersona[]>;
  mountPath: string;
}) {
  const { provider, mountPath } = opts;
  const fail = (ctx: KoaContext, status: number, message: string) =>
    sendPage(ctx, status, renderErrorPage({ message, mountPath }));

  return async function interactionRoutes(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
    if (ctx.method === 'GET' && ctx.path === STYLESHEET_PATH) {
      ctx.type = 'css';
      ctx.body = STYLESHEET;
      return;
    }
    const match = ROUTE.exec(ctx.path);
    if (!match) return await next();
    const [, uid, action] = match;
    if ((action === undefined) !== (ctx.method === 'GET') || !['GET', 'POST'].includes(ctx.method)) {
      return fail(ctx, 405, 'Den handling findes ikke her.');
    }

    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch (error) {
      if ((error as Error).name !== 'SessionNotFound') throw error;
      return fail(ctx, 400, 'Login-forsøget er udløbet eller ukendt. Start login forfra fra portalen.');
    }
    // The interaction cookie, not the URL, identifies the login; they must agree.
    if (details.uid !== uid) return fail(ctx, 400, 'Login-forsøget passer ikke til denne side.');
    if (details.prompt.name !== 'login') {
      return fail(ctx, 400, `Test-login understøtter ikke trinnet "${details.prompt.name}".`);
    }

    const personas = await opts.personas();
    const base = `${mountPath}${interactionPath(uid)}`;
    if (action === undefined) {
      return sendPage(
        ctx,
        200,
        renderLoginPage({
          personas,
          loginAction: `${base}/login`,
          abortAction: `${base}/abort`,
          mountPath,
        }),
      );
    }

    let result: InteractionResults;
    if (action === 'abort') {
      result = { error: 'access_denied', error_description: 'Brugeren afbrød test-login' };
    } else {
      const form = await readForm(ctx.req);
      const persona = personas.find((candidate) => candidate.sub === form.get('sub'));
      const acr = loaFromChoice(form.get('loa'));
      if (!persona) return fail(ctx, 400, 'Den valgte testperson findes ikke.');
      if (!acr) return fail(ctx, 400, 'Vælg et gyldigt sikringsniveau.');
      // Not remembered: the provider session lives only as long as the browser session.
      result = { login: { accountId: persona.sub, acr, remember: false } };
    }
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
  };
}
