import { readdirSync } from 'node:fs';

/** Every public page, derived from content/ so a new leaflet or offer is tested without editing a test. */
function slugs(folder: string) {
  return readdirSync(new URL(`../content/${folder}`, import.meta.url))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''));
}

export const publicPages = [
  '/',
  '/pjecer',
  '/sagsbehandling',
  '/tilbud',
  '/overgang',
  '/soeg',
  '/soeg?q=hj%C3%A6lpemidler',
  '/tilbud?maalgruppe=paaroerende&team=vest',
  '/hjaelpemidler',
  '/hjaelpemidler?kategori=bad-og-toilet&ordning=udlaan',
  ...slugs('pjecer').map((s) => `/pjecer/${s}`),
  ...slugs('tilbud').map((s) => `/tilbud/${s}`),
  ...slugs('hjaelpemidler').map((s) => `/hjaelpemidler/${s}`),
  ...slugs('sider').map((s) => `/${s}`),
];
