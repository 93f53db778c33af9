/**
 * PostgreSQL parses and plans an unnamed statement at every run. The statements the portal keeps
 * (src/lib/forberedt.server.ts) are named instead, so each pooled connection parses one once and
 * then only binds and runs it: a case page went from 265–329 to 437–523 req/s (README "Målinger").
 * drizzle takes the name in `prepare(name)` on PostgreSQL only, and the portal's queries are typed
 * as SQLite's, so the name is given where drizzle's `prepare` hands it to the session.
 */
import { createHash } from 'node:crypto';
import type { Query } from 'drizzle-orm';
import { gemmesNu } from './gemte.ts';

/**
 * A statement's name from its text: the same text always gets the same name, so one name never
 * stands for two statements (node-postgres refuses that).
 */
export function saetningsnavn(tekst: string): string {
  return `mf_${createHash('sha256').update(tekst).digest('hex').slice(0, 32)}`;
}

type PrepareQuery = (query: Query, fields: unknown, name: string | undefined, ...rest: unknown[]) => unknown;

/**
 * Names what `somGemte` (gemte.ts) prepares on this drizzle session (the pool's, not a transaction's). Only
 * those: a name for every one-off text (an insert of any number of rows) would grow each
 * connection's list of statements without end.
 */
export function navngivGemte(session: object): void {
  const s = session as { prepareQuery: PrepareQuery };
  const prepareQuery = s.prepareQuery.bind(session);
  s.prepareQuery = (query, fields, name, ...rest) =>
    prepareQuery(query, fields, name ?? (gemmesNu() ? saetningsnavn(query.sql) : undefined), ...rest);
}
