// npm run db:pg-skema: writes db/pg/schema.ts, the PostgreSQL mirror of db/schema.ts (see db/pg/spejl.ts).
import { writeFileSync } from 'node:fs';
import { pgSkemaFil } from '../db/pg/spejl.ts';
import * as skema from '../db/schema.ts';

const fil = new URL('../db/pg/schema.ts', import.meta.url);
writeFileSync(fil, pgSkemaFil(skema));
console.log(`Skrev ${fil.pathname}`);
