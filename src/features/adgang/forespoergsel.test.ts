import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { audit } from '../../../db/schema.ts';
import { kan, kraevPerson } from './adgang.server.ts';
import { Forespoergsel } from './forespoergsel.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

const spor = { handling: 'se', hvad: 'Test: forespørgsel' } as const;

describe('én forespørgsels hukommelse i døren', () => {
  it('læser personens adgangsfakta én gang, selv om døren spørges flere gange', async () => {
    const v = await nyVerden();
    const ali = await v.borger('ali');
    const f = new Forespoergsel(v.db);
    ali.forespoergsel = f;
    const laeste: string[] = [];
    const husk = f.husk.bind(f);
    vi.spyOn(f, 'husk').mockImplementation((noegle, laes) =>
      husk(noegle, () => {
        laeste.push(noegle);
        return laes();
      }),
    );
    for (const h of ['se-sager', 'se-moeder', 'se-plan', 'soege-hjaelpemidler'] as const)
      expect(await kan(v.db, ali, h, v.demo.ali.id, NU)).toBe(true);
    await kraevPerson(v.db, ali, 'se-sager', v.demo.ali.id, spor, NU);
    expect(laeste).toEqual([`person:${v.demo.ali.id}`]);
  });

  it('husker ikke et nej som et ja: en anden person afgøres på sine egne fakta', async () => {
    const v = await nyVerden();
    const ali = await v.borger('ali');
    ali.forespoergsel = new Forespoergsel(v.db);
    expect(await kan(v.db, ali, 'se-sager', v.demo.ali.id, NU)).toBe(true);
    expect(await kan(v.db, ali, 'se-sager', v.demo.freja.id, NU)).toBe(false);
    await expect(kraevPerson(v.db, ali, 'se-sager', v.demo.freja.id, spor, NU)).rejects.toThrow();
  });

  it('dørens logrækker venter på forespørgslens commit og er gemt, når den er færdig', async () => {
    const v = await nyVerden();
    const ali = await v.borger('ali');
    const f = new Forespoergsel(v.db);
    ali.forespoergsel = f;
    await kraevPerson(v.db, ali, 'se-sager', v.demo.ali.id, spor, NU);
    expect(await logget(v)).toBe(0);
    await f.gem();
    expect(await logget(v)).toBe(1);
    // After the commit (a component rendered while the page streams) a row is written at once.
    await kraevPerson(v.db, ali, 'se-sager', v.demo.ali.id, spor, NU);
    expect(await logget(v)).toBe(2);
  });

  it('på en anden forbindelse end forespørgslens skrives logrækken med det samme', async () => {
    const v = await nyVerden();
    const ali = await v.borger('ali');
    ali.forespoergsel = new Forespoergsel((await nyVerden()).db);
    await kraevPerson(v.db, ali, 'se-sager', v.demo.ali.id, spor, NU);
    expect(await logget(v)).toBe(1);
  });
});

const logget = async (v: Awaited<ReturnType<typeof nyVerden>>) =>
  (
    await v.db
      .select()
      .from(audit)
      .where(and(eq(audit.hvad, 'Test: forespørgsel'), eq(audit.personId, v.demo.ali.id)))
  ).length;
