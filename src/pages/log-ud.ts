import type { APIRoute } from 'astro';
import { invalidateSession } from '../features/login/session.ts';
import { deleteSessionCookie } from '../features/login/cookie.ts';
import { logoutUrl } from '../features/login/oidc.server.ts';
import { database } from '../lib/db.server.ts';

/** Ends the portal session, then the identity provider's (RP-initiated logout). */
export const POST: APIRoute = async ({ locals, cookies, url, redirect }) => {
  const session = locals.session;
  deleteSessionCookie(cookies, url);
  if (!session) return redirect('/logget-ud');
  invalidateSession(database(), session.id);
  const end = await logoutUrl(session.medarbejderId ? 'medarbejder' : 'borger', session.idToken);
  return redirect(end?.href ?? '/logget-ud');
};
