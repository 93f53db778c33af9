/**
 * For before/after figures with the same build and the same data: takes an index-only
 * migration's indexes off a database file again (drops what it created, and recreates what
 * it dropped as the earlier migrations defined it), while the migration stays recorded as
 * applied, so the server does not put them back at start.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from './portal.ts';

export function fjernIndeksMigrering(file: string, tag: string) {
  const dir = join(ROOT, 'db/migrations');
  const tags = (
    JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] }
  ).entries.map((e) => e.tag);
  if (!tags.includes(tag)) throw new Error(`Migreringen ${tag} findes ikke`);
  const sql = readFileSync(join(dir, `${tag}.sql`), 'utf8');
  if (/CREATE TABLE|ALTER TABLE|DROP TABLE/i.test(sql)) throw new Error(`${tag} ændrer andet end indekser`);
  const tidligere = tags
    .slice(0, tags.indexOf(tag))
    .map((t) => readFileSync(join(dir, `${t}.sql`), 'utf8'))
    .join('\n');
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const [, navn] of sql.matchAll(/CREATE (?:UNIQUE )?INDEX `(\w+)`/g))
        db.exec(`DROP INDEX IF EXISTS \`${navn}\``);
      for (const [, navn] of sql.matchAll(/DROP INDEX `(\w+)`/g)) {
        const create = [...tidligere.matchAll(new RegExp(`CREATE (?:UNIQUE )?INDEX \`${navn}\`[^;]*`, 'g'))].at(
          -1,
        )?.[0];
        if (create) db.exec(create);
      }
    })();
  } finally {
    db.close();
  }
}
