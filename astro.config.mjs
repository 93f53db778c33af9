// @ts-check

import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { astroGettere } from './src/server/astro-gettere.ts';
import { astroGlobal } from './src/server/astro-global.ts';
import { sidemodulerEnGang } from './src/server/sidemoduler-en-gang.ts';
import { ungeFunktionerPlugin } from './src/server/unge-funktioner.ts';

export default defineConfig({
  output: 'server',
  // scripts/serve.ts is the server: it serves the built files (src/server/statiske-filer.ts), Astro the rest.
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  // The adapter redirects /x/ to /x; per-page static headers are matched without a slash.
  trailingSlash: 'never',
  // No inline scripts or styles, so the CSP can be 'self' only (see src/server/headers.ts).
  build: { inlineStylesheets: 'never' },
  // Page modules imported once, not on every request (src/server/sidemoduler-en-gang.ts); Astro's
  // per-request getters and the Astro global's prototype made once, and functions set on a property
  // made young, so V8 does not keep every request until a full collection (src/server/astro-gettere.ts,
  // astro-global.ts, unge-funktioner.ts).
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [sidemodulerEnGang(), astroGettere(), astroGlobal(), ungeFunktionerPlugin()],
  },
  devToolbar: { enabled: false },
  security: {
    checkOrigin: true,
  },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
});
