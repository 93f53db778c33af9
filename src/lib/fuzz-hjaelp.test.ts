import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { personer, udlaan } from '../../db/schema.ts';
import { aendringstaeller } from '../../db/test-fixtures.ts';
import { erDansk, fjendtligTekst } from './fuzz-hjaelp.ts';

describe('aendringstaeller', () => {
  it('tæller indsættelser, rettelser og sletninger pr. tabel, men ikke det, der rulles tilbage', async () => {
    const { db, demo } = await nyDemoDb();
    const aendringer = await aendringstaeller(db);
    expect(await aendringer()).toEqual({});
    await db.update(personer).set({ by: 'Vejle' }).where(eq(personer.id, demo.jens.id));
    expect(await aendringer()).toEqual({ personer: 1 });
    await expect(
      db.transaction(async (tx) => {
        await tx.delete(udlaan);
        throw new Error('afvist');
      }),
    ).rejects.toThrow('afvist');
    expect(await aendringer()).toEqual({ personer: 1 });
    await db.delete(udlaan);
    expect(await aendringer()).toEqual({ personer: 1, udlaan: 1 });
  });
});

describe('fjendtlige værdier', () => {
  it('rummer enlige surrogater, meget lange tekster og script', () => {
    const proever = fc.sample(fjendtligTekst, { numRuns: 2000, seed: 1 });
    expect(proever.some((s) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(s))).toBe(true);
    expect(proever.some((s) => s.length >= 100_000)).toBe(true);
    expect(proever).toContain('<script>alert(1)</script>');
  });

  it('erDansk afviser tomme og engelske beskeder', () => {
    expect(erDansk('Feltet skal udfyldes.')).toBe(true);
    expect(
      ['', '  ', undefined, 'Invalid input', 'Too small: expected string to have >=1 characters', 'Required'].filter(
        erDansk,
      ),
    ).toEqual([]);
  });
});
