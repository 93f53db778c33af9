import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
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
  // Everyday words and the content's words for the same thing, for search (features/soeg/search.ts).
  synonymer: defineCollection({
    loader: file('./content/synonymer.yaml'),
    schema: z.object({ ord: z.array(z.string().min(2)).min(2) }),
  }),
};
