/**
 * Drafts of free-text forms. The page's script saves what is typed (every few seconds while
 * typing); the form page gives it back on the next visit by the same person, until it is sent.
 * Saving is also activity: a person writing a long complaint is not logged out for idling.
 */
import { z } from 'astro/zod';
import { and, eq, lt } from 'drizzle-orm';
import { type Db, foerste } from '../../../db/client.ts';
import { formularkladder } from '../../../db/schema.ts';

const MAKS_FELTER = 20;
const MAKS_TEGN = 20_000;

export const KladdeSchema = z.object({
  /** The form's page: the text is only given back there. */
  sti: z
    .string()
    .max(300)
    .regex(/^\/[a-z0-9/_-]*$/i, 'Ukendt side.'),
  felter: z.array(z.tuple([z.string().max(100), z.string().max(MAKS_TEGN)])).max(MAKS_FELTER),
});
export type Kladde = z.output<typeof KladdeSchema>;

/** Whose the draft is: the session's user, never the person they act for (a relative's text is theirs). */
export const kladdeEjer = (s: { personId: string | null; medarbejderId: string | null }): string =>
  s.medarbejderId ? `m:${s.medarbejderId}` : `p:${s.personId}`;

/** Saves the draft; empty fields only (everything deleted) remove it. */
export async function gemKladde(db: Db, ejer: string, kladde: Kladde, now: Date): Promise<void> {
  const felter = kladde.felter.filter(([, v]) => v.trim() !== '');
  if (felter.length === 0) return await sletKladde(db, ejer, kladde.sti);
  await db
    .insert(formularkladder)
    .values({ id: crypto.randomUUID(), ejer, sti: kladde.sti, felter: kladde.felter, gemt: now.getTime() })
    .onConflictDoUpdate({
      target: [formularkladder.ejer, formularkladder.sti],
      set: { felter: kladde.felter, gemt: now.getTime() },
    });
}

export async function hentKladde(db: Db, ejer: string, sti: string) {
  const k = foerste(
    await db
      .select()
      .from(formularkladder)
      .where(and(eq(formularkladder.ejer, ejer), eq(formularkladder.sti, sti))),
  );
  return k?.felter;
}

export async function sletKladde(db: Pick<Db, 'delete'>, ejer: string, sti: string): Promise<void> {
  await db.delete(formularkladder).where(and(eq(formularkladder.ejer, ejer), eq(formularkladder.sti, sti)));
}

/** Deletes drafts not changed for `dage` (the application drafts' period, OPBEVARING_KLADDE_DAGE); returns how many. */
export async function rydFormularkladder(db: Pick<Db, 'delete'>, now: Date, dage: number): Promise<number> {
  const graense = now.getTime() - dage * 86_400_000;
  return (
    await db.delete(formularkladder).where(lt(formularkladder.gemt, graense)).returning({ id: formularkladder.id })
  ).length;
}
