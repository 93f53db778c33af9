import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { medFaellesPrototype } from './astro-global.ts';

// The part of Astro's FetchState that makes the Astro global, as in fetch-state.js.
const KODE = `
const slotValuesSymbol = Symbol.for('astro.slotValues');
export class Tilstand {
  constructor(ekstraNoegle) { this.locals = { navn: 'Ali' }; this.ekstraNoegle = ekstraNoegle; }
  createAstroPagePartial() {
    const state = this;
    const partial = {
      url: new URL('https://eksempel.dk/min-side'),
      request: { method: 'GET' },
      redirect: (sti) => 'til ' + sti,
      get locals() { return state.locals; },
      get slots() { return { hvem: this, vaerdier: this[slotValuesSymbol] }; },
      get fast() { return 'fast'; },
      set saetbar(v) { this.sat = v; },
    };
    if (this.ekstraNoegle) partial[this.ekstraNoegle] = 1;
    Object.defineProperty(partial, '__skjult', { value: 'skjult', enumerable: false });
    return partial;
  }
  createAstro(props, slotValues) {
    let astroPagePartial;
    this.partial ??= this.createAstroPagePartial();
    astroPagePartial = this.partial;
    const Astro = Object.assign(Object.create(astroPagePartial), { props, self: null });
    Object.defineProperty(Astro, slotValuesSymbol, { value: slotValues, writable: true, configurable: true, enumerable: false });
    return Astro;
  }
}
`;

async function indlaes(kode: string) {
  const fil = join(mkdtempSync(join(tmpdir(), 'astro-global-')), 'modul.mjs');
  writeFileSync(fil, kode);
  return (await import(pathToFileURL(fil).href)) as {
    Tilstand: new (
      ekstraNoegle?: string,
    ) => { locals: object; createAstro(props: object, slots: object): Record<string, unknown> };
  };
}

/** What a component sees of its Astro object. */
function adfaerd(Astro: Record<string, unknown>, state: { locals: object }) {
  const ud: Record<string, unknown> = {};
  ud.props = Astro.props;
  ud.url = String(Astro.url);
  ud.redirect = (Astro.redirect as (s: string) => string)('/x');
  ud.locals = Astro.locals === state.locals;
  const slots = Astro.slots as { hvem: unknown; vaerdier: unknown };
  ud.slotsThis = slots.hvem === Astro;
  ud.slotVaerdier = slots.vaerdier;
  ud.skjult = Astro.__skjult;
  ud.keys = Object.keys(Astro);
  ud.spredt = { ...Astro };
  const forIn: string[] = [];
  for (const n in Astro) forIn.push(n);
  ud.forIn = forIn;
  ud.har = ['url', 'locals', 'props', 'findesIkke'].map((k) => k in Astro);
  ud.egen = Object.hasOwn(Astro, 'url');
  Astro.url = 'overskrevet';
  ud.overskrevet = [Astro.url, Object.hasOwn(Astro, 'url')];
  Astro.saetbar = 5;
  ud.saetbar = [Astro.sat, Object.hasOwn(Astro, 'saetbar')];
  try {
    Astro.fast = 'nyt';
    ud.fast = 'ingen fejl';
  } catch (e) {
    ud.fast = (e as Error).constructor.name;
  }
  ud.self = Astro.self;
  return ud;
}

describe('astro-global', () => {
  it('et Astro-objekt opfører sig som før for en komponent', async () => {
    const foer = await indlaes(KODE);
    const efter = await indlaes(medFaellesPrototype(KODE));
    const a = new foer.Tilstand();
    const b = new efter.Tilstand();
    const slots = { default: 'indhold' };
    expect(adfaerd(b.createAstro({ id: 1 }, slots), b)).toEqual(adfaerd(a.createAstro({ id: 1 }, slots), a));
    // The same again for the second component of the same page, on the same partial.
    expect(adfaerd(b.createAstro({ id: 2 }, slots), b)).toEqual(adfaerd(a.createAstro({ id: 2 }, slots), a));
  });

  it('alle sider deler én prototype, som ikke er sidens partial', async () => {
    const { Tilstand } = await indlaes(medFaellesPrototype(KODE));
    const side1 = new Tilstand();
    const side2 = new Tilstand();
    const a1 = side1.createAstro({}, {});
    const a2 = side2.createAstro({}, {});
    expect(Object.getPrototypeOf(a1)).toBe(Object.getPrototypeOf(a2));
    expect(Object.getPrototypeOf(a1)).not.toBe((side1 as unknown as { partial: object }).partial);
    // Each reads its own request's state.
    side2.locals = { navn: 'Mor' };
    expect(a1.locals).toEqual({ navn: 'Ali' });
    expect(a2.locals).toEqual({ navn: 'Mor' });
  });

  it('en partial med andre nøgler end den første får Object.create som før', async () => {
    const { Tilstand } = await indlaes(medFaellesPrototype(KODE));
    new Tilstand().createAstro({}, {});
    const anden = new Tilstand('udbyder');
    const a = anden.createAstro({}, {});
    expect(Object.getPrototypeOf(a)).toBe((anden as unknown as { partial: object }).partial);
    expect(a.udbyder).toBe(1);
  });

  it('finder stedet i Astros fetch-state.js og stopper på en ukendt form', () => {
    const fil = new URL('../../node_modules/astro/dist/core/fetch/fetch-state.js', import.meta.url);
    const ny = medFaellesPrototype(readFileSync(fil, 'utf8'));
    expect(ny).toContain('__mfAstroGlobal(astroPagePartial)');
    expect(ny).not.toContain('Object.create(astroPagePartial)');
    expect(() => medFaellesPrototype(ny)).toThrow(/ventede én/);
  });
});
