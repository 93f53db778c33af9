/** A relative refused for a right their fuldmagt lacks is told so, on a case as on a person's page. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { relationer } from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { IkkeFundet, kraevPersonMedSager, kraevSag, UdenforFuldmagt } from './adgang.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

const spor = { handling: 'se', hvad: 'Test' } as const;

describe('UdenforFuldmagt', () => {
  it('Karin med en fuldmagt uden "se sager" får forklaringen på Jens’ sag, ikke "findes ikke"', async () => {
    const v = await nyVerden();
    await v.db
      .update(relationer)
      .set({ scopes: ['se-moeder'] })
      .where(eq(relationer.fraPersonId, v.demo.karin.id));
    const karin = await v.borger('karin');
    const sag = await demoSag(v.db, v.demo.jens.id, 'Serviceloven § 112');
    const fejl = await kraevSag(v.db, karin, 'se-sager', sag.id, spor, NU).catch((e: unknown) => e);
    expect(fejl).toBeInstanceOf(UdenforFuldmagt);
    expect(fejl).toMatchObject({ ret: 'se-sager', personNavn: 'Jens Madsen' });
    // The person-level door says the same.
    await expect(kraevPersonMedSager(v.db, karin, 'se-sager', v.demo.jens.id, spor, NU)).rejects.toBeInstanceOf(
      UdenforFuldmagt,
    );
  });

  it('uden en fuldmagt i kraft, og for en handling man ikke kan få fuldmagt til, er det det samme "findes ikke"', async () => {
    const v = await nyVerden();
    const sag = await demoSag(v.db, v.demo.jens.id, 'Serviceloven § 112');
    const ali = await v.borger('ali');
    const karin = await v.borger('karin');
    for (const [bruger, handling] of [
      [ali, 'se-sager'],
      [karin, 'handle-i-sag'],
    ] as const) {
      const fejl = await kraevSag(v.db, bruger, handling, sag.id, spor, NU).catch((e: unknown) => e);
      expect(fejl).toBeInstanceOf(IkkeFundet);
      expect(fejl).not.toBeInstanceOf(UdenforFuldmagt);
    }
  });
});
