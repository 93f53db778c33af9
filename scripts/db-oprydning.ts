// npm run db:oprydning: deletes now what is past its retention period; the server also does it every 10 minutes.
import { existsSync } from 'node:fs';
import { databasePath, openDatabase } from '../db/client.ts';
import { miljoe } from '../src/config/miljoe.ts';
import { opbevaring } from '../src/config/opbevaring.ts';
import { ryd } from '../src/features/opbevaring/oprydning.server.ts';
import { bilagDir } from '../src/features/hjaelpemidler/ansoegning.server.ts';

const fil = databasePath(miljoe().DATABASE_URL);
if (!existsSync(fil)) {
  console.error(`Databasen ${fil} findes ikke. Sæt DATABASE_URL til portalens database.`);
  process.exit(1);
}
const perioder = opbevaring();
const db = openDatabase();
const r = ryd(db, perioder, bilagDir(), new Date());
db.$client.close();
console.log(`Slettet: ${r.sessioner} udløbne sessioner, ${r.kladder} kladder ældre end ${perioder.kladdeDage} dage med ${r.bilag} bilag, ${r.logposter} logposter ældre end ${perioder.logDage} dage, ${r.foraeldreloeseFiler} filer uden bilag.`);
