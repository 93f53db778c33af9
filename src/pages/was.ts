/** The /was address Digitaliseringsstyrelsen asks for: it sends the browser on to the accessibility statement. */
import type { APIRoute } from 'astro';
import { kommune } from '#/config/kommune.ts';

export const prerender = false;

export const GET: APIRoute = ({ redirect }) => redirect(kommune.tilgaengelighedserklaering, 302);
