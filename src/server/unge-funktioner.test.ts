import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Parse } from './estree.ts';
import { ungeFunktioner } from './unge-funktioner.ts';

const parse: Parse = (kode) => parseSync('modul.js', kode).program as unknown as ReturnType<Parse>;
const HJAELPER = '\n// Added by src/server/unge-funktioner.ts (Mit Forløb).\nfunction __mfUng(f) { return f; }\n';
// The rewritten code without the helper the step adds at the end.
const fuld = (kode: string) => ungeFunktioner(kode, parse).kode;
const omskriv = (kode: string) => fuld(kode).replace(HJAELPER, '');

describe('unge-funktioner', () => {
  it('pakker en funktion, der tildeles en egenskab inde i en funktion, og intet andet', () => {
    expect(omskriv('function f(o, k) { o.a = () => 1; o[k] = function () {}; this.b ??= async (x) => x; }')).toBe(
      'function f(o, k) { o.a = __mfUng(() => 1); o[k] = __mfUng(function () {}); this.b ??= __mfUng(async (x) => x); }',
    );
    // The top level (a method set once), a variable, a value that is not a literal, a literal in an object.
    const uroert =
      'o.a = () => 1; function f(o, g) { let v; v = () => 1; o.b = g; o.c = x ? () => 1 : g; return { d: () => 1 }; }';
    expect(omskriv(uroert)).toBe(uroert);
  });

  it('indlejrede og allerede pakkede funktioner', () => {
    expect(omskriv('class K { constructor(o) { this.f = () => { o.g = () => 2; }; } }')).toBe(
      'class K { constructor(o) { this.f = __mfUng(() => { o.g = __mfUng(() => 2); }); } }',
    );
    // Both end at the same place.
    expect(omskriv('function f(o) { o.a = () => o.b = () => 1; }')).toBe(
      'function f(o) { o.a = __mfUng(() => o.b = __mfUng(() => 1)); }',
    );
    const en = omskriv('function f(o) { o.a = (() => 1); }');
    expect(fuld('function f(o) {}')).toBe('function f(o) {}');
    expect(en).toBe('function f(o) { o.a = __mfUng((() => 1)); }');
    expect(omskriv(en)).toBe(en);
  });

  it('koden gør det samme bagefter', () => {
    const kode = `
      class K { constructor(v) { this.f = () => v; this.g ??= function () { return this; }; } }
      const k = new K(7);
      return [k.f(), k.g() === k, k.f.name, k.g.name];`;
    const foer = new Function(kode)();
    expect(new Function(`${fuld(`function ydre() {${kode}}`)}\nreturn ydre();`)()).toEqual(foer);
    expect(foer).toEqual([7, true, '', '']);
  });

  it('V8 holder ikke længere hver anmodnings data i live til næste fulde oprydning', () => {
    // 100,000 "requests" of 4 kB each; each keeps a function on a property of its own object. Without
    // the optimising compiler, as code runs before it is hot, V8 makes each function old and copies
    // everything it closes over out of the young generation.
    const kode = `
      class Instans { constructor(data) { this.vaerdi = () => data; } }
      let sink;
      for (let n = 0; n < 100000; n++) sink = new Instans(Array.from({ length: 40 }, (_, i) => ({ i, s: 'x'.repeat(20) + i })));`;
    const promoveret = (k: string) =>
      spawnSync(process.execPath, ['--no-opt', '--trace-gc-nvp', '-e', k], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((l) => l.includes('gc=s '))
        .reduce((sum, l) => sum + Number(/ promoted=(\d+)/.exec(l)?.[1] ?? 0), 0);
    const foer = promoveret(kode);
    const efter = promoveret(fuld(kode));
    expect(foer).toBeGreaterThan(100_000_000);
    expect(efter).toBeLessThan(foer / 100);
  });

  it('finder Astros komponent-slots', () => {
    const fil = new URL('../../node_modules/astro/dist/runtime/server/render/astro/instance.js', import.meta.url);
    expect(omskriv(readFileSync(fil, 'utf8'))).toContain('this.slotValues[name] = __mfUng(() => {');
  });
});
