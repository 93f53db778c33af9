import type { APIRoute } from 'astro';
import { safeNext, startLogin } from '../../../features/login/oidc.server.ts';
import { cookieSecure } from '../../../features/login/cookie.ts';

export const GET: APIRoute = async ({ url, cookies, redirect }) =>
  redirect((await startLogin('medarbejder', cookies, cookieSecure(url), safeNext(url.searchParams.get('next'), '/medarbejder'))).href);
