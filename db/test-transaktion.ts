/**
 * For tests: a transaction held open on `db` until the test lets it go, as another request's
 * transaction would be while the test does something beside it.
 */
import type { Db } from './client.ts';
import { hemmeligheder } from './schema.ts';

/**
 * Writes `raekke` inside a transaction and waits there: `aaben` resolves once it is open, `slut`
 * lets it end, and `tx` settles with it (committed, or rolled back with the error 'afvist').
 */
export function aabenTransaktion(
  db: Db,
  udfald: 'commit' | 'rollback',
  raekke = { navn: 'i-transaktionen', vaerdi: '1' },
) {
  let aabnet = () => {};
  let slut = () => {};
  const aaben = new Promise<void>((r) => {
    aabnet = r;
  });
  const faerdig = new Promise<void>((r) => {
    slut = r;
  });
  const tx = db.transaction(async (tx) => {
    await tx.insert(hemmeligheder).values({ ...raekke, oprettet: '2026-12-02T10:00:00.000Z' });
    aabnet();
    await faerdig;
    if (udfald === 'rollback') throw new Error('afvist');
  });
  return { aaben, slut, tx };
}
