// Staff who may log in: the municipality's identity provider authenticates, this table authorises.
//   npm run medarbejder -- gem --sub <sub> --navn "Sofie Lund" --rolle sagsbehandler --enhed voksenhandicap [--telefon ..] [--email ..]
//   npm run medarbejder -- deaktiver --sub <sub>
//   npm run medarbejder -- liste
// Uses the database in DATABASE_URL (as the portal), migrated first.

import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import {
  alleMedarbejdere,
  deaktiverMedarbejder,
  gemMedarbejder,
  MedarbejderSchema,
} from '#/features/medarbejder/medarbejdere.server.ts';
import { lukDatabase, migrateDatabase, openDatabase } from '../db/client.ts';

const brug = `Brug:
  npm run medarbejder -- gem --sub <sub> --navn <navn> --rolle <rolle> --enhed <enhed> [--telefon <tlf>] [--email <e-mail>]
  npm run medarbejder -- deaktiver --sub <sub>
  npm run medarbejder -- liste

"gem" opretter medarbejderen eller retter den med samme sub (og genaktiverer den).`;

function stop(besked: string): never {
  console.error(`${besked}\n\n${brug}`);
  process.exit(1);
}

function laesArgumenter() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        sub: { type: 'string' },
        navn: { type: 'string' },
        rolle: { type: 'string' },
        enhed: { type: 'string' },
        telefon: { type: 'string' },
        email: { type: 'string' },
        hjaelp: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    stop(e instanceof Error ? e.message : String(e));
  }
}
const args = laesArgumenter();
const [kommando] = args.positionals;
if (args.values.hjaelp || !kommando) {
  console.log(brug);
  process.exit(kommando || args.values.hjaelp ? 0 : 1);
}

const db = openDatabase();
await migrateDatabase(db);
try {
  if (kommando === 'gem') {
    const { sub, ...rest } = args.values;
    const input = MedarbejderSchema.safeParse({ oidcSub: sub, ...rest });
    if (!input.success) stop(input.error.issues.map((i) => i.message).join('\n'));
    const r = await gemMedarbejder(db, input.data);
    console.log(
      `${r.oprettet ? 'Oprettet' : 'Rettet'}: ${input.data.navn} (${input.data.rolle}, ${input.data.enhed}) kan logge ind med sub ${input.data.oidcSub}.`,
    );
  } else if (kommando === 'deaktiver') {
    const sub = z.string().min(1).safeParse(args.values.sub);
    if (!sub.success) stop('Angiv --sub.');
    if (!(await deaktiverMedarbejder(db, sub.data))) stop(`Der er ingen aktiv medarbejder med sub ${sub.data}.`);
    console.log(
      `Medarbejderen med sub ${sub.data} kan ikke længere logge ind, og en åben session afvises ved næste klik.`,
    );
  } else if (kommando === 'liste') {
    for (const m of await alleMedarbejdere(db))
      console.log(
        `${m.aktiv ? 'aktiv    ' : 'deaktiv. '} ${m.enhed.padEnd(24)} ${m.rolle.padEnd(14)} ${m.navn}  (sub ${m.oidcSub})`,
      );
  } else {
    stop(`Ukendt kommando "${kommando}".`);
  }
} finally {
  await lukDatabase(db);
}
