/**
 * Min side reads the tasks of all a person's cases in three queries; the case page reads one case's
 * facts with the single-case readers. Both must give the same tasks.
 */
import { describe, expect, it } from 'vitest';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { dagen } from '#/lib/dato.ts';
import * as t from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { klagerPaaSagen, senesteAfgoerelse } from './klage.server.ts';
import { opgaverForSag } from './opgaver.ts';
import { aabenPartshoering } from './partshoering.server.ts';
import { opgaverForSager } from './sager.server.ts';

describe('opgaverForSager', () => {
  it('gives every demo person the tasks the single-case readers give, case by case', async () => {
    const { db, demo } = await nyDemoDb();
    const idag = dagen(NU);
    // An older, answered partshøring beside Ali's open one: the newest of each case must be the one read.
    const sag = await demoSag(db, demo.ali.id, 'Serviceloven § 97');
    await db.insert(t.partshoeringer).values({
      id: crypto.randomUUID(),
      sagId: sag.id,
      materiale: 'Et tidligere brev',
      sendt: '2026-10-01',
      svarfrist: '2026-10-15',
      svar: 'Mit svar',
      besvaret: '2026-10-05T10:00:00.000Z',
    });
    const sager = await db.select().from(t.sager);
    let alle = 0;
    for (const [, hans] of Map.groupBy(sager, (s) => s.personId)) {
      const hver = [];
      for (const s of hans.filter((s) => s.aaben))
        hver.push(
          ...opgaverForSag(
            {
              sag: s,
              partshoering: await aabenPartshoering(db, s.id),
              afgoerelse: await senesteAfgoerelse(db, s.id),
              klager: await klagerPaaSagen(db, s.id),
            },
            idag,
          ),
        );
      expect(
        await opgaverForSager(
          db,
          hans.map((s) => ({ sag: s })),
          idag,
        ),
      ).toEqual(hver);
      alle += hver.length;
    }
    // The demo has tasks (Ali's partshøring, complaint deadlines): the comparison is not of empty lists.
    expect(alle).toBeGreaterThan(1);
    expect(await opgaverForSager(db, [], idag)).toEqual([]);
  });
});
