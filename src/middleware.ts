import { sequence } from 'astro:middleware';
import { klokke } from './server/middleware/clock.ts';
import { fejloversaettelse } from './server/middleware/errors.ts';
import { loginVagt } from './server/middleware/login-guard.ts';
import { begraensning } from './server/middleware/rate-limit.ts';
import { session } from './server/middleware/session.ts';
// Zod's fallback messages in Danish for every schema the server parses (actions, API).
import './lib/zod-dansk.ts';

/** In order: the request's time, rate limits, the session, login by route prefix, and error translation. */
export const onRequest = sequence(klokke, begraensning, session, loginVagt, fejloversaettelse);
