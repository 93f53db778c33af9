import { describe, expect, it } from 'vitest';
import { nyTestDatabase, toForbindelser } from '../../../db/test-database.ts';
import { laesFlow, skrivFlow } from './flow.ts';
import { flowNoegle } from './flow-noegle.server.ts';

const NU = new Date('2026-12-02T10:00:00Z');
const flow = { type: 'borger' as const, state: 's', nonce: 'n', verifier: 'v', next: '/min-side' };

describe('login-flowets nøgle', () => {
  it('er den samme i to processer på samme database, så et login kan slutte i den anden', async () => {
    const { a, b } = await toForbindelser('flow');
    const noegleA = await flowNoegle(a, NU);
    expect(noegleA.length).toBe(32);
    const cookie = skrivFlow(flow, noegleA);
    expect(laesFlow(cookie, 'borger', await flowNoegle(b, NU))).toEqual(flow);
  });

  it('er en anden i en anden database', async () => {
    const a = await nyTestDatabase();
    const b = await nyTestDatabase();
    expect(laesFlow(skrivFlow(flow, await flowNoegle(a, NU)), 'borger', await flowNoegle(b, NU))).toBeNull();
  });
});
