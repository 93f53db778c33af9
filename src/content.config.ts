import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { samlinger } from './features/indhold/schemas.ts';

/** Each collection reads `content/<name>/*.md`, the Markdown staff edit. */
const fra = (name: keyof typeof samlinger) => glob({ base: `./content/${name}`, pattern: '*.md' });

// One defineCollection call per collection: through a generic helper the schema's type widens to
// Astro's BaseSchema, and every entry's `data` becomes `unknown`.
export const collections = {
  pjecer: defineCollection({ loader: fra('pjecer'), schema: samlinger.pjecer }),
  forloeb: defineCollection({ loader: fra('forloeb'), schema: samlinger.forloeb }),
  tilbud: defineCollection({ loader: fra('tilbud'), schema: samlinger.tilbud }),
  overgang: defineCollection({ loader: fra('overgang'), schema: samlinger.overgang }),
  sider: defineCollection({ loader: fra('sider'), schema: samlinger.sider }),
  hjaelpemidler: defineCollection({ loader: fra('hjaelpemidler'), schema: samlinger.hjaelpemidler }),
};
