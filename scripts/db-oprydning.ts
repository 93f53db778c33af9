// npm run db:oprydning: deletes now what is past its retention period; the server also does it every 10 minutes.
import { existsSync } from 'node:fs';
import { miljoe } from '#/config/miljoe.ts';
import { opbevaring } from '#/config/opbevaring.ts';
import { bilagDir } from '#/features/hjaelpemidler/ansoegning.server.ts';
import { ryd } from '#/features/opbevaring/oprydning.server.ts';
import { databasePath, lukDatabase, motorFor, openDatabase } from '../db/client.ts';

const url = miljoe().DATABASE_URL;
const fil = motorFor(url) === 'sqlite' ? databasePath(url) : undefined;
if (fil && !existsSync(fil)) {
  console.error(`Databasen ${fil} findes ikke. Sæt DATABASE_URL til portalens database.`);
  process.exit(1);
}
const perioder = opbevaring();
const db = openDatabase();
const r = await ryd(db, perioder, bilagDir(), new Date());
await lukDatabase(db);
console.log(
  `Slettet: ${r.sessioner} udløbne sessioner, ${r.kladder} kladder ældre end ${perioder.kladdeDage} dage med ${r.bilag} bilag, ${r.logposter} logposter ældre end ${perioder.logDage} dage, ${r.foraeldreloeseFiler} filer uden bilag, ${r.hastighedsvinduer} afsluttede vinduer i hastighedsbegrænsningen, ${r.formularnoegler} brugte formularnøgler ældre end 30 dage.`,
);
