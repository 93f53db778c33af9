import { fileURLToPath } from 'node:url';

/** The e2e server's whole log, under data/ (written by playwright.config.ts). */
export const E2E_LOG = fileURLToPath(new URL('../data/e2e-server.log', import.meta.url));
