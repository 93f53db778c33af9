/**
 * The Vite plugin shape of the build steps that rewrite one of Astro's own files (astro-gettere.ts,
 * astro-global.ts): the file is rewritten where the server build loads it, and the build stops if
 * the server build never loaded it, so a moved or renamed file in a new Astro cannot slip by.
 */
import type { Plugin } from 'vite';
import type { Node, Parse } from './estree.ts';

/** FetchState, which makes each request's render state and Astro global. */
export const FETCH_STATE = 'astro/dist/core/fetch/fetch-state.js';

/** A plugin named `navn` that rewrites `fil` (a path in node_modules) with `omskriv`. */
export function omskrivAstroFil(
  navn: string,
  fil: string,
  omskriv: (kode: string, parse: Parse, id: string) => string,
): Plugin {
  let set = false;
  return {
    name: `mit-forloeb:${navn}`,
    apply: 'build',
    transform(kode, id) {
      if (!id.replaceAll('\\', '/').endsWith(`/${fil}`)) return null;
      set = true;
      return { code: omskriv(kode, (k) => this.parse(k) as unknown as Node, id), map: null };
    },
    buildEnd() {
      if (!set && this.environment?.name === 'ssr') throw new Error(`${navn}: ${fil} kom ikke med i serverens bygning`);
    },
  };
}
