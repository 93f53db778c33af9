// @ts-check

import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact()],
  // The adapter redirects /x/ to /x; per-page static headers are matched without a slash.
  trailingSlash: 'never',
  // No inline scripts or styles, so the CSP can be 'self' only (see src/server/headers.ts).
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  security: {
    checkOrigin: true,
  },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
});
