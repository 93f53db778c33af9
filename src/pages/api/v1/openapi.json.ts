import { andreMetoder, openApiEndpoint } from '#/features/api/endpoint.server.ts';

export const GET = openApiEndpoint;
export const ALL = andreMetoder('GET');
