import type { APIRoute } from 'astro';
import { IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { hentMediefil } from '#/features/redaktion/mediefiler.server.ts';
import { database } from '#/lib/db.server.ts';

/**
 * A content image or PDF, for anyone. The type is the one found in its bytes on upload; an image is
 * shown in the page, a PDF is downloaded, and neither may be framed or run as a page of its own.
 * A file never changes under its id, so browsers may keep it.
 */
export const GET: APIRoute = async ({ params }) => {
  const f = params.id ? await hentMediefil(database(), params.id) : undefined;
  if (!f) throw new IkkeFundet();
  const visning = f.type === 'application/pdf' ? 'attachment' : 'inline';
  return new Response(new Uint8Array(f.indhold), {
    headers: {
      'content-type': f.type,
      'content-length': String(f.stoerrelse),
      'content-disposition': `${visning}; filename*=UTF-8''${encodeURIComponent(f.filnavn)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
};
