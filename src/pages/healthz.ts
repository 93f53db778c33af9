import type { APIRoute } from 'astro';
import { database } from '#/lib/db.server.ts';
import { anvendteMigreringer, kendteMigreringer, motor } from '../../db/client.ts';

// The migrations this build knows do not change while it runs: read the journal once, not at every probe.
let forventet: number | undefined;

/** For a load balancer: the database answers and every migration is applied. No personal data. */
export const GET: APIRoute = async () => {
  const json = (status: number, body: object) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  try {
    const db = database();
    forventet ??= kendteMigreringer(motor(db));
    const anvendt = await anvendteMigreringer(db);
    return anvendt === forventet
      ? json(200, { status: 'ok', migreringer: anvendt })
      : json(503, { status: 'migreringer mangler', anvendt, forventet });
  } catch {
    return json(503, { status: 'databasen svarer ikke' });
  }
};
