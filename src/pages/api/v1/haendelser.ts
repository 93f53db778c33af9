import { andreMetoder, apiEndpoint } from '#/features/api/endpoint.server.ts';
import { ruter } from '#/features/api/ruter.server.ts';

export const GET = apiEndpoint(ruter.haendelser);
export const ALL = andreMetoder('GET');
