import type { AstroCookies } from 'astro';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loginMedarbejder } from '#/features/login/login.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { medarbejdere } from '../../../db/schema.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { deaktiverMedarbejder, gemMedarbejder, MedarbejderSchema } from './medarbejdere.server.ts';

const kager = { set: () => undefined } as unknown as AstroCookies;
const logInd = async (sub: string) =>
  await loginMedarbejder(
    db,
    { sub },
    kager,
    new URL('https://mitforloeb.hedensted.dk/'),
    new Date('2026-11-30T09:00:00Z'),
  );

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
});

const anne = { oidcSub: 'entra-7f3a', navn: 'Anne Holt', rolle: 'visitator', enhed: 'vest' } as const;

describe('medarbejdere, som driften registrerer dem', () => {
  it('opretter, retter med samme sub, og genaktiverer', async () => {
    const a = await gemMedarbejder(db, anne);
    expect(a.oprettet).toBe(true);
    expect(await deaktiverMedarbejder(db, anne.oidcSub)).toBe(true);
    const b = await gemMedarbejder(db, { ...anne, enhed: 'oest', email: 'anne.holt@hedensted.dk' });
    expect(b).toEqual({ id: a.id, oprettet: false });
    expect(foerste(await db.select().from(medarbejdere).where(eq(medarbejdere.id, a.id)))).toMatchObject({
      enhed: 'oest',
      aktiv: true,
      email: 'anne.holt@hedensted.dk',
    });
  });

  it('en deaktiveret medarbejder kan ikke logge ind', async () => {
    await gemMedarbejder(db, anne);
    expect(await logInd(anne.oidcSub)).toEqual({ ok: true });
    await deaktiverMedarbejder(db, anne.oidcSub);
    expect(await logInd(anne.oidcSub)).toEqual({ ok: false, grund: 'ukendt-medarbejder' });
    expect(await deaktiverMedarbejder(db, anne.oidcSub)).toBe(false);
  });

  it.each([
    [{ ...anne, rolle: 'chef' }, 'rolle', /Rollen skal være en af/],
    [{ ...anne, enhed: 'mars' }, 'enhed', /Enheden skal være en af: oest, vest, midt/],
    [{ ...anne, navn: ' ' }, 'navn', /mindst 2 tegn/],
    [{ ...anne, oidcSub: undefined }, 'oidcSub', /Angiv --sub/],
    [{ ...anne, email: 'anne' }, 'email', /E-mailadressen/],
  ])('afviser forkerte oplysninger med en dansk besked (%#)', (input, felt, besked) => {
    const r = MedarbejderSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(defined(r.error, 'Fejlen').issues.find((i) => i.path[0] === felt)?.message).toMatch(besked);
  });
});
