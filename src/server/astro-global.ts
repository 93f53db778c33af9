/**
 * Astro makes each component's `Astro` object with `Object.create(partial)`, where `partial` is made
 * once per request (FetchState.createAstro in astro/dist/core/fetch/fetch-state.js). An object used as
 * a prototype gets a hidden class (map) of its own, and maps live in V8's old generation: every
 * request's map pointed at its partial, so the partial and all it reaches (the request, its render
 * state, the page's rows) outlived every young-generation collection until the next full one
 * (bench/promovering.ts, README "Målinger").
 *
 * This build step gives every `Astro` object one prototype, made once: its accessors read the
 * request's partial from a hidden property of the object, with the object as `this`, as the
 * prototype chain did. A partial with other keys than the first one gets `Object.create` as before.
 */
import type { Plugin } from 'vite';
import { FETCH_STATE, omskrivAstroFil } from './astro-fil.ts';

const STED = 'Object.create(astroPagePartial)';
const NAVN = '__mfAstroGlobal';

/**
 * The function that replaces `Object.create(partial)`. It is copied into Astro's module as text
 * (`Function.prototype.toString`), so it must not use anything from outside itself.
 */
export function lavAstroGlobal(): (partial: object) => object {
  const SIDE = '__mitForloebSide';
  const KENDT = '__mitForloebKendt';
  let prototype: object | undefined;
  let noegler: (string | symbol)[] = [];
  const somDenFoerste = (nye: (string | symbol)[]) =>
    nye.length === noegler.length && nye.every((k, i) => k === noegler[i]);
  return (partial) => {
    const p = partial as Record<string, unknown>;
    if (p[KENDT] === undefined) {
      const nye = Reflect.ownKeys(partial);
      if (prototype === undefined) {
        const proto: object = {};
        for (const key of nye) {
          Object.defineProperty(proto, key, {
            // Read on the prototype itself (a debugger, a test's printout) there is no partial.
            get(this: Record<string, object | undefined>) {
              const side = this[SIDE];
              return side === undefined ? undefined : Reflect.get(side, key, this);
            },
            set(this: Record<string, object | undefined>, vaerdi: unknown) {
              const side = this[SIDE];
              if (side === undefined || !Reflect.set(side, key, vaerdi, this))
                throw new TypeError(`Cannot assign to read only property '${String(key)}' of object`);
            },
            enumerable: Object.getOwnPropertyDescriptor(partial, key)?.enumerable ?? false,
            configurable: true,
          });
        }
        prototype = proto;
        noegler = nye;
      }
      Object.defineProperty(partial, KENDT, { value: somDenFoerste(nye) });
    }
    if (p[KENDT] !== true) return Object.create(partial);
    const astro: object = Object.create(prototype as object);
    Object.defineProperty(astro, SIDE, { value: partial });
    return astro;
  };
}

/** `kode` (astro/dist/core/fetch/fetch-state.js) with the Astro global made on the shared prototype. */
export function medFaellesPrototype(kode: string): string {
  if (kode.split(STED).length !== 2)
    throw new Error(`astro-global: ventede én ${STED} i Astros fetch-state.js: ret src/server/astro-global.ts`);
  return `${kode.replace(STED, `${NAVN}(astroPagePartial)`)}
// Added by src/server/astro-global.ts (Mit Forløb): one prototype for every Astro global.
var ${NAVN} = (${lavAstroGlobal.toString()})();
`;
}

/** The Vite plugin (astro.config.mjs). Fails the build if Astro's file has another form or is missing. */
export const astroGlobal = (): Plugin => omskrivAstroFil('astro-global', FETCH_STATE, medFaellesPrototype);
