import type { APIRoute } from 'astro';
import { database } from '../lib/db.server.ts';
import { kendteMigreringer } from '../../db/client.ts';

/** For a load balancer: the database answers and every migration is applied. No personal data. */
export const GET: APIRoute = () => {
  const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  try {
    const forventet = kendteMigreringer();
    const anvendt = (database().$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    return anvendt === forventet ? json(200, { status: 'ok', migreringer: anvendt }) : json(503, { status: 'migreringer mangler', anvendt, forventet });
  } catch {
    return json(503, { status: 'databasen svarer ikke' });
  }
};
