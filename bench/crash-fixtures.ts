/**
 * Extra cases for the crash test, added to the demo before the server starts. The demo has
 * one open klagefrist and one partshøring (both Ali's), too few for a storm of real writes;
 * these give several personas, and Freja's parents acting for her, more to answer.
 */
import { eq } from 'drizzle-orm';
import { dagen, plusDage } from '#/lib/dato.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../db/client.ts';
import * as t from '../db/schema.ts';

export interface CrashFixtures {
  /**
   * Person name → cases with a decision whose klagefrist is open. A decision takes one complaint
   * (a second is refused), so the storm uses each case for one complaint form only.
   */
  klagesager: Record<string, string[]>;
  /** Person name → cases with an unanswered partshøring. */
  partshoeringssager: Record<string, string[]>;
}

/** Names whose cases get a decision to complain about and partshøringer to answer. */
const PERSONER = ['Ali Hassan', 'Birgit Sørensen', 'Jens Madsen', 'Freja Holm'];

export async function addCrashFixtures(
  db: Db,
  klagesagerPrPerson: number,
  partshoeringerPrPerson = 6,
): Promise<CrashFixtures> {
  const idag = dagen(new Date());
  const d = (n: number) => plusDage(idag, n);
  const fixtures: CrashFixtures = { klagesager: {}, partshoeringssager: {} };
  await db.transaction(async (tx) => {
    for (const navn of PERSONER) {
      const person = foerste(await tx.select().from(t.personer).where(eq(t.personer.navn, navn)));
      if (!person) throw new Error(`Demo-personen ${navn} mangler`);
      const sag = async (titel: string, trin: number) => {
        const id = crypto.randomUUID();
        await tx.insert(t.sager).values({
          id,
          personId: person.id,
          enhed: 'voksenhandicap',
          titel,
          lovgrundlag: 'Serviceloven § 100',
          trin,
          aaben: true,
          modtaget: d(-60),
          frist: d(20),
        });
        return id;
      };
      fixtures.klagesager[navn] = [];
      for (let i = 0; i < klagesagerPrPerson; i++) {
        const afgjort = await sag(`Dækning af merudgifter ${i + 1} (crashtest)`, 6);
        await tx.insert(t.afgoerelser).values({
          id: crypto.randomUUID(),
          sagId: afgjort,
          udfald: 'afslag',
          dato: d(-5),
          begrundelse: 'Crashtest.',
          klagevejledning: 'Du kan klage inden 4 uger.',
          klagefrist: d(23),
        });
        fixtures.klagesager[navn].push(afgjort);
      }
      fixtures.partshoeringssager[navn] = [];
      for (let i = 0; i < partshoeringerPrPerson; i++) {
        const id = await sag(`Ledsagelse ${i + 1} (crashtest)`, 5);
        await tx.insert(t.partshoeringer).values({
          id: crypto.randomUUID(),
          sagId: id,
          materiale: 'Udtalelse fra lægen (crashtest).',
          sendt: d(-2),
          svarfrist: d(5),
        });
        fixtures.partshoeringssager[navn].push(id);
      }
    }
  });
  // The demo's own: Ali's refusal with an open klagefrist and his open partshøring.
  const ali = defined(
    foerste(await db.select().from(t.personer).where(eq(t.personer.navn, 'Ali Hassan'))),
    'Ali Hassan',
  );
  const aliSager = await db.select().from(t.sager).where(eq(t.sager.personId, ali.id));
  fixtures.klagesager['Ali Hassan'] = [
    ...(fixtures.klagesager['Ali Hassan'] ?? []),
    ...aliSager
      .filter((s) => s.lovgrundlag === 'Serviceloven § 100' && !s.titel.includes('crashtest'))
      .map((s) => s.id),
  ];
  fixtures.partshoeringssager['Ali Hassan'] = [
    ...(fixtures.partshoeringssager['Ali Hassan'] ?? []),
    ...aliSager.filter((s) => s.lovgrundlag === 'Serviceloven § 97').map((s) => s.id),
  ];
  return fixtures;
}
