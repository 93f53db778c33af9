import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { udenLukkedeGettere } from './astro-gettere.ts';
import type { Parse } from './estree.ts';

const parse: Parse = (kode) => parseSync('modul.js', kode).program as unknown as ReturnType<Parse>;

async function indlaes(kode: string): Promise<Record<string, unknown>> {
  const fil = join(mkdtempSync(join(tmpdir(), 'astro-gettere-')), 'modul.mjs');
  writeFileSync(fil, udenLukkedeGettere(kode, parse).kode);
  return (await import(pathToFileURL(fil).href)) as Record<string, unknown>;
}

const KODE = `
export class Tilstand {
  constructor() { this.locals = { navn: 'Ali' }; this.udbydere = new Map([['session', 'S1']]); }
  resolve(key) { return this.udbydere.get(key); }
  lav() {
    const state = this;
    const ekstra = { b: 2 };
    const o = {
      a: 1,
      ...ekstra,
      get locals() { return state.locals; },
      set locals(_) { throw new Error('locals kan ikke skiftes'); },
      get hvem() { return this.a; },
    };
    for (const key of this.udbydere.keys()) {
      Object.defineProperty(o, key, { get: () => state.resolve(key), enumerable: true, configurable: true });
    }
    return o;
  }
}
`;

describe('astro-gettere', () => {
  it('giver de samme værdier som før: levende getter, setter, this, spredning, prototype og udbydere', async () => {
    const { Tilstand } = (await indlaes(KODE)) as {
      Tilstand: new () => { locals: object; lav(): Record<string, unknown> };
    };
    const t = new Tilstand();
    const o = t.lav();
    expect(o.locals).toBe(t.locals);
    t.locals = { navn: 'Mor' };
    expect(o.locals).toEqual({ navn: 'Mor' });
    expect(o.hvem).toBe(1);
    expect(o.session).toBe('S1');
    expect(() => {
      o.locals = {};
    }).toThrow('locals kan ikke skiftes');
    expect(Object.keys(o).sort()).toEqual(['a', 'b', 'hvem', 'locals', 'session']);
    expect({ ...o }).toEqual({ a: 1, b: 2, hvem: 1, locals: { navn: 'Mor' }, session: 'S1' });
    // The Astro global is made with Object.create(partial): the getters read through the prototype.
    expect((Object.create(o) as Record<string, unknown>).locals).toEqual({ navn: 'Mor' });
    // An action's context is copied by its string-keyed descriptors (astro's actions runtime).
    const kopi = Object.create(
      Object.getPrototypeOf(o),
      Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(o)).filter(([k]) => k !== 'a')),
    ) as Record<string, unknown>;
    expect(kopi.locals).toEqual({ navn: 'Mor' });
    expect(kopi.session).toBe('S1');
  });

  it('omskriver ikke en getter, der tildeler det, den lukker over', () => {
    const kode = 'export function f() { let set = false; return { get x() { set = true; return set; } }; }';
    expect(() => udenLukkedeGettere(kode, parse)).toThrow(/tildeler set/);
  });

  it('finder alle stederne i Astros fetch-state.js, og intet er tilbage bagefter', () => {
    const fil = new URL('../../node_modules/astro/dist/core/fetch/fetch-state.js', import.meta.url);
    const { kode, antal } = udenLukkedeGettere(readFileSync(fil, 'utf8'), parse);
    // renderOptions, the response, the Astro global's prototype, the actions' context, the providers.
    expect(antal).toBeGreaterThanOrEqual(5);
    expect(udenLukkedeGettere(kode, parse).antal).toBe(0);
  });
});
