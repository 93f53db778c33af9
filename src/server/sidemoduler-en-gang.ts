/**
 * Astro's built server imports a page's module on every request: its page map holds a function per
 * page, `() => import("./side.mjs")`, called for each request (getModuleForRoute). For a module
 * already loaded Node still resolves the import and walks its module job, about 13 µs of a Min side
 * view's 350 (README "Målinger"). This build step makes each such function keep the promise of its
 * first import. A failed import is not kept: the next request tries again.
 */
import type { Plugin } from 'vite';

// How Astro 7 writes a page's entry in the chunk that holds the page map.
const SIDEIMPORT = /^var (_page\d+) = \(\) => import\(("[^"\n]+")\);$/gm;

/** `kode` with every page import of the page map kept after its first call. */
export function husketSideimport(kode: string): string {
  return kode.replace(
    SIDEIMPORT,
    (_, navn: string, fil: string) =>
      `var ${navn} = ((side) => () => side ??= import(${fil}).catch((e) => { side = undefined; throw e; }))();`,
  );
}

/** The Vite plugin (astro.config.mjs). Fails the build if the page map has a form it does not know. */
export function sidemodulerEnGang(): Plugin {
  return {
    name: 'mit-forloeb:sidemoduler-en-gang',
    apply: 'build',
    renderChunk(kode) {
      if (!kode.includes('var pageMap = ')) return null;
      const ny = husketSideimport(kode);
      if (ny === kode)
        throw new Error(
          'Astros sidekort har fået en ny form: ret src/server/sidemoduler-en-gang.ts (eller fjern den fra astro.config.mjs).',
        );
      return { code: ny, map: null };
    },
  };
}
