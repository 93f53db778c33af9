import { nyTestDatabase } from '../../../db/test-database.ts';
/** Shared setup for the access tests: the demo world, and each persona as a logged-in user. */

import type { Session } from '#/features/login/session.ts';
import type { Db } from '../../../db/client.ts';
import { demoMedarbejdere, seedDemo } from '../../../db/seed.ts';
import { type Bruger, loadBruger } from './adgang.server.ts';

export const IDAG = '2026-11-24';
export const NU = new Date('2026-11-24T09:00:00Z');

export type Medarbejder = 'sofie' | 'henrik' | 'maria' | 'peter' | 'lene';

export async function nyVerden() {
  const db: Db = await nyTestDatabase();
  const demo = await seedDemo(db, IDAG);
  const session = (ejer: Partial<Session>): Session =>
    ({ personId: null, medarbejderId: null, handlerForId: null, ...ejer }) as Session;
  const bruger = async (s: Session): Promise<Bruger> => {
    const b = await loadBruger(db, s, NU);
    if (!b) throw new Error('Ingen bruger');
    return b;
  };
  const medarbejderId = (navn: Medarbejder) => {
    const m = demoMedarbejdere.find((x) => x.navn.toLowerCase().startsWith(navn));
    if (!m) throw new Error(navn);
    return m.id;
  };
  return {
    db,
    demo,
    medarbejderId,
    medarbejder: async (navn: Medarbejder) => await bruger(session({ medarbejderId: medarbejderId(navn) })),
    /** A staff member the test added to the database. */
    medarbejderMedId: async (id: string) => await bruger(session({ medarbejderId: id })),
    borger: async (navn: keyof typeof demo) => await bruger(session({ personId: demo[navn].id })),
  };
}
