import { andreMetoder, apiEndpoint } from '#/features/api/endpoint.server.ts';
import { ruter } from '#/features/api/ruter.server.ts';

export const POST = apiEndpoint(ruter.kvitter);
export const ALL = andreMetoder('POST');
