/**
 * Checks every Markdown file in `content/` against its collection's schema and reports
 * problems in words staff can act on: which file, which field, what is expected.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { type Dag, dagen } from '#/lib/dato.ts';
import { forkerteHenvisninger } from './lovhenvisninger.ts';
import { samlinger } from './schemas.ts';

export interface ContentProblem {
  fil: string;
  felt: string;
  besked: string;
}

/** A slug-safe file name: it becomes the page's web address. */
const FILNAVN = /^[a-z0-9][a-z0-9-]*\.md$/;

/** Every file against its schema, and every citation of the law against the paragraphs the portal may cite on `idag`. */
export function checkContent(contentDir: string, idag: Dag = dagen(new Date())): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [navn, schema] of Object.entries(samlinger)) {
    const dir = join(contentDir, navn);
    if (!existsSync(dir)) {
      problems.push({ fil: `${navn}/`, felt: '-', besked: 'mappen mangler' });
      continue;
    }
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const fil = join(navn, name);
      if (!FILNAVN.test(name)) {
        problems.push({
          fil,
          felt: 'filnavn',
          besked: 'må kun indeholde små bogstaver a-z, tal og bindestreg (skriv ae, oe, aa for æ, ø, å)',
        });
      }
      let data: unknown;
      const tekst = readFileSync(join(dir, name), 'utf8');
      for (const besked of forkerteHenvisninger(tekst, idag)) problems.push({ fil, felt: 'lovhenvisning', besked });
      try {
        data = matter(tekst).data;
      } catch (e) {
        problems.push({
          fil,
          felt: 'frontmatter',
          besked: `kan ikke læses som YAML: ${(e as Error).message.split('\n')[0]}`,
        });
        continue;
      }
      const result = schema.safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({ fil, felt: issue.path.join('.') || '(hele frontmatter)', besked: issue.message });
        }
      }
    }
  }
  return problems;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `content/${p.fil}: feltet "${p.felt}" ${p.besked}`).join('\n');
}
