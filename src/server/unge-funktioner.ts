/**
 * V8 makes a function literal that is assigned to a property (`this.f = () => …`, `o[k] = function …`,
 * also with `??=`, `||=`, `&&=`) in the old generation: its parser takes it for a method that will
 * live long (Parser::CheckAssigningFunctionLiteralToProperty). Made for each request, such a function
 * keeps everything it closes over (the request, its render state, its rows) alive through every
 * young-generation collection until the next full one, and each scavenge copies it all. Astro does
 * this for every slot of every component (`this.slotValues[name] = () => …`): a page with a layout
 * kept 11 of its 12 kB per view that way (README "Målinger", bench/promovering.ts).
 *
 * This build step writes such an assignment inside a function as `this.f = __mfUng(() => …)`, where
 * `__mfUng` (added to the chunk) returns its argument: the same function and the same value (a
 * property assignment never names its function), but the right-hand side is a call, not a literal,
 * so V8 makes the function young. (`(0, () => …)` would do for V8, but the bundler's final pass
 * removes it.) At a module's top level (methods set once) the assignments are left as they are.
 */
import type { Plugin } from 'vite';
import { boern, erFunktion, type Node, type Parse } from './estree.ts';

const TILDELINGER = new Set(['=', '??=', '||=', '&&=']);
const UNG = '__mfUng';

const udenParenteser = (n: Node): Node =>
  n.type === 'ParenthesizedExpression' ? udenParenteser(n.expression as Node) : n;

/** `kode` with every function literal assigned to a property inside a function passed through `__mfUng`. */
export function ungeFunktioner(kode: string, parse: Parse): { kode: string; antal: number } {
  // Where to insert what: the call's start before each such literal, its end after it.
  const indsaet: { ved: number; tekst: string }[] = [];
  const besoeg = (n: Node, iFunktion: boolean) => {
    if (
      iFunktion &&
      n.type === 'AssignmentExpression' &&
      TILDELINGER.has(n.operator as string) &&
      (n.left as Node).type === 'MemberExpression' &&
      erFunktion(udenParenteser(n.right as Node))
    ) {
      const hoejre = n.right as Node;
      indsaet.push({ ved: hoejre.start, tekst: `${UNG}(` }, { ved: hoejre.end, tekst: ')' });
    }
    for (const b of boern(n)) besoeg(b, iFunktion || erFunktion(n));
  };
  besoeg(parse(kode), false);
  if (indsaet.length === 0) return { kode, antal: 0 };
  // From the end, so each insertion leaves the positions before it as they were.
  let ud = kode;
  for (const { ved, tekst } of indsaet.sort((a, b) => b.ved - a.ved)) ud = ud.slice(0, ved) + tekst + ud.slice(ved);
  return {
    kode: `${ud}\n// Added by src/server/unge-funktioner.ts (Mit Forløb).\nfunction ${UNG}(f) { return f; }\n`,
    antal: indsaet.length / 2,
  };
}

/** The Vite plugin (astro.config.mjs): the server's chunks (Astro's `ssr` and `prerender` builds), not the browser's. */
export function ungeFunktionerPlugin(): Plugin {
  return {
    name: 'mit-forloeb:unge-funktioner',
    apply: 'build',
    renderChunk(kode) {
      if (this.environment?.name === 'client') return null;
      const { kode: ny, antal } = ungeFunktioner(kode, (k) => this.parse(k) as unknown as Node);
      return antal > 0 ? { code: ny, map: null } : null;
    },
  };
}
