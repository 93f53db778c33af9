import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, {
  type AdapterFactory,
  type ErrorOut,
  type FindAccount,
  type Grant,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider';
// The default adapter, minus its startup warning and with a store per provider instance.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { LOA_LOW, LOA_SUBSTANTIAL, personaClaims, resolveClaimNames, type StandInPersona } from './claims.ts';
import { createInteractionRoutes, interactionPath } from './interaction.ts';
import { renderErrorPage, renderLoggedOutPage, renderLogoutPage } from './pages.ts';

export { LOA_LOW, LOA_SUBSTANTIAL, type StandInPersona };

export interface StandInClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
}

export interface StandInOptions {
  /** e.g. 'http://localhost:4321/test-mitid'; its path is where the handler is mounted. */
  issuer: string;
  clients: StandInClient[];
  /** Looked up on every request, so personas added to the portal's database show up at once. */
  personas: () => StandInPersona[] | Promise<StandInPersona[]>;
  /** Defaults: 'cpr' and 'loa'. */
  claimNames?: { cpr?: string; loa?: string };
  /** Trust X-Forwarded-Proto/-Host from a TLS-offloading proxy (as scripts/serve.ts TRUST_PROXY). */
  trustProxy?: boolean;
  /**
   * Where sessions, interactions and codes are kept; default in memory (one process). Several
   * processes serving one issuer need a shared store, and the same `signingKey` and `cookieKey`.
   */
  adapter?: (clockTolerance: number) => AdapterFactory;
  /** The private signing key (see `lavSigneringsnoegle`); default a new one. */
  signingKey?: JWK;
  /** The key of the provider's signed cookies; default a new one. */
  cookieKey?: string;
}

export interface StandInMitid {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Path prefix of the issuer without trailing slash; '' when mounted at the server root. */
  pathPrefix: string;
}

type AccountToken = Parameters<FindAccount>[2];

const CLOCK_TOLERANCE_SECONDS = 15;

/** The level chosen at login travels on the code (acr) and the access token (extra.acr). */
function loaOf(token: AccountToken): string | undefined {
  if (!token) return undefined;
  const { acr } = token.kind === 'AccessToken' ? (token.extra ?? {}) : 'acr' in token ? token : {};
  return typeof acr === 'string' ? acr : undefined;
}

/** ErrorOut's fields, minus the ones left undefined, for the error page's list. */
function errorDetails(out: ErrorOut): Record<string, string> {
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') details[key] = value;
  }
  return details;
}

/** A new private signing key as a JWK. */
export function lavSigneringsnoegle(): JWK {
  // RS256 because it is what relying parties (openid-client included) expect by default.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function mountPathOf(issuer: string): string {
  return new URL(issuer).pathname.replace(/\/+$/, '');
}

/** Starts a local OpenID Provider that stands in for MitID and the staff IdP in demo and tests. */
export async function createStandInMitid(opts: StandInOptions): Promise<StandInMitid> {
  const names = resolveClaimNames(opts.claimNames);
  const pathPrefix = mountPathOf(opts.issuer);

  const findPersona = async (sub: string) => (await opts.personas()).find((persona) => persona.sub === sub);

  const provider = new Provider(opts.issuer, {
    adapter: (opts.adapter ?? createMemoryAdapter)(CLOCK_TOLERANCE_SECONDS),
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    clients: opts.clients.map((client) => ({
      ...client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // client_secret_post is accepted as well: oidc-provider treats the two as one method.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [opts.signingKey ?? lavSigneringsnoegle()] },
    cookies: {
      keys: [opts.cookieKey ?? randomBytes(32).toString('base64url')],
      // Own names and path so the provider's cookies never meet the portal's own.
      names: {
        session: 'test_mitid_session',
        interaction: 'test_mitid_interaction',
        resume: 'test_mitid_resume',
      },
      long: { httpOnly: true, sameSite: 'lax', path: pathPrefix || '/' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    // cpr, loa and acr come with `openid` rather than a broker-specific scope, so the portal's
    // plain 'openid profile' request gets them; the ID token always states the assurance level.
    scopes: ['openid', 'profile'],
    claims: {
      openid: ['sub', 'acr', names.cpr, names.loa],
      profile: ['name'],
    },
    acrValues: [LOA_SUBSTANTIAL, LOA_LOW],
    // Without this the code flow's ID token carries only sub; the portal reads it directly.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.type = 'html';
          ctx.body = renderLogoutPage({ form, mountPath: pathPrefix });
        },
        async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage({ mountPath: pathPrefix });
        },
      },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    interactions: {
      url: async (_ctx, interaction) => pathPrefix + interactionPath(interaction.uid),
    },
    async findAccount(_ctx, sub, token) {
      const persona = await findPersona(sub);
      if (!persona) return undefined;
      const loa = loaOf(token);
      return { accountId: persona.sub, claims: async () => personaClaims(persona, loa, names) };
    },
    async extraTokenClaims(ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const acr = ctx.oidc.entities.AuthorizationCode?.acr ?? ctx.oidc.entities.RefreshToken?.acr;
      return acr ? { acr } : undefined;
    },
    // Consent is never asked: the configured clients are the portal itself.
    async loadExistingGrant(ctx): Promise<Grant> {
      const { oidc } = ctx;
      const { client, account } = oidc;
      // Only called once a login has picked the client and the account.
      if (!client || !account) throw new Error('Test-login: grant uden klient eller konto');
      const accountId = account.accountId;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
      let grant: Grant | undefined = grantId ? await provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== accountId) {
        grant = new provider.Grant({ accountId, clientId: client.clientId });
      }
      grant.addOIDCScope(oidc.requestParamOIDCScopes);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      const message = 'Anmodningen kunne ikke gennemføres.';
      ctx.body = renderErrorPage({ message, details: errorDetails(out), mountPath: pathPrefix });
    },
    clientBasedCORS: () => false,
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 10 * 60,
      Interaction: 10 * 60,
      Grant: 60 * 60,
      Session: 60 * 60,
    },
  });
  provider.proxy = opts.trustProxy ?? false;
  provider.use(createInteractionRoutes({ provider, personas: opts.personas, mountPath: pathPrefix }));

  const callback = provider.callback();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if (pathPrefix) {
      const rest = url.slice(pathPrefix.length);
      if (!url.startsWith(pathPrefix) || (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?'))) {
        res.statusCode = 404;
        res.end();
        return;
      }
      // oidc-provider derives its mount path from originalUrl minus url (as under express).
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = rest.startsWith('/') ? rest : `/${rest}`;
    }
    callback(req, res);
  };
  return { handler, pathPrefix };
}
