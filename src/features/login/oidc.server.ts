/**
 * The OpenID Connect relying party: authorization code with PKCE, state and nonce, for
 * citizens (MitID) and staff (the municipality's identity provider).
 */

import type { AstroCookies } from 'astro';
import * as client from 'openid-client';
import { database } from '#/lib/db.server.ts';
import { log } from '#/server/log.ts';
import { type LoginConfig, type LoginType, loginConfig } from './config.ts';
import { laesFlow, skrivFlow } from './flow.ts';
import { flowNoegle } from './flow-noegle.server.ts';
import { tilKanoniskAdresse } from './kanonisk.ts';

const FLOW_COOKIE = 'login_flow';

let config: LoginConfig | undefined;
const discovered = new Map<LoginType, Promise<client.Configuration>>();

export function getLoginConfig(): LoginConfig {
  config ??= loginConfig(process.env);
  return config;
}

/** Where a login started on another host name must go first (kanonisk.ts); null also without a configuration, which startLogin answers. */
export function kanoniskStart(type: LoginType, url: URL): URL | null {
  let redirectUri: string;
  try {
    redirectUri = getLoginConfig()[type].redirectUri;
  } catch {
    return null;
  }
  return tilKanoniskAdresse(url, redirectUri);
}

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

function configuration(type: LoginType): Promise<client.Configuration> {
  let c = discovered.get(type);
  if (!c) {
    const k = getLoginConfig()[type];
    // Plain http is allowed only for a provider on this machine (the stand-in in demo and tests).
    const options = isLoopback(k.issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
    c = client.discovery(new URL(k.issuer), k.clientId, k.clientSecret, undefined, options);
    c.catch(() => discovered.delete(type));
    discovered.set(type, c);
  }
  return c;
}

// Signs the login_flow cookie; one key in the database for every process (read once per process).
let noegle: Uint8Array | undefined;
async function flowNoeglen(): Promise<Uint8Array> {
  noegle ??= await flowNoegle(database(), new Date());
  return noegle;
}

/**
 * The provider could not be reached or answered wrongly: the operator needs to know which one
 * and why; the user gets a page saying login is down for now (never a 500).
 */
function udbyderFejl(type: LoginType, trin: 'discovery' | 'token', e: unknown): void {
  const fejl =
    e instanceof Error
      ? `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`
      : String(e);
  log('fejl', 'login-udbyder', { type, trin, issuer: getLoginConfig()[type].issuer, fejl });
}

/** The provider's configuration, or null (logged) when it cannot be discovered. */
async function udbyder(type: LoginType): Promise<client.Configuration | null> {
  try {
    return await configuration(type);
  } catch (e) {
    udbyderFejl(type, 'discovery', e);
    return null;
  }
}

/**
 * The URL to send the browser to; the flow's secrets wait in a short-lived HttpOnly cookie.
 * null when the provider cannot be reached.
 */
export async function startLogin(
  type: LoginType,
  cookies: AstroCookies,
  secure: boolean,
  next: string,
): Promise<URL | null> {
  const c = await udbyder(type);
  if (!c) return null;
  const verifier = client.randomPKCECodeVerifier();
  const flow = { type, state: client.randomState(), nonce: client.randomNonce(), verifier, next };
  cookies.set(FLOW_COOKIE, skrivFlow(flow, await flowNoeglen()), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: 600,
  });
  return client.buildAuthorizationUrl(c, {
    redirect_uri: getLoginConfig()[type].redirectUri,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
}

export type LoginResult =
  | { ok: true; claims: Record<string, unknown>; next: string }
  | { ok: false; grund: 'flow' | 'fejl' | 'udbyder' };

/** Exchanges the code from the callback URL and returns the ID token's claims. */
export async function finishLogin(type: LoginType, url: URL, cookies: AstroCookies): Promise<LoginResult> {
  const flow = laesFlow(cookies.get(FLOW_COOKIE)?.value, type, await flowNoeglen());
  cookies.delete(FLOW_COOKIE, { path: '/' });
  if (!flow) return { ok: false, grund: 'flow' };
  const c = await udbyder(type);
  if (!c) return { ok: false, grund: 'udbyder' };
  try {
    // The provider redirects to the configured redirect URI; use it as the base so a proxy's host does not matter.
    const callback = new URL(getLoginConfig()[type].redirectUri);
    callback.search = url.search;
    const tokens = await client.authorizationCodeGrant(c, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, grund: 'fejl' };
    return { ok: true, claims: { ...claims }, next: flow.next };
  } catch (e) {
    // A user who cancels at MitID comes back with ?error=...: not the provider's fault.
    if (!url.searchParams.has('error')) udbyderFejl(type, 'token', e);
    return { ok: false, grund: 'fejl' };
  }
}

/**
 * Where to send the browser to end the session at the identity provider too. Only client_id
 * and the return address: no id_token_hint, whose token carries the CPR number into the URL.
 */
export async function logoutUrl(type: LoginType): Promise<URL | null> {
  const c = await udbyder(type);
  if (!c) return null;
  try {
    return client.buildEndSessionUrl(c, {
      client_id: getLoginConfig()[type].clientId,
      post_logout_redirect_uri: getLoginConfig().postLogoutRedirectUri,
    });
  } catch {
    // The provider has no end_session_endpoint: the portal's own logout is all there is.
    return null;
  }
}
