import type { APIRoute } from 'astro';
import { database } from '../../../lib/db.server.ts';
import { hentBilag } from '../../../features/hjaelpemidler/ansoegning.server.ts';

/** An attachment, only for those who may see the application; always downloaded, never rendered inline. */
export const GET: APIRoute = ({ params, locals, redirect, url }) => {
  if (!locals.bruger) return redirect(`/log-ind?next=${encodeURIComponent(url.pathname)}`);
  const b = hentBilag(database(), locals.bruger, params.id!, locals.nu);
  return new Response(b.bytes, {
    headers: { 'content-type': b.type, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(b.filnavn)}`, 'cache-control': 'no-store' },
  });
};
