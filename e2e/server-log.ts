import { fileURLToPath } from 'node:url';

/** The e2e server's database and its whole log, both under data/ (written by playwright.config.ts). */
export const E2E_DB = fileURLToPath(new URL('../data/e2e.db', import.meta.url));
export const E2E_LOG = fileURLToPath(new URL('../data/e2e-server.log', import.meta.url));
