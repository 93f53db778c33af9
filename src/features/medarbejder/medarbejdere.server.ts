import { z } from 'astro/zod';
import { and, asc, eq } from 'drizzle-orm';
import { kommune } from '#/config/kommune.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { medarbejdere } from '../../../db/schema.ts';

/** Colleagues a case can be handed to. Staff names are not personal data of a citizen. */
export async function aktiveMedarbejdere(db: Db) {
  return await db
    .select({ id: medarbejdere.id, navn: medarbejdere.navn, enhed: medarbejdere.enhed })
    .from(medarbejdere)
    .where(eq(medarbejdere.aktiv, true))
    .orderBy(asc(medarbejdere.navn));
}

const enheder = [...kommune.teams.map((t) => t.id), ...kommune.enheder.map((e) => e.id)] as [string, ...string[]];

/** A staff member as the operator registers them (`npm run medarbejder`). */
export const MedarbejderSchema = z.object({
  oidcSub: z
    .string({ error: 'Angiv --sub: det id (sub), kommunens login sender for medarbejderen.' })
    .trim()
    .min(1)
    .max(200),
  navn: z.string({ error: 'Angiv --navn.' }).trim().min(2, 'Navnet skal have mindst 2 tegn.').max(200),
  rolle: z.enum(medarbejdere.rolle.enumValues, {
    error: `Rollen skal være en af: ${medarbejdere.rolle.enumValues.join(', ')}.`,
  }),
  enhed: z.enum(enheder, { error: `Enheden skal være en af: ${enheder.join(', ')} (se src/config/kommune.ts).` }),
  telefon: z.string().trim().max(40).optional(),
  email: z.email('E-mailadressen ser forkert ud.').optional(),
});
export type MedarbejderInput = z.output<typeof MedarbejderSchema>;

/** Creates the staff member, or updates and reactivates the one with the same sub. */
export async function gemMedarbejder(db: Db, input: MedarbejderInput): Promise<{ id: string; oprettet: boolean }> {
  const felter = {
    navn: input.navn,
    rolle: input.rolle,
    enhed: input.enhed,
    telefon: input.telefon ?? null,
    email: input.email ?? null,
    aktiv: true,
  };
  const findes = foerste(
    await db.select({ id: medarbejdere.id }).from(medarbejdere).where(eq(medarbejdere.oidcSub, input.oidcSub)),
  );
  if (findes) {
    await db.update(medarbejdere).set(felter).where(eq(medarbejdere.id, findes.id));
    return { id: findes.id, oprettet: false };
  }
  const id = crypto.randomUUID();
  await db.insert(medarbejdere).values({ id, oidcSub: input.oidcSub, ...felter });
  return { id, oprettet: true };
}

/** Stops a staff member's login and ends their sessions at the next request; cases keep their name. */
export async function deaktiverMedarbejder(db: Db, oidcSub: string): Promise<boolean> {
  return (
    (
      await db
        .update(medarbejdere)
        .set({ aktiv: false })
        .where(and(eq(medarbejdere.oidcSub, oidcSub), eq(medarbejdere.aktiv, true)))
        .returning({ id: medarbejdere.id })
    ).length > 0
  );
}

export async function alleMedarbejdere(db: Db) {
  return await db.select().from(medarbejdere).orderBy(asc(medarbejdere.enhed), asc(medarbejdere.navn));
}
