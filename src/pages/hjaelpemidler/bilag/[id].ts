import type { APIRoute } from 'astro';
import { IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { hentBilag } from '#/features/hjaelpemidler/ansoegning.server.ts';
import { brugerFra } from '#/features/login/bruger.ts';
import { database } from '#/lib/db.server.ts';

/** An attachment, only for those who may see the application; always downloaded, never rendered inline. */
export const GET: APIRoute = async ({ params, locals }) => {
  const bruger = brugerFra(locals);
  const id = params.id;
  if (!id) throw new IkkeFundet();
  const b = await hentBilag(database(), bruger, id, locals.nu);
  return new Response(b.bytes, {
    headers: {
      'content-type': b.type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(b.filnavn)}`,
      'cache-control': 'no-store',
    },
  });
};
