import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { samlinger } from './features/indhold/schemas.ts';

/** Each collection reads `content/<name>/*.md`, the Markdown staff edit. */
const fra = <S extends (typeof samlinger)[keyof typeof samlinger]>(name: string, schema: S) =>
  defineCollection({ loader: glob({ base: `./content/${name}`, pattern: '*.md' }), schema });

export const collections = {
  pjecer: fra('pjecer', samlinger.pjecer),
  forloeb: fra('forloeb', samlinger.forloeb),
  tilbud: fra('tilbud', samlinger.tilbud),
  overgang: fra('overgang', samlinger.overgang),
  sider: fra('sider', samlinger.sider),
  hjaelpemidler: fra('hjaelpemidler', samlinger.hjaelpemidler),
};
