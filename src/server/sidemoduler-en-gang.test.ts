import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { husketSideimport, sidemodulerEnGang } from './sidemoduler-en-gang.ts';

// The form of Astro 7's chunk with the page map, shortened.
const KORT = `var _page1 = () => import("./side.mjs");
var _page2 = () => import("./mangler.mjs");
var pageMap = /* @__PURE__ */ new Map([["src/pages/a.astro", _page1], ["src/pages/b.astro", _page2]]);
const manifest = { middleware: () => import("./middleware.mjs") };
export { _page1, _page2, manifest };
`;

type Side = () => Promise<{ x: number }>;

describe('sidemoduler-en-gang', () => {
  it('giver samme løfte ved hvert kald af en side, men prøver igen efter en fejlet import', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'sidekort-'));
    writeFileSync(join(mappe, 'side.mjs'), 'export const x = 1;\n');
    writeFileSync(join(mappe, 'kort.mjs'), husketSideimport(KORT));
    const { _page1, _page2 } = (await import(pathToFileURL(join(mappe, 'kort.mjs')).href)) as Record<string, Side>;
    const foerste = (_page1 as Side)();
    expect((_page1 as Side)()).toBe(foerste);
    expect((await foerste).x).toBe(1);
    const fejlet = (_page2 as Side)();
    await expect(fejlet).rejects.toThrow();
    const igen = (_page2 as Side)();
    expect(igen).not.toBe(fejlet);
    await expect(igen).rejects.toThrow();
  });

  it('ændrer kun sidernes importer, og bygningen stopper, hvis sidekortet får en anden form', () => {
    const ny = husketSideimport(KORT);
    expect(ny.match(/side \?\?= import\(/g)).toHaveLength(2);
    expect(ny).toContain('middleware: () => import("./middleware.mjs")');
    const renderChunk = sidemodulerEnGang().renderChunk as (kode: string) => { code: string } | null;
    expect(renderChunk('export const a = () => import("./x.mjs");')).toBeNull();
    expect(renderChunk(KORT)?.code).toBe(ny);
    expect(() => renderChunk('var pageMap = new Map([["a", () => import("./a.mjs")]]);')).toThrow(/sidekort/);
  });
});
