import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { skrivHoldbart, synkroniser, tjekSkrivbar } from './holdbar-fil.ts';

// The paths whose file descriptors were fsynced: the only way to see that a folder was synced.
const synkroniseret = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const aabne = new Map<number, string>();
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      const fd = fs.openSync(...args);
      aabne.set(fd, String(args[0]));
      return fd;
    },
    fsyncSync: (fd: number) => {
      fs.fsyncSync(fd);
      synkroniseret.push(aabne.get(fd) ?? `fd ${fd}`);
    },
  };
});

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('holdbare filer', () => {
  it('skriver præcis de givne bytes og synkroniserer mappen', () => {
    dir = mkdtempSync(join(tmpdir(), 'holdbar-'));
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 255]);
    synkroniseret.length = 0;
    skrivHoldbart(join(dir, 'bilag'), bytes);
    expect(new Uint8Array(readFileSync(join(dir, 'bilag')))).toEqual(bytes);
    expect(synkroniseret).toContain(dir);
  });

  it('fejler tydeligt, når mappen mangler, i stedet for at lade som ingenting', () => {
    dir = mkdtempSync(join(tmpdir(), 'holdbar-'));
    expect(() => skrivHoldbart(join(dir, 'mangler', 'bilag'), new Uint8Array([1]))).toThrow(/ENOENT/);
    expect(() => synkroniser(join(dir, 'mangler'))).toThrow(/ENOENT/);
  });

  it('tjekker en mappe til bilag: opretter den, efterlader intet og siger hvorfor, hvis det fejler', () => {
    dir = mkdtempSync(join(tmpdir(), 'holdbar-'));
    tjekSkrivbar(join(dir, 'bilag'));
    expect(existsSync(join(dir, 'bilag'))).toBe(true);
    expect(readdirSync(join(dir, 'bilag'))).toEqual([]);
    writeFileSync(join(dir, 'en-fil'), '');
    expect(() => tjekSkrivbar(join(dir, 'en-fil', 'bilag'))).toThrow(/ENOTDIR/);
  });
});
