import type { APIRoute } from 'astro';
import { kommune } from '#/config/kommune.ts';
import { IkkeFundet } from '#/features/adgang/adgang.server.ts';
import { borgerFra } from '#/features/login/bruger.ts';
import { icsFilnavn, moedeTilIcs } from '#/features/moeder/ics.ts';
import { hentMoede } from '#/features/moeder/moeder.server.ts';
import { database } from '#/lib/db.server.ts';

/** A meeting as a calendar file (RFC 5545) in Copenhagen time. */
export const GET: APIRoute = async ({ params, locals }) => {
  const bruger = borgerFra(locals);
  const id = params.id;
  if (!id) throw new IkkeFundet();
  const { moede, emner } = await hentMoede(database(), bruger, id, locals.nu);
  const start = new Date(moede.start);
  const ics = moedeTilIcs(
    { ...moede, start, slut: new Date(moede.slut), egneEmner: emner.map((e) => e.tekst) },
    {
      now: locals.nu,
      organisator: { navn: `${kommune.navn}, ${kommune.forvaltning}`, email: kommune.email },
      domain: new URL(kommune.webadresse).hostname,
    },
  );
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${icsFilnavn(moede.titel, start)}"`,
      'cache-control': 'no-store',
    },
  });
};
