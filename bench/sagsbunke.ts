/**
 * A unit with a large caseload for the bench: citizens with cases in Sofie Lund's unit
 * (Voksenhandicap) until the unit holds `antal` cases in all, some of them hers. Added to a
 * copy of the database before the server starts, as crash-fixtures.ts adds cases.
 */
import { count, eq } from 'drizzle-orm';
import { dagen, plusDage } from '#/lib/dato.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { demoMedarbejdere } from '../db/seed.ts';

const SAGER_PR_BORGER = 3;

/** Fills the unit up to `antal` cases; returns the unit and the number of cases it then has. */
export function tilfoejSagsbunke(db: Db, antal = 3_000): { enhed: string; sager: number } {
  const [sofie] = demoMedarbejdere;
  const enhed = sofie.enhed;
  const idag = dagen(new Date());
  const har = db.select({ n: count() }).from(t.sager).where(eq(t.sager.enhed, enhed)).get()?.n ?? 0;
  const mangler = Math.max(0, antal - har);
  db.transaction((tx) => {
    for (let i = 0; i < mangler; i += SAGER_PR_BORGER) {
      const personId = crypto.randomUUID();
      const foedselsdato = plusDage('1950-01-01', i);
      const ddmmaa = `${foedselsdato.slice(8, 10)}${foedselsdato.slice(5, 7)}${foedselsdato.slice(2, 4)}`;
      tx.insert(t.personer)
        .values({
          id: personId,
          // Serial 7000 and up: never one of the demo's or the large database's CPR numbers.
          cpr: `${ddmmaa}${7000 + Math.floor(i / 9_000)}`,
          navn: `Bunke Borger ${i / SAGER_PR_BORGER + 1}`,
          foedselsdato,
          adresse: `Bunkevej ${i}, Hedensted`,
          by: 'Hedensted',
          telefon: '20304050',
        })
        .run();
      for (let k = 0; k < Math.min(SAGER_PR_BORGER, mangler - i); k++) {
        const aaben = (i + k) % 4 !== 0;
        tx.insert(t.sager)
          .values({
            id: crypto.randomUUID(),
            personId,
            enhed,
            titel: `Socialpædagogisk støtte ${i + k + 1}`,
            lovgrundlag: 'Serviceloven § 85',
            trin: aaben ? 1 + ((i + k) % 5) : 6,
            aaben,
            sagsbehandlerId: (i + k) % 10 === 0 ? sofie.id : null,
            modtaget: plusDage(idag, -((i + k) % 300) - 10),
            frist: plusDage(idag, 60 - ((i + k) % 300)),
          })
          .run();
      }
    }
  });
  return { enhed, sager: har + mangler };
}
