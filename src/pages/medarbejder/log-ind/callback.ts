import type { APIRoute } from 'astro';
import { loginMedarbejder } from '#/features/login/login.server.ts';
import { finishLogin } from '#/features/login/oidc.server.ts';
import { database } from '#/lib/db.server.ts';

export const GET: APIRoute = async ({ url, cookies, redirect, locals }) => {
  const result = await finishLogin('medarbejder', url, cookies);
  if (!result.ok) return redirect(`/log-ind/afvist?grund=${result.grund}`);
  const udfald = await loginMedarbejder(database(), result.claims, cookies, url, locals.nu);
  return redirect(udfald.ok ? result.next : `/log-ind/afvist?grund=${udfald.grund}`);
};
