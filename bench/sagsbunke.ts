/**
 * A unit with a large caseload for the bench: a unit of its own ("sagsbunke") with `antal`
 * cases, 3 per citizen, a tenth of them assigned to its caseworker Bo Bunke, who logs in
 * through the stand-in login like the demo's staff. Its own unit, so it holds exactly `antal`
 * cases with the demo data and with the large database alike. Added to a copy of the
 * database before the server starts, as crash-fixtures.ts adds cases.
 */
import { dagen, plusDage } from '#/lib/dato.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

const SAGER_PR_BORGER = 3;
export const SAGSBUNKE = { enhed: 'sagsbunke', medarbejder: 'Bo Bunke' } as const;

export async function tilfoejSagsbunke(db: Db, antal = 3_000): Promise<void> {
  const idag = dagen(new Date());
  const medarbejderId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(t.medarbejdere).values({
      id: medarbejderId,
      oidcSub: 'medarbejder-bo-bunke',
      navn: SAGSBUNKE.medarbejder,
      rolle: 'sagsbehandler',
      enhed: SAGSBUNKE.enhed,
    });
    for (let i = 0; i < antal; i += SAGER_PR_BORGER) {
      const personId = crypto.randomUUID();
      const foedselsdato = plusDage('1950-01-01', i);
      const ddmmaa = `${foedselsdato.slice(8, 10)}${foedselsdato.slice(5, 7)}${foedselsdato.slice(2, 4)}`;
      await tx.insert(t.personer).values({
        id: personId,
        // Serial 7000: never one of the demo's (1xxx, 4xxx) or the large database's (5000-5003).
        cpr: `${ddmmaa}7000`,
        navn: `Bunke Borger ${i / SAGER_PR_BORGER + 1}`,
        foedselsdato,
        adresse: `Bunkevej ${i}, Hedensted`,
        by: 'Hedensted',
        telefon: '20304050',
      });
      for (let k = 0; k < Math.min(SAGER_PR_BORGER, antal - i); k++) {
        const n = i + k;
        const aaben = n % 4 !== 0;
        await tx.insert(t.sager).values({
          id: crypto.randomUUID(),
          personId,
          enhed: SAGSBUNKE.enhed,
          titel: `Socialpædagogisk støtte ${n + 1}`,
          lovgrundlag: 'Serviceloven § 85',
          trin: aaben ? 1 + (n % 5) : 6,
          aaben,
          sagsbehandlerId: n % 10 === 0 ? medarbejderId : null,
          modtaget: plusDage(idag, -(n % 300) - 10),
          frist: plusDage(idag, 60 - (n % 300)),
        });
      }
    }
  });
}
