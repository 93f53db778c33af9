import type { APIRoute } from 'astro';
import { IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { brugerFra } from '#/features/login/bruger.ts';
import { hentDokument } from '#/features/sager/sager.server.ts';
import { formatDato } from '#/lib/dato.ts';
import { database } from '#/lib/db.server.ts';

/** A letter as a file to keep. */
export const GET: APIRoute = async ({ params, locals }) => {
  const bruger = brugerFra(locals);
  const dokumentId = params.dokumentId;
  if (!dokumentId) throw new IkkeFundet();
  const id = params.id;
  if (!id) throw new IkkeFundet();
  const { dok, sag } = await hentDokument(database(), bruger, id, dokumentId, locals.nu);
  const tekst = `${dok.titel}\r\nDato: ${formatDato(dok.dato)}\r\nSag: ${sag.titel}\r\n\r\n${dok.indhold.replaceAll('\n', '\r\n')}\r\n`;
  const filnavn = `${dok.type}-${dok.dato}.txt`;
  return new Response(tekst, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${filnavn}"`,
      'cache-control': 'no-store',
    },
  });
};
