import { describe, expect, it } from 'vitest';
import { closeAllDatabases, lukDatabase } from './client.ts';
import { personer } from './schema.ts';
import { toForbindelser } from './test-database.ts';

// A file of its own: closeAllDatabases closes every database of the process (what shutdown does).
describe('lukning af databaser', () => {
  it('en database lukket med lukDatabase lukkes ikke igen af closeAllDatabases, og en anden lukkes', async () => {
    const { a, b } = await toForbindelser('luk');
    await lukDatabase(a);
    await lukDatabase(a);
    expect(await closeAllDatabases()).toBe(1);
    await expect(b.select().from(personer)).rejects.toThrow();
    await lukDatabase(b);
  });
});
