/**
 * The Markdown files in content/ and the versions in the database (issue 16): the files are the
 * starting content, imported once, and what is public can be written back to files, so a
 * municipality can keep its content in git and review it there too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { samlinger } from '#/features/indhold/schemas.ts';
import type { Db } from '../../../db/client.ts';
import { alleSider, importerVersion, type Kladde, offentligVersion, type Samling } from './versioner.server.ts';

/**
 * YAML reads `2026-12-03` as a Date; the versions keep the day as written, so an export writes
 * back what the editor wrote (and JSON can hold it).
 */
function somSkrevet(v: unknown): unknown {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(somSkrevet);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, somSkrevet(x)]));
  return v;
}

/** A content file as frontmatter and body. */
export function laesIndholdsfil(tekst: string): Pick<Kladde, 'frontmatter' | 'tekst'> {
  const { data, content } = matter(tekst);
  return { frontmatter: somSkrevet(data) as Record<string, unknown>, tekst: content.replace(/^\n/, '') };
}

/** A version as a content file: the frontmatter between --- lines, then the body. */
export function skrivIndholdsfil(v: Pick<Kladde, 'frontmatter' | 'tekst'>): string {
  return matter.stringify(`\n${v.tekst}`, v.frontmatter);
}

const samlingerne = Object.keys(samlinger) as Samling[];

/** Imports every file in `mappe` whose entry has no versions yet. */
export async function importerIndhold(
  db: Db,
  mappe: string,
  now: Date,
): Promise<{ importeret: number; findes: number }> {
  const udfald = { importeret: 0, findes: 0 };
  // Runs at every start: one query finds the pages that have versions, so a restart reads no file
  // and opens no transaction for them (importerVersion still checks, for two instances at once).
  const findes = new Set((await alleSider(db)).map((s) => `${s.samling}/${s.slug}`));
  for (const samling of samlingerne) {
    const dir = join(mappe, samling);
    if (!existsSync(dir)) continue;
    for (const navn of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const slug = navn.slice(0, -3);
      if (findes.has(`${samling}/${slug}`)) {
        udfald.findes++;
        continue;
      }
      const fil = laesIndholdsfil(readFileSync(join(dir, navn), 'utf8'));
      udfald[await importerVersion(db, 'import', { samling, slug, ...fil }, now)]++;
    }
  }
  return udfald;
}

/** Writes every page public at `now` to `mappe/<samling>/<slug>.md`; gives how many. */
export async function eksporterIndhold(db: Db, mappe: string, now: Date): Promise<number> {
  let antal = 0;
  for (const { samling, slug } of await alleSider(db)) {
    const v = await offentligVersion(db, samling, slug, now);
    if (!v) continue;
    mkdirSync(join(mappe, samling), { recursive: true });
    writeFileSync(join(mappe, samling, `${slug}.md`), skrivIndholdsfil(v));
    antal++;
  }
  return antal;
}
