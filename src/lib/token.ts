/**
 * Tokens of the form `id.secret` (the Lucia design), shared by sessions and API keys: only
 * the SHA-256 of the secret is stored, and it is compared in constant time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

const hashSecret = (secret: string) => sha256(new TextEncoder().encode(secret));

/** A new token with its id and the hash to store; the secret exists only in `token`. */
export function newToken(): { id: string; token: string; secretHash: Buffer } {
  const id = randomPart();
  const secret = randomPart();
  return { id, token: `${id}.${secret}`, secretHash: Buffer.from(hashSecret(secret)) };
}

/** The id and secret of a well-formed token, or null. */
export function splitToken(token: string): { id: string; secret: string } | null {
  const [id, secret, ...rest] = token.split('.');
  return id && secret && rest.length === 0 ? { id, secret } : null;
}

/** Whether `secret` hashes to the stored hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}
