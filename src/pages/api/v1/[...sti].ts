import { ukendtSti } from '#/features/api/endpoint.server.ts';

export const ALL = ukendtSti;
