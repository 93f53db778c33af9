import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFilnavn, backupSti, ikkePortalens, nyereVersion } from './backup-regler.ts';

const nu = new Date('2026-11-30T02:30:00.000Z');

describe('backupens navn og sted', () => {
  it('navngiver backuppen efter tidspunktet, med motorens endelse', () => {
    expect(backupFilnavn('sqlite', nu)).toBe('mit-forloeb-2026-11-30T02-30-00-000Z.db');
    expect(backupFilnavn('postgres', nu)).toBe('mit-forloeb-2026-11-30T02-30-00-000Z.dump');
  });

  it('lægger den i standardmappen, i en mappe eller i den fil, der er nævnt', () => {
    const mappe = mkdtempSync(join(tmpdir(), 'regler-'));
    try {
      expect(backupSti(undefined, 'postgres', nu)).toBe('data/backup/mit-forloeb-2026-11-30T02-30-00-000Z.dump');
      expect(backupSti(mappe, 'postgres', nu)).toBe(join(mappe, 'mit-forloeb-2026-11-30T02-30-00-000Z.dump'));
      expect(backupSti('/ny/mappe/', 'sqlite', nu)).toBe('/ny/mappe/mit-forloeb-2026-11-30T02-30-00-000Z.db');
      expect(backupSti('/et/sted/nat.dump', 'postgres', nu)).toBe('/et/sted/nat.dump');
    } finally {
      rmSync(mappe, { recursive: true });
    }
  });
});

describe('hvilken backup der må genskabes', () => {
  it('kender portalens database på migreringerne og dens tabeller', () => {
    const portalens = new Set(['personer', 'sager', 'audit', 'noget_nyt']);
    expect(ikkePortalens(true, portalens)).toBeNull();
    expect(ikkePortalens(false, portalens)).toMatch(/ikke en backup af Mit Forløbs database \(ingen migreringer\)/);
    expect(ikkePortalens(true, new Set(['kunder', 'sager']))).toMatch(/mangler personer, audit/);
  });

  it('genskaber en backup fra denne eller en ældre version, ikke fra en nyere', () => {
    expect(nyereVersion(9, 9)).toBeNull();
    expect(nyereVersion(3, 9)).toBeNull();
    expect(nyereVersion(10, 9)).toMatch(/nyere version af portalen \(10 migreringer, denne version kender 9\)/);
  });
});
