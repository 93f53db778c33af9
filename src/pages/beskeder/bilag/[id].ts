import type { APIRoute } from 'astro';
import { IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { hentBeskedbilag } from '#/features/beskeder/beskeder.server.ts';
import { brugerFra } from '#/features/login/bruger.ts';
import { database } from '#/lib/db.server.ts';

/** A message's attachment, only for those who may read the thread; always downloaded, never rendered inline. */
export const GET: APIRoute = async ({ params, locals }) => {
  const id = params.id;
  if (!id) throw new IkkeFundet();
  const b = await hentBeskedbilag(database(), brugerFra(locals), id, locals.nu);
  return new Response(b.bytes, {
    headers: {
      'content-type': b.type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(b.filnavn)}`,
      'cache-control': 'no-store',
    },
  });
};
