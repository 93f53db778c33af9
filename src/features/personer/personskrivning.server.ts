/**
 * The one writer of persons: a citizen seen for the first time at login, and persons a case
 * system sends. architecture.test.ts keeps it the only one.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { personer } from '../../../db/schema.ts';

type Skriver = Pick<Db, 'insert' | 'update'>;
type Person = typeof personer.$inferInsert;

/** A new person; returns the row as written. */
export async function nyPerson(tx: Skriver, person: Omit<Person, 'id'>): Promise<Person & { id: string }> {
  const ny = { id: crypto.randomUUID(), ...person };
  await tx.insert(personer).values(ny);
  return ny;
}

/** Changes a person's details. */
export async function retPerson(tx: Skriver, id: string, person: Partial<Omit<Person, 'id'>>): Promise<void> {
  await tx.update(personer).set(person).where(eq(personer.id, id));
}
