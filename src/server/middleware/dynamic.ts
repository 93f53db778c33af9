import type { MiddlewareHandler } from 'astro';

/** Prerendered pages are built once for everyone: no clock, no session, no database. */
export const kunDynamisk =
  (handler: MiddlewareHandler): MiddlewareHandler =>
  (ctx, next) =>
    ctx.isPrerendered ? next() : handler(ctx, next);
