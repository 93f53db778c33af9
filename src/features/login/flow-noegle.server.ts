/**
 * The HMAC key of the login_flow cookie. Stored in the database (made by the first process that
 * needs it), so a login started on one process or instance can finish on another, and one that
 * spans a restart still works.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { hemmelighed } from '#/server/hemmeligheder.ts';
import type { Db } from '../../../db/client.ts';

export const FLOW_NOEGLE_NAVN = 'login-flow-hmac';

export async function flowNoegle(db: Db, now: Date): Promise<Uint8Array> {
  const lav = () => encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  return decodeBase64urlIgnorePadding(await hemmelighed(db, FLOW_NOEGLE_NAVN, lav, now));
}
