import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '#/features/login/session.ts';
import { defined } from '#/lib/defined.ts';
import { audit, personer } from '../../../db/schema.ts';
import { demoSag } from '../../../db/test-fixtures.ts';
import { kan, kraevPerson, kraevSag, loadBruger } from './adgang.server.ts';
import { Forespoergsel } from './forespoergsel.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

const spor = { handling: 'se', hvad: 'Test: forespørgsel' } as const;

/** The keys the memory actually read (not those it already had), in order. */
function noeglerLaest(f: Forespoergsel): string[] {
  const laeste: string[] = [];
  const husk = f.husk.bind(f);
  vi.spyOn(f, 'husk').mockImplementation((noegle, laes) =>
    husk(noegle, () => {
      laeste.push(noegle);
      return laes();
    }),
  );
  return laeste;
}

describe('én forespørgsels hukommelse i døren', () => {
  it('læser personens adgangsfakta én gang, selv om døren spørges flere gange', async () => {
    const v = await nyVerden();
    const ali = await v.borger('ali');
    const f = new Forespoergsel(v.db);
    ali.forespoergsel = f;
    const laeste = noeglerLaest(f);
    for (const h of ['se-sager', 'se-moeder', 'se-plan', 'soege-hjaelpemidler'] as const)
      expect(await kan(v.db, ali, h, v.demo.ali.id, NU)).toBe(true);
    await kraevPerson(v.db, ali, 'se-sager', v.demo.ali.id, spor, NU);
    expect(laeste).toEqual([`person:${v.demo.ali.id}`, `personraekke:${v.demo.ali.id}`]);
  });

  it('læser personens række én gang for log ind, sagen og døren (en sagsside)', async () => {
    const v = await nyVerden();
    const f = new Forespoergsel(v.db);
    const laeste = noeglerLaest(f);
    const session = { personId: v.demo.ali.id, medarbejderId: null, handlerForId: null } as Session;
    const ali = defined(await loadBruger(v.db, session, NU, f), 'Ali');
    expect(ali.forespoergsel).toBe(f);
    const sag = await demoSag(v.db, v.demo.ali.id, 'Serviceloven § 97');
    // A change after the row was read does not reach this request: the case's person is the row read at log in.
    await v.db.update(personer).set({ navn: 'Ændret' }).where(eq(personer.id, v.demo.ali.id));
    const { person } = await kraevSag(v.db, ali, 'se-sager', sag.id, spor, NU);
    expect(person.navn).toBe('Ali Hassan');
    expect(await kan(v.db, ali, 'se-moeder', v.demo.ali.id, NU)).toBe(true);
    expect(laeste.filter((n) => n.startsWith('personraekke:'))).toEqual([`personraekke:${v.demo.ali.id}`]);
  });

  it('en medarbejder får også forespørgslens hukommelse (og dens samlede log)', async () => {
    const v = await nyVerden();
    const f = new Forespoergsel(v.db);
    const session = { personId: null, medarbejderId: v.medarbejderId('sofie'), handlerForId: null } as Session;
    expect(defined(await loadBruger(v.db, session, NU, f), 'Sofie').forespoergsel).toBe(f);
  });

  it('uden forespørgsel (en formular) har brugeren ingen hukommelse', async () => {
    const v = await nyVerden();
    const session = { personId: v.demo.ali.id, medarbejderId: null, handlerForId: null } as Session;
    expect(defined(await loadBruger(v.db, session, NU), 'Ali').forespoergsel).toBeUndefined();
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
