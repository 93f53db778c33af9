import { getTableName } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { iFremmednoegleOrden, portalTabeller } from './portal-tabeller.ts';
import * as skema from './schema.ts';

describe('tabellerne i fremmednøgle-orden', () => {
  it('har hver af skemaets tabeller én gang, hver efter de tabeller, den peger på', () => {
    const orden = portalTabeller();
    const navne = orden.map(getTableName);
    const alle = Object.values(skema).filter((v) => v instanceof SQLiteTable);
    expect(new Set(navne)).toEqual(new Set(alle.map(getTableName)));
    expect(navne).toHaveLength(alle.length);
    for (const [i, tabel] of orden.entries()) {
      for (const fk of getTableConfig(tabel).foreignKeys) {
        expect(navne.indexOf(getTableName(fk.reference().foreignTable))).toBeLessThan(i);
      }
    }
  });

  it('ordner ens hver gang og stopper ved fremmednøgler i ring', () => {
    expect(
      iFremmednoegleOrden([
        { navn: 'sager', refererer: ['personer'] },
        { navn: 'audit', refererer: ['personer'] },
        { navn: 'personer', refererer: [] },
        { navn: 'klager', refererer: ['sager', 'personer'] },
      ]),
    ).toEqual(['personer', 'audit', 'sager', 'klager']);
    expect(() =>
      iFremmednoegleOrden([
        { navn: 'a', refererer: ['b'] },
        { navn: 'b', refererer: ['a'] },
        { navn: 'c', refererer: [] },
      ]),
    ).toThrow(/i ring mellem a, b/);
    expect(() => iFremmednoegleOrden([{ navn: 'personer', refererer: ['personer'] }])).toThrow(/i ring/);
  });
});
