import { getCollection } from 'astro:content';
import { buildIndex, markdownToText, type SearchDoc } from './search.ts';

let index: ReturnType<typeof buildIndex> | undefined;

/** All public content as search documents. Content is fixed at build time, so the index is built once. */
export async function searchIndex() {
  if (index) return index;
  const [pjecer, forloeb, tilbud, overgang, sider, hjaelpemidler, synonymer] = await Promise.all([
    getCollection('pjecer'),
    getCollection('forloeb'),
    getCollection('tilbud'),
    getCollection('overgang'),
    getCollection('sider'),
    getCollection('hjaelpemidler'),
    getCollection('synonymer'),
  ]);
  const text = (body: string | undefined) => markdownToText(body ?? '');
  const docs: SearchDoc[] = [
    ...pjecer.map((e) => ({
      url: `/pjecer/${e.id}`,
      titel: e.data.titel,
      resume: e.data.resume,
      tekst: text(e.body),
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
  index = buildIndex(
    docs,
    synonymer.map((s) => s.data.ord),
  );
  return index;
}
