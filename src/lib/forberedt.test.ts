import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hemmeligheder } from '../../db/schema.ts';
import { nyTestDatabase } from '../../db/test-database.ts';
import { forberedt } from './forberedt.server.ts';

const NU = '2026-12-02T10:00:00.000Z';

describe('forberedt', () => {
  it('en gemt forespørgsel læser i den åbne transaktion: dens egne, ikke gemte rækker', async () => {
    const db = await nyTestDatabase();
    const laes = async (navn: string) =>
      await forberedt(db, 'test.hemmelighed', () =>
        db
          .select({ vaerdi: hemmeligheder.vaerdi })
          .from(hemmeligheder)
          .where(eq(hemmeligheder.navn, sql.placeholder('navn')))
          .prepare(),
      ).execute({ navn });
    // Made and kept outside any transaction first, as a request would.
    expect(await laes('x')).toEqual([]);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(hemmeligheder).values({ navn: 'x', vaerdi: 'i-transaktionen', oprettet: NU });
        expect(await laes('x')).toEqual([{ vaerdi: 'i-transaktionen' }]);
        throw new Error('rul tilbage');
      }),
    ).rejects.toThrow('rul tilbage');
    expect(await laes('x')).toEqual([]);
  });
});
