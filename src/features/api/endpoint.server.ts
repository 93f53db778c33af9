/** The Astro side of the API: an endpoint per route, using the portal's database and the request's clock. */
import type { APIRoute } from 'astro';
import { database } from '#/lib/db.server.ts';
import { behandlApiKald, json, metodeIkkeTilladt } from './http.server.ts';
import { openApiDokument } from './openapi.ts';
import type { Rute } from './ruter.server.ts';

/** The endpoint for a route's method. */
export const apiEndpoint =
  (rute: Rute): APIRoute =>
  async ({ request, params, locals }) =>
    await behandlApiKald(database(), rute, request, params, locals.nu);

/** Every other method on the same path: 405 with the allowed one. */
export const andreMetoder =
  (...tilladte: string[]): APIRoute =>
  () =>
    metodeIkkeTilladt(tilladte);

/** GET /api/v1/openapi.json: public, no key. */
export const openApiEndpoint: APIRoute = () => json(200, openApiDokument(), { 'cache-control': 'public, max-age=300' });

/** Any other path under /api/v1: a JSON 404, not the HTML page. */
export const ukendtSti: APIRoute = () => json(404, { fejl: 'Findes ikke. Se /api/v1/openapi.json.' });
