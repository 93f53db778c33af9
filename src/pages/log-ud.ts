import type { APIRoute } from 'astro';
import { deleteSessionCookie } from '#/features/login/cookie.ts';
import { huskUdbyderLogud } from '#/features/login/log-ud.ts';
import { invalidateSession } from '#/features/login/session.ts';
import { database } from '#/lib/db.server.ts';

/** Ends the portal session; /logget-ud then ends the identity provider's (RP-initiated logout). */
export const POST: APIRoute = async ({ locals, cookies, url, redirect }) => {
  const session = locals.session;
  deleteSessionCookie(cookies, url);
  if (session) {
    await invalidateSession(database(), session.id);
    huskUdbyderLogud(cookies, url, session.medarbejderId ? 'medarbejder' : 'borger');
  }
  // Same origin, so the form-action CSP lets the browser follow it.
  return redirect('/logget-ud', 303);
};
