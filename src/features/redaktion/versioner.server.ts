/**
 * The one writer of content versions and of their publications (issue 16). The workflow's rules
 * are arbejdsgang.ts; the frontmatter is checked with the collection's own schema
 * (indhold/schemas.ts), the one the build uses, so an editor gets the same Danish messages.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { type Felt, feltfejl } from '#/features/api/validering.ts';
import { forkerteHenvisninger } from '#/features/indhold/lovhenvisninger.ts';
import { samlinger } from '#/features/indhold/schemas.ts';
import { dagen } from '#/lib/dato.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { indholdsfiler, indholdspubliceringer, indholdsversioner } from '../../../db/schema.ts';
import {
  afpublicer,
  gaeldendeVersion,
  type Handling,
  type Indstillinger,
  naesteTrin,
  type Publicering,
} from './arbejdsgang.ts';
import { billederUdenAlt, brudteLinks } from './links.ts';
import { mediefilAdresse } from './mediefiler.server.ts';
import { offentligtIndhold, publiceredeAdresser } from './offentlig.server.ts';

export type Samling = keyof typeof samlinger;
export type Indholdsversion = typeof indholdsversioner.$inferSelect;

/** Why a save or a step was refused, per field where there is one; nothing was written. */
export class RedaktionsFejl extends Error {
  readonly felter: Felt[];
  constructor(felter: Felt[]) {
    super(felter.map((f) => `${f.felt}: ${f.besked}`).join('; '));
    this.felter = felter;
  }
}

const side = (samling: Samling, slug: string) =>
  and(eq(indholdsversioner.samling, samling), eq(indholdsversioner.slug, slug));

/** One version of an entry, whatever its status, or undefined. */
export async function versionen(
  db: Pick<Db, 'select'>,
  samling: Samling,
  slug: string,
  nr: number,
): Promise<Indholdsversion | undefined> {
  return foerste(
    await db
      .select()
      .from(indholdsversioner)
      .where(and(side(samling, slug), eq(indholdsversioner.nr, nr))),
  );
}

async function nyeste(db: Pick<Db, 'select'>, samling: Samling, slug: string) {
  return foerste(
    await db.select().from(indholdsversioner).where(side(samling, slug)).orderBy(desc(indholdsversioner.nr)).limit(1),
  );
}

export interface Kladde {
  samling: Samling;
  slug: string;
  frontmatter: Record<string, unknown>;
  tekst: string;
}

/**
 * Saves the editor's draft: the newest version while it is a draft, else a new version after the
 * newest approved one. A version waiting for approval is not changed under the approver's eyes.
 */
export async function gemKladde(db: Db, redaktoer: string, k: Kladde, now: Date): Promise<{ nr: number }> {
  const tjek = samlinger[k.samling].safeParse(k.frontmatter);
  if (!tjek.success) throw new RedaktionsFejl(feltfejl(tjek.error));
  const fejl = await lovOgLinks(db, k, now);
  if (fejl.length > 0) throw new RedaktionsFejl(fejl);
  const tid = now.toISOString();
  return await db.transaction(async (tx) => {
    const n = await nyeste(tx, k.samling, k.slug);
    if (n?.status === 'til-godkendelse')
      throw new RedaktionsFejl([
        { felt: 'status', besked: 'Versionen venter på godkendelse. Send den tilbage til kladde for at rette i den.' },
      ]);
    if (n?.status === 'kladde') {
      const forfattere = n.forfattere.includes(redaktoer) ? n.forfattere : [...n.forfattere, redaktoer];
      await tx
        .update(indholdsversioner)
        .set({ frontmatter: k.frontmatter, tekst: k.tekst, forfattere, aendret: tid })
        .where(and(side(k.samling, k.slug), eq(indholdsversioner.nr, n.nr)));
      return { nr: n.nr };
    }
    const nr = (n?.nr ?? 0) + 1;
    await tx.insert(indholdsversioner).values({
      samling: k.samling,
      slug: k.slug,
      nr,
      status: 'kladde',
      frontmatter: k.frontmatter,
      tekst: k.tekst,
      forfattere: [redaktoer],
      oprettet: tid,
      aendret: tid,
    });
    return { nr };
  });
}

/**
 * The legal facts checked on every save, as `npm run content:check` checks the files: each citation
 * against the paragraphs the portal may cite today, and each link inside the portal against the
 * pages that answer now.
 */
async function lovOgLinks(db: Pick<Db, 'select'>, k: Kladde, now: Date): Promise<Felt[]> {
  const idag = dagen(now);
  const felter: Felt[] = [];
  for (const [felt, vaerdi] of Object.entries(k.frontmatter))
    for (const besked of forkerteHenvisninger(JSON.stringify(vaerdi), idag))
      felter.push({ felt, besked: `Feltet ${besked}.` });
  for (const besked of forkerteHenvisninger(k.tekst, idag))
    felter.push({ felt: 'tekst', besked: `Teksten ${besked}.` });
  const adresser = await publiceredeAdresser(db, now);
  for (const f of await db.select({ id: indholdsfiler.id }).from(indholdsfiler)) adresser.add(mediefilAdresse(f.id));
  for (const besked of [...brudteLinks(k.tekst, adresser), ...billederUdenAlt(k.tekst)])
    felter.push({ felt: 'tekst', besked });
  return felter;
}

async function tidslinje(db: Pick<Db, 'select'>, samling: Samling, slug: string): Promise<Publicering[]> {
  return await db
    .select({ versionNr: indholdspubliceringer.versionNr, fra: indholdspubliceringer.fra })
    .from(indholdspubliceringer)
    .where(and(eq(indholdspubliceringer.samling, samling), eq(indholdspubliceringer.slug, slug)))
    .orderBy(asc(indholdspubliceringer.loebenr));
}

/** A step on the entry's timeline, with who decided it and when. */
async function publicer(
  tx: Pick<Db, 'insert'>,
  maal: { samling: Samling; slug: string },
  p: Publicering,
  af: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(indholdspubliceringer)
    .values({ samling: maal.samling, slug: maal.slug, ...p, af, tidspunkt: now.toISOString() });
}

/**
 * One step of a version's workflow (send, send back, approve, publish), by the rules of
 * arbejdsgang.ts. Changes only from the status it read, so two editors cannot both act on it.
 */
export async function udfoerTrin(
  db: Db,
  redaktoer: string,
  maal: { samling: Samling; slug: string; nr: number },
  h: Handling,
  ind: Indstillinger,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const v = await versionen(tx, maal.samling, maal.slug, maal.nr);
    if (!v) throw new RedaktionsFejl([{ felt: 'nr', besked: 'Versionen findes ikke.' }]);
    const u = naesteTrin(v, h, redaktoer, ind, now);
    if (!u.ok) throw new RedaktionsFejl([{ felt: 'status', besked: u.fejl }]);
    const godkendt = u.status === 'godkendt' ? { godkendtAf: redaktoer, godkendt: now.toISOString() } : {};
    const aendret = await tx
      .update(indholdsversioner)
      .set({ status: u.status, ...godkendt })
      .where(and(side(maal.samling, maal.slug), eq(indholdsversioner.nr, v.nr), eq(indholdsversioner.status, v.status)))
      .returning({ nr: indholdsversioner.nr });
    if (aendret.length !== 1)
      throw new RedaktionsFejl([{ felt: 'status', besked: 'Versionen er lige blevet ændret af en anden.' }]);
    if (u.publicering) await publicer(tx, maal, u.publicering, redaktoer, now);
  });
  // This instance shows it at once; the others within a second (offentlig.server.ts).
  offentligtIndhold.glem();
}

/** Takes the page down now, or at `fra`. */
export async function afpublicerSide(
  db: Db,
  redaktoer: string,
  maal: { samling: Samling; slug: string; fra?: Date },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const u = afpublicer(await tidslinje(tx, maal.samling, maal.slug), maal.fra, now);
    if (!u.ok) throw new RedaktionsFejl([{ felt: 'fra', besked: u.fejl }]);
    await publicer(tx, maal, u.publicering, redaktoer, now);
  });
  offentligtIndhold.glem();
}

/** The version the public sees at `now`, or undefined when the page is not published. */
export async function offentligVersion(
  db: Pick<Db, 'select'>,
  samling: Samling,
  slug: string,
  now: Date,
): Promise<Indholdsversion | undefined> {
  const nr = gaeldendeVersion(await tidslinje(db, samling, slug), now);
  return nr === null ? undefined : await versionen(db, samling, slug, nr);
}

const FRA_BEGYNDELSEN = new Date(0).toISOString();

/**
 * A file from content/ as an entry's first version, approved and public from the beginning, by `af` (the
 * import). An entry that has versions already is left alone: the database is now the source.
 */
export async function importerVersion(db: Db, af: string, k: Kladde, now: Date): Promise<'importeret' | 'findes'> {
  const tjek = samlinger[k.samling].safeParse(k.frontmatter);
  if (!tjek.success) throw new RedaktionsFejl(feltfejl(tjek.error));
  const tid = now.toISOString();
  const udfald = await db.transaction(async (tx) => {
    if (await nyeste(tx, k.samling, k.slug)) return 'findes' as const;
    await tx.insert(indholdsversioner).values({
      samling: k.samling,
      slug: k.slug,
      nr: 1,
      status: 'godkendt',
      frontmatter: k.frontmatter,
      tekst: k.tekst,
      forfattere: [af],
      oprettet: tid,
      aendret: tid,
      godkendtAf: af,
      godkendt: tid,
    });
    // Public "since always", not from the import: the site showed it before, and a page asked
    // for at an earlier time (a test's clock) must not vanish.
    await publicer(tx, k, { versionNr: 1, fra: FRA_BEGYNDELSEN }, af, now);
    return 'importeret' as const;
  });
  if (udfald === 'importeret') offentligtIndhold.glem();
  return udfald;
}

/** Every entry with versions, once: what an export or the editors' overview goes through. */
export async function alleSider(db: Pick<Db, 'selectDistinct'>): Promise<{ samling: Samling; slug: string }[]> {
  return (
    await db
      .selectDistinct({ samling: indholdsversioner.samling, slug: indholdsversioner.slug })
      .from(indholdsversioner)
      .orderBy(asc(indholdsversioner.samling), asc(indholdsversioner.slug))
  ).map((r) => ({ samling: r.samling as Samling, slug: r.slug }));
}
