import { asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hemmeligheder } from '../../db/schema.ts';
import { nyTestDatabase } from '../../db/test-database.ts';
import { forberedt, forberedtMedListe, LAENGSTE_FORBEREDTE_LISTE, listeVaerdier } from './forberedt.server.ts';

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

describe('forberedtMedListe', () => {
  it('læser de samme rækker som en bygget IN-liste, for korte og lange lister, og genbruger sætningen pr. længde', async () => {
    const db = await nyTestDatabase();
    const navne = Array.from({ length: LAENGSTE_FORBEREDTE_LISTE + 4 }, (_, i) => `n${i}`);
    await db.insert(hemmeligheder).values(navne.map((navn) => ({ navn, vaerdi: `v-${navn}`, oprettet: NU })));
    const saetning = (antal: number) =>
      forberedtMedListe(db, 'test.liste', antal, (liste) =>
        db
          .select({ vaerdi: hemmeligheder.vaerdi })
          .from(hemmeligheder)
          .where(inArray(hemmeligheder.navn, liste))
          .orderBy(asc(hemmeligheder.vaerdi))
          .prepare(),
      );
    for (const liste of [['n3'], ['n1', 'n2'], ['n2', 'nej'], navne.slice(0, LAENGSTE_FORBEREDTE_LISTE + 2)]) {
      const bygget = await db
        .select({ vaerdi: hemmeligheder.vaerdi })
        .from(hemmeligheder)
        .where(inArray(hemmeligheder.navn, liste))
        .orderBy(asc(hemmeligheder.vaerdi));
      expect(bygget.length).toBeGreaterThan(0);
      expect(await saetning(liste.length).execute(listeVaerdier(liste))).toEqual(bygget);
    }
    expect(saetning(2)).toBe(saetning(2));
    expect(saetning(2)).not.toBe(saetning(3));
    // Longer lists are not kept: each length would be a statement kept for the process's life.
    expect(saetning(LAENGSTE_FORBEREDTE_LISTE + 1)).not.toBe(saetning(LAENGSTE_FORBEREDTE_LISTE + 1));
  });
});
