/**
 * The login flow's secrets (state, nonce, PKCE verifier) and the way back (`next`), kept in
 * a short-lived cookie between the redirect to the provider and the callback. The cookie is
 * signed with an HMAC so a changed one is refused, and `next` is checked again when read.
 */

import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { z } from 'astro/zod';
import type { LoginType } from './config.ts';
import { safeNext } from './next.ts';

const FlowSchema = z.object({
  type: z.enum(['borger', 'medarbejder']),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  next: z.string(),
});
export type Flow = z.output<typeof FlowSchema>;

/** Where a login goes when `next` is missing or not a path on this site. */
export const forside = (type: LoginType) => (type === 'medarbejder' ? '/medarbejder' : '/min-side');

const mac = (noegle: Uint8Array, tekst: string) => hmac(SHA256, noegle, new TextEncoder().encode(tekst));

/** The cookie's value: the flow as base64url JSON, a dot, and its HMAC. */
export function skrivFlow(flow: Flow, noegle: Uint8Array): string {
  const tekst = encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(flow)));
  return `${tekst}.${encodeBase64urlNoPadding(mac(noegle, tekst))}`;
}

/** The flow of a login of `type`, or null when the cookie is missing, changed or of the other kind. */
export function laesFlow(vaerdi: string | undefined, type: LoginType, noegle: Uint8Array): Flow | null {
  const [tekst, signatur, ...rest] = (vaerdi ?? '').split('.');
  if (!tekst || !signatur || rest.length) return null;
  try {
    if (!constantTimeEqual(decodeBase64urlIgnorePadding(signatur), mac(noegle, tekst))) return null;
    const flow = FlowSchema.safeParse(JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(tekst))));
    if (!flow.success || flow.data.type !== type) return null;
    return { ...flow.data, next: safeNext(flow.data.next, forside(type)) };
  } catch {
    // Not base64url or not JSON.
    return null;
  }
}
