import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { type Flow, laesFlow, skrivFlow } from './flow.ts';

const noegle = new Uint8Array(32).fill(7);
const flow: Flow = { type: 'borger', state: 's', nonce: 'n', verifier: 'v', next: '/sager/abc?x=1' };

describe('login_flow-cookien', () => {
  it('læses, som den blev skrevet', () => {
    expect(laesFlow(skrivFlow(flow, noegle), 'borger', noegle)).toEqual(flow);
  });

  it('afvises, når den er ændret, usigneret, signeret med en anden nøgle eller til det andet login', () => {
    const [, signatur] = skrivFlow(flow, noegle).split('.');
    const ondNext = encodeBase64urlNoPadding(
      new TextEncoder().encode(JSON.stringify({ ...flow, next: '/medarbejder' })),
    );
    expect(laesFlow(`${ondNext}.${signatur}`, 'borger', noegle)).toBeNull();
    expect(laesFlow(JSON.stringify(flow), 'borger', noegle)).toBeNull();
    expect(laesFlow(ondNext, 'borger', noegle)).toBeNull();
    expect(laesFlow(skrivFlow(flow, new Uint8Array(32).fill(8)), 'borger', noegle)).toBeNull();
    expect(laesFlow(skrivFlow(flow, noegle), 'medarbejder', noegle)).toBeNull();
    expect(laesFlow(undefined, 'borger', noegle)).toBeNull();
    expect(laesFlow('%%%.%%%', 'borger', noegle)).toBeNull();
  });

  it('tjekker next igen ved tilbagekomsten', () => {
    const ude = skrivFlow({ ...flow, next: '//ondt.example/' }, noegle);
    expect(laesFlow(ude, 'borger', noegle)?.next).toBe('/min-side');
    const medarbejder = skrivFlow({ ...flow, type: 'medarbejder', next: 'https://ondt.example/' }, noegle);
    expect(laesFlow(medarbejder, 'medarbejder', noegle)?.next).toBe('/medarbejder');
  });
});
