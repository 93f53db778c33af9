import type { APIRoute } from 'astro';
import { cookieSecure } from '#/features/login/cookie.ts';
import { safeNext } from '#/features/login/next.ts';
import { kanoniskStart, startLogin } from '#/features/login/oidc.server.ts';

export const GET: APIRoute = async ({ url, cookies, redirect }) => {
  const flyt = kanoniskStart('borger', url);
  if (flyt) return redirect(flyt.href);
  const til = await startLogin(
    'borger',
    cookies,
    cookieSecure(url),
    safeNext(url.searchParams.get('next'), '/min-side'),
  );
  return redirect(til ? til.href : '/log-ind/afvist?grund=udbyder');
};
