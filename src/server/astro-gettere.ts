/**
 * Astro builds, for every request, object literals with getters that close over the request's
 * state (FetchState's `renderOptions`, the Astro global's prototype, the actions' context, in
 * astro/dist/core/fetch/fetch-state.js). V8 keeps such a getter, and all it closes over, alive
 * through every young-generation collection until the next full one: each page's Request, render
 * state and rows were copied to the old generation, 25 kB of Min side's 246 (bench/promovering.ts,
 * README "Målinger"). A getter that reads what it needs from its object (`this`) is not kept.
 *
 * This build step rewrites those literals: `{ a, get b() { return state.x; } }` becomes
 * `medGettere({ a }, { state }, D)`, where D's getter is made once for the module and reads `state`
 * from a hidden (not enumerable) property of the object. `this` in a getter still means the object it is read on.
 * The same for the providers' getters `Object.defineProperty(target, key, { get: () => state.resolve(key) })`.
 */
import type { Plugin } from 'vite';
import { FETCH_STATE, omskrivAstroFil } from './astro-fil.ts';
import { boern, erFunktion, erNode, type Node, type Parse } from './estree.ts';

const SKJULT = '__mfTilstand';
const MED_GETTERE = '__mfMedGettere';
const UDBYDER = '__mfUdbyder';

/** The names a pattern binds (`a`, `{ a, b: c }`, `[a, ...b]`, `a = 1`). */
function bundne(p: Node | null | undefined, ud: Set<string>): void {
  if (!p) return;
  if (p.type === 'Identifier') ud.add(p.name as string);
  else if (p.type === 'ObjectPattern')
    for (const e of p.properties as Node[])
      bundne(e.type === 'RestElement' ? (e.argument as Node) : (e.value as Node), ud);
  else if (p.type === 'ArrayPattern') for (const e of p.elements as (Node | null)[]) bundne(e, ud);
  else if (p.type === 'RestElement') bundne(p.argument as Node, ud);
  else if (p.type === 'AssignmentPattern') bundne(p.left as Node, ud);
}

/** Names a function declares for its own body: parameters, variables and inner function names (not those of inner functions' bodies). */
function erklaerede(f: Node): Set<string> {
  const ud = new Set<string>();
  for (const p of f.params as Node[]) bundne(p, ud);
  const besoeg = (n: Node) => {
    if (n.type === 'VariableDeclarator') bundne(n.id as Node, ud);
    if (n.type === 'FunctionDeclaration' && n.id) bundne(n.id as Node, ud);
    if (n.type === 'ClassDeclaration' && n.id) bundne(n.id as Node, ud);
    if (erFunktion(n)) return;
    for (const b of boern(n)) besoeg(b);
  };
  besoeg(f.body as Node);
  return ud;
}

/** Identifiers read or written in `n` as variables (not property names), and whether one is assigned. */
function referencer(n: Node, ud: Map<string, boolean>): void {
  const besoeg = (x: Node, foraelder?: Node, felt?: string) => {
    if (x.type === 'Identifier') {
      const erNavn =
        (foraelder?.type === 'MemberExpression' && felt === 'property' && !foraelder.computed) ||
        (foraelder?.type === 'Property' && felt === 'key' && !foraelder.computed) ||
        (foraelder?.type === 'MethodDefinition' && felt === 'key' && !foraelder.computed);
      if (!erNavn) ud.set(x.name as string, ud.get(x.name as string) ?? false);
      return;
    }
    if (x.type === 'AssignmentExpression' || x.type === 'UpdateExpression') {
      const maal = (x.type === 'AssignmentExpression' ? x.left : x.argument) as Node;
      const navne = new Set<string>();
      bundne(maal, navne);
      for (const navn of navne) ud.set(navn, true);
    }
    for (const [k, v] of Object.entries(x)) {
      if (Array.isArray(v)) for (const y of v) if (erNode(y)) besoeg(y, x, k);
      if (erNode(v)) besoeg(v, x, k);
    }
  };
  besoeg(n);
}

interface Omskrivning {
  start: number;
  end: number;
  tekst: string;
}

/**
 * `kode` (astro/dist/core/fetch/fetch-state.js) with its per-request getters made once for the
 * module; `antal` is the number of literals and descriptors rewritten. Throws on what it cannot
 * rewrite safely (a getter that assigns what it closes over, uses `arguments` or `super`).
 */
export function udenLukkedeGettere(kode: string, parse: Parse): { kode: string; antal: number } {
  const omskrivninger: Omskrivning[] = [];
  const beskrivelser: string[] = [];
  const scoper: Set<string>[] = [];

  const omskrivLiteral = (o: Node) => {
    const egenskaber = o.properties as Node[];
    const accessorer = egenskaber.filter((p) => p.type === 'Property' && (p.kind === 'get' || p.kind === 'set'));
    if (accessorer.length === 0 || scoper.length === 0) return false;
    const lukket = new Set<string>();
    const iScope = (navn: string) => scoper.some((s) => s.has(navn));
    const pr = new Map<string, { get?: string; set?: string }>();
    for (const a of accessorer) {
      if (a.computed) throw new Error('astro-gettere: en beregnet getter kan ikke flyttes');
      const f = a.value as Node;
      const egne = erklaerede(f);
      const refs = new Map<string, boolean>();
      referencer(f.body as Node, refs);
      if (refs.has('arguments')) throw new Error('astro-gettere: en getter bruger arguments');
      if (kode.slice(f.start, f.end).includes('super')) throw new Error('astro-gettere: en getter bruger super');
      const dens = [...refs].filter(([navn]) => !egne.has(navn) && iScope(navn));
      for (const [navn, tildelt] of dens) {
        if (tildelt) throw new Error(`astro-gettere: en getter tildeler ${navn}, som den lukker over`);
        lukket.add(navn);
      }
      const navn =
        (a.key as Node).type === 'Identifier'
          ? ((a.key as Node).name as string)
          : kode.slice((a.key as Node).start, (a.key as Node).end);
      const params = (f.params as Node[]).map((p) => kode.slice(p.start, p.end)).join(', ');
      const krop = kode.slice((f.body as Node).start + 1, (f.body as Node).end - 1);
      const hent = dens.length ? `const { ${dens.map(([n]) => n).join(', ')} } = this[${SKJULT}];` : '';
      const del = pr.get(navn) ?? {};
      del[a.kind as 'get' | 'set'] = `function (${params}) { ${hent}${krop} }`;
      pr.set(navn, del);
    }
    const data = egenskaber.filter((p) => !accessorer.includes(p)).map((p) => kode.slice(p.start, p.end));
    const nr = beskrivelser.length;
    beskrivelser.push(
      `var __mfGettere${nr} = {\n${[...pr]
        .map(
          ([navn, d]) =>
            `  ${JSON.stringify(navn)}: { ${d.get ? `get: ${d.get}, ` : ''}${d.set ? `set: ${d.set}, ` : ''}enumerable: true, configurable: true }`,
        )
        .join(',\n')}\n};`,
    );
    omskrivninger.push({
      start: o.start,
      end: o.end,
      tekst: `${MED_GETTERE}({ ${data.join(', ')} }, { ${[...lukket].join(', ')} }, __mfGettere${nr})`,
    });
    return true;
  };

  // Object.defineProperty(target, key, { get: () => state.resolve(key), ... }): the providers' getters.
  const omskrivUdbyder = (kald: Node) => {
    const [, noegle, beskrivelse] = kald.arguments as Node[];
    if (!noegle || !beskrivelse || beskrivelse.type !== 'ObjectExpression') return false;
    const get = (beskrivelse.properties as Node[]).find(
      (p) =>
        p.type === 'Property' && (p.key as Node).name === 'get' && (p.value as Node).type === 'ArrowFunctionExpression',
    );
    if (!get) return false;
    const tekst = kode.slice((get.value as Node).start, (get.value as Node).end).replace(/\s+/g, ' ');
    if (tekst !== `() => state.resolve(${kode.slice(noegle.start, noegle.end)})`) return false;
    omskrivninger.push({
      start: beskrivelse.start,
      end: beskrivelse.end,
      tekst: `${UDBYDER}(${kode.slice(noegle.start, noegle.end)})`,
    });
    return true;
  };

  let antal = 0;
  const besoeg = (n: Node) => {
    if (erFunktion(n)) {
      scoper.push(erklaerede(n));
      for (const b of boern(n)) besoeg(b);
      scoper.pop();
      return;
    }
    if (n.type === 'ObjectExpression' && omskrivLiteral(n)) {
      antal++;
      // Literals inside a getter's body are left as they are: the body is copied as text.
      return;
    }
    if (
      n.type === 'CallExpression' &&
      kode.slice((n.callee as Node).start, (n.callee as Node).end) === 'Object.defineProperty' &&
      omskrivUdbyder(n)
    ) {
      antal++;
      return;
    }
    for (const b of boern(n)) besoeg(b);
  };
  besoeg(parse(kode));

  let ud = kode;
  for (const o of omskrivninger.sort((a, b) => b.start - a.start))
    ud = ud.slice(0, o.start) + o.tekst + ud.slice(o.end);
  const hjaelp = `
// Added by src/server/astro-gettere.ts (Mit Forløb): getters made once, reading their state from the object.
// A string key, not a symbol: Astro copies an actions context by its string-keyed descriptors
// (Object.entries(Object.getOwnPropertyDescriptors(context))), and the copy must keep it.
var ${SKJULT} = "__mitForloebTilstand";
function ${MED_GETTERE}(objekt, tilstand, gettere) {
  Object.defineProperty(objekt, ${SKJULT}, { value: tilstand, configurable: true });
  return Object.defineProperties(objekt, gettere);
}
var __mfUdbydere = new Map();
function ${UDBYDER}(key) {
  let d = __mfUdbydere.get(key);
  if (!d) {
    d = { get() { return this[${SKJULT}].state.resolve(key); }, enumerable: true, configurable: true };
    __mfUdbydere.set(key, d);
  }
  return d;
}
${beskrivelser.join('\n')}
`;
  return { kode: antal > 0 ? `${ud}\n${hjaelp}` : kode, antal };
}

/** The Vite plugin (astro.config.mjs). Fails the build if Astro's file is not found or has another form. */
export function astroGettere(mindst = 5): Plugin {
  return omskrivAstroFil('astro-gettere', FETCH_STATE, (kode, parse, id) => {
    const { kode: ny, antal } = udenLukkedeGettere(kode, parse);
    if (antal < mindst)
      throw new Error(
        `astro-gettere: ${antal} steder i ${id}, ventede mindst ${mindst}: Astro har ændret sig; ret src/server/astro-gettere.ts`,
      );
    return ny;
  });
}
