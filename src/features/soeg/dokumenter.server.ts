import { getCollection } from 'astro:content';
import { offentligtIndhold } from '#/features/redaktion/offentlig.server.ts';
import type { Db } from '../../../db/client.ts';
import { buildIndex, markdownToText, type SearchDoc } from './search.ts';

let index: { udgave: string; indeks: Promise<ReturnType<typeof buildIndex>> } | undefined;

/**
 * All public content as search documents: the published versions (issue 16), so the index is built
 * again when the published content changes. The synonym list is the build's.
 */
export async function searchIndex(db: Pick<Db, 'select'>, now: Date) {
  const udgave = await offentligtIndhold.aktuel(db, now);
  if (index?.udgave !== udgave) {
    const ny = { udgave, indeks: byg(db, now) };
    // A failed build is not kept: the next search tries again.
    ny.indeks.catch(() => {
      if (index === ny) index = undefined;
    });
    index = ny;
  }
  return await index.indeks;
}

async function byg(db: Pick<Db, 'select'>, now: Date) {
  const [pjecer, forloeb, tilbud, overgang, sider, hjaelpemidler, synonymer] = await Promise.all([
    offentligtIndhold.liste(db, 'pjecer', now),
    offentligtIndhold.liste(db, 'forloeb', now),
    offentligtIndhold.liste(db, 'tilbud', now),
    offentligtIndhold.liste(db, 'overgang', now),
    offentligtIndhold.liste(db, 'sider', now),
    offentligtIndhold.liste(db, 'hjaelpemidler', now),
    getCollection('synonymer'),
  ]);
  const text = (body: string) => markdownToText(body);
  const docs: SearchDoc[] = [
    ...pjecer.map((e) => ({
      url: `/pjecer/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: text(e.tekst),
      type: 'Pjece',
    })),
    ...forloeb.map((e) => ({
      url: `/sagsbehandling#trin-${e.data.trin}`,
      titel: `Trin ${e.data.trin}: ${e.data.titel}`,
      resume: e.data.kort,
      tekst: [text(e.tekst), ...e.data.duKan].join(' '),
      type: 'Sådan behandler vi din sag',
    })),
    ...tilbud.map((e) => ({
      url: `/tilbud/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: [text(e.tekst), e.data.sted, e.data.hvornaar].join(' '),
      type: 'Tilbud uden ansøgning',
    })),
    ...overgang.map((e) => ({
      url: `/overgang#${e.id}`,
      titel: `${e.data.alder}: ${e.data.titel}`,
      resume: e.data.kommunenGoer.join(' '),
      tekst: [text(e.tekst), ...e.data.familienGoer].join(' '),
      type: 'Fra 18 år',
    })),
    ...sider.map((e) => ({
      url: `/${e.id}`,
      titel: e.data.titel,
      resume: e.data.beskrivelse,
      tekst: text(e.tekst),
      type: 'Side',
    })),
    ...hjaelpemidler.map((e) => ({
      url: `/hjaelpemidler/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: [text(e.tekst), ...e.data.koeberSelv].join(' '),
      type: 'Hjælpemiddel',
    })),
  ];
  return buildIndex(
    docs,
    synonymer.map((s) => s.data.ord),
  );
}
