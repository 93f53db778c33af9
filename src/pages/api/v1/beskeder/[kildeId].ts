import { andreMetoder, apiEndpoint } from '#/features/api/endpoint.server.ts';
import { ruter } from '#/features/api/ruter.server.ts';

export const PUT = apiEndpoint(ruter.beskedSvar);
export const ALL = andreMetoder('PUT');
