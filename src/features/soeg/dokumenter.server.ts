import { getCollection } from 'astro:content';
import { offentligtIndhold } from '#/features/redaktion/offentlig.server.ts';
import type { Db } from '../../../db/client.ts';
import { buildIndex, markdownToText, type SearchDoc } from './search.ts';

let index: { generation: number; indeks: Promise<ReturnType<typeof buildIndex>> } | undefined;

/**
 * All public content as search documents. The pjecer are the published versions (issue 16): the
 * index is built again when the published content changes; the rest is fixed at build time.
 */
export async function searchIndex(db: Pick<Db, 'select'>, now: Date) {
  const generation = await offentligtIndhold.aktuel(db, now);
  if (index?.generation !== generation) {
    const ny = { generation, indeks: byg(db, now) };
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
    offentligtIndhold.alle(db, 'pjecer', now),
    getCollection('forloeb'),
    getCollection('tilbud'),
    getCollection('overgang'),
    getCollection('sider'),
    getCollection('hjaelpemidler'),
    getCollection('synonymer'),
  ]);
  const text = (body: string | undefined) => markdownToText(body ?? '');
  const docs: SearchDoc[] = [
    ...[...pjecer.values()].map((e) => ({
      url: `/pjecer/${e.slug}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: text(e.tekst),
      type: 'Pjece',
    })),
    ...forloeb.map((e) => ({
      url: `/sagsbehandling#trin-${e.data.trin}`,
      titel: `Trin ${e.data.trin}: ${e.data.titel}`,
      resume: e.data.kort,
      tekst: [text(e.body), ...e.data.duKan].join(' '),
      type: 'Sådan behandler vi din sag',
    })),
    ...tilbud.map((e) => ({
      url: `/tilbud/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: [text(e.body), e.data.sted, e.data.hvornaar].join(' '),
      type: 'Tilbud uden ansøgning',
    })),
    ...overgang.map((e) => ({
      url: `/overgang#${e.id}`,
      titel: `${e.data.alder}: ${e.data.titel}`,
      resume: e.data.kommunenGoer.join(' '),
      tekst: [text(e.body), ...e.data.familienGoer].join(' '),
      type: 'Fra 18 år',
    })),
    ...sider.map((e) => ({
      url: `/${e.id}`,
      titel: e.data.titel,
      resume: e.data.beskrivelse,
      tekst: text(e.body),
      type: 'Side',
    })),
    ...hjaelpemidler.map((e) => ({
      url: `/hjaelpemidler/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: [text(e.body), ...e.data.koeberSelv].join(' '),
      type: 'Hjælpemiddel',
    })),
  ];
  return buildIndex(
    docs,
    synonymer.map((s) => s.data.ord),
  );
}
