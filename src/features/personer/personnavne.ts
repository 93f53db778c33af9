import { QueryBuilder } from 'drizzle-orm/sqlite-core';
import { personer } from '../../../db/schema.ts';

/**
 * `personer` a second time in one query (the relative, the sender), as id and name. drizzle's
 * alias() renders only in SQLite's dialect; a named subquery renders in both engines'.
 */
export const personnavne = <N extends string>(navn: N) =>
  new QueryBuilder().select({ id: personer.id, navn: personer.navn }).from(personer).as(navn);
