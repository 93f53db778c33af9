import { nu } from '#/lib/clock.ts';
import { kunDynamisk } from './dynamic.ts';

/** The one time of the request, for everything after it. */
export const klokke = kunDynamisk((ctx, next) => {
  ctx.locals.nu = nu(ctx.request.headers);
  return next();
});
