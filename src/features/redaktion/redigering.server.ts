/**
 * An editor's page for one entry (issue 16): what the form posts, checked at the edge, and the one
 * place it is turned into the writer's calls (versioner.server.ts). Only editors reach it.
 */

import { z } from 'astro/zod';
import { and, asc, desc, eq } from 'drizzle-orm';
import { miljoe } from '#/config/miljoe.ts';
import { type Bruger, IkkeFundet, kraevRedaktoer } from '#/features/adgang/adgang.server.ts';
import { feltfejl } from '#/features/api/validering.ts';
import { samlinger } from '#/features/indhold/schemas.ts';
import { Afvisning } from '#/lib/afvisning.ts';
import { fraKoebenhavnstid } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { indholdspubliceringer, indholdsversioner, medarbejdere } from '../../../db/schema.ts';
import { gaeldendeVersion, type Indstillinger, indholdsstatus } from './arbejdsgang.ts';
import { fejlPerFelt, frontmatterFraFormular } from './felter.ts';
import {
  afpublicerSide,
  gemKladde,
  type Indholdsversion,
  RedaktionsFejl,
  type Samling,
  udfoerTrin,
  versionen,
} from './versioner.server.ts';

export const indstillinger = (): Indstillinger => ({ kraeverGodkendelse: !miljoe().REDAKTION_UDEN_GODKENDELSE });

const SamlingSchema = z.enum(Object.keys(samlinger) as [Samling, ...Samling[]], { error: 'Ukendt slags indhold.' });
const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Adressen må kun have små bogstaver, tal og bindestreger.');
const handlinger = ['gem', 'indsend', 'afvis', 'godkend', 'publicer', 'afpublicer', 'gendan'] as const;

/** A time typed in a datetime-local field is Copenhagen time; empty means now. */
const FraSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    try {
      return fraKoebenhavnstid(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00` : v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Skriv dato og klokkeslæt, fx 01-07-2027 00:00.' });
      return z.NEVER;
    }
  });

const MetaSchema = z.object({
  samling: SamlingSchema,
  slug: SlugSchema,
  handling: z.enum(handlinger, { error: 'Vælg, hvad der skal ske.' }),
  nr: z.coerce.number().int().positive().optional(),
  fra: FraSchema,
});

export type Redigering = z.output<typeof MetaSchema> & { frontmatter: Record<string, unknown>; tekst: string };

/**
 * The posted form, checked with the collection's own schema when it is saved, so each field's
 * message is the build's and stands at that field. The form's other values stay as typed.
 */
export const RedigeringSchema = z.instanceof(FormData).transform((fd, ctx): Redigering => {
  const tekstFelt = (n: string) => {
    const v = fd.get(n);
    return typeof v === 'string' ? v : undefined;
  };
  const meta = MetaSchema.safeParse({
    samling: tekstFelt('samling'),
    slug: tekstFelt('slug'),
    handling: tekstFelt('handling'),
    nr: tekstFelt('nr') || undefined,
    fra: tekstFelt('fra'),
  });
  if (!meta.success) {
    for (const f of feltfejl(meta.error)) ctx.addIssue({ code: 'custom', path: [f.felt], message: f.besked });
    return z.NEVER;
  }
  const tekst = (tekstFelt('tekst') ?? '').replace(/\r\n/g, '\n');
  if (meta.data.handling !== 'gem') return { ...meta.data, frontmatter: {}, tekst };
  const frontmatter = frontmatterFraFormular(meta.data.samling, fd);
  const tjek = samlinger[meta.data.samling].safeParse(frontmatter);
  if (!tjek.success) {
    for (const [felt, besked] of Object.entries(fejlPerFelt(meta.data.samling, feltfejl(tjek.error))))
      ctx.addIssue({ code: 'custom', path: [felt || 'tekst'], message: besked });
    return z.NEVER;
  }
  return { ...meta.data, frontmatter, tekst };
});

/** The writer's refusal, as the form shows it: at its field, or above the form. */
export class RedigeringsAfvisning extends Afvisning {}

function somAfvisning(e: unknown, samling: Samling): never {
  if (!(e instanceof RedaktionsFejl)) throw e;
  const forste = e.felter[0];
  // The body is no frontmatter field: its messages stand at the text.
  const [felt, besked] =
    forste?.felt === 'tekst'
      ? ['tekst', forste.besked]
      : (Object.entries(fejlPerFelt(samling, e.felter))[0] ?? ['', e.message]);
  throw new RedigeringsAfvisning(besked, ['nr', 'status', ''].includes(felt) ? undefined : felt);
}

/** What the editor asked for; returns what to tell them. */
export async function redigerIndhold(db: Db, bruger: Bruger, r: Redigering, now: Date): Promise<{ udfoert: string }> {
  const af = kraevRedaktoer(bruger);
  const maal = { samling: r.samling, slug: r.slug };
  const trin = (h: Parameters<typeof udfoerTrin>[3]) =>
    udfoerTrin(db, af, { ...maal, nr: r.nr ?? 0 }, h, indstillinger(), now);
  try {
    switch (r.handling) {
      case 'gem':
        await gemKladde(db, af, { ...maal, frontmatter: r.frontmatter, tekst: r.tekst }, now);
        return { udfoert: 'gemt' };
      case 'gendan': {
        const gammel = await versionen(db, r.samling, r.slug, r.nr ?? 0);
        if (!gammel) throw new IkkeFundet();
        await gemKladde(db, af, { ...maal, frontmatter: gammel.frontmatter, tekst: gammel.tekst }, now);
        return { udfoert: 'gendannet' };
      }
      case 'indsend':
        await trin({ type: 'indsend' });
        return { udfoert: 'indsendt' };
      case 'afvis':
        await trin({ type: 'afvis' });
        return { udfoert: 'afvist' };
      case 'godkend':
        await trin({ type: 'godkend', ...(r.fra ? { fra: r.fra } : {}) });
        return { udfoert: r.fra && r.fra > now ? 'planlagt' : 'publiceret' };
      case 'publicer':
        await trin({ type: 'publicer', ...(r.fra ? { fra: r.fra } : {}) });
        return { udfoert: r.fra && r.fra > now ? 'planlagt' : 'publiceret' };
      case 'afpublicer':
        await afpublicerSide(db, af, { ...maal, ...(r.fra ? { fra: r.fra } : {}) }, now);
        return { udfoert: 'afpubliceret' };
    }
  } catch (e) {
    somAfvisning(e, r.samling);
  }
}

function tomVersion(samling: Samling, slug: string, now: Date): Indholdsversion {
  const tid = now.toISOString();
  return {
    samling,
    slug,
    nr: 0,
    status: 'kladde',
    frontmatter: {},
    tekst: '',
    forfattere: [],
    oprettet: tid,
    aendret: tid,
    godkendtAf: null,
    godkendt: null,
  };
}

/** Where an editor starts a new page: a kind and an address no page has. */
export const NySideSchema = z.object({
  samling: SamlingSchema,
  slug: SlugSchema,
});

/** The new page's address, or the reason at its field; an address in use is refused. */
type NySideFejl = Partial<Record<'samling' | 'slug', string[]>>;

export async function nySide(
  db: Pick<Db, 'select'>,
  bruger: Bruger,
  query: URLSearchParams,
): Promise<{ vaerdier: { samling: string; slug: string }; fejl: NySideFejl; adresse?: string }> {
  kraevRedaktoer(bruger);
  const raa = { samling: query.get('samling') ?? '', slug: (query.get('slug') ?? '').trim() };
  const r = NySideSchema.safeParse(raa);
  if (!r.success) return { vaerdier: raa, fejl: z.flattenError(r.error).fieldErrors };
  const [findes] = await db
    .select({ nr: indholdsversioner.nr })
    .from(indholdsversioner)
    .where(and(eq(indholdsversioner.samling, r.data.samling), eq(indholdsversioner.slug, r.data.slug)))
    .limit(1);
  if (findes) return { vaerdier: raa, fejl: { slug: ['Der findes allerede en side med den adresse. Vælg en anden.'] } };
  return { vaerdier: raa, fejl: {}, adresse: `/medarbejder/indhold/${r.data.samling}/${r.data.slug}?ny=1` };
}

/**
 * Everything the editor's page shows for one entry: the newest version to edit, every version
 * with who and when, and the timeline of publications. Only editors; an unknown entry is 404.
 */
export async function indholdTilRedigering(
  db: Db,
  bruger: Bruger,
  samlingInd: string,
  slugInd: string,
  now: Date,
  { ny = false } = {},
) {
  const mig = kraevRedaktoer(bruger);
  const samling = SamlingSchema.safeParse(samlingInd);
  const slug = SlugSchema.safeParse(slugInd);
  if (!samling.success || !slug.success) throw new IkkeFundet();
  const hvor = (t: typeof indholdsversioner | typeof indholdspubliceringer) =>
    and(eq(t.samling, samling.data), eq(t.slug, slug.data));
  const versioner = await db
    .select()
    .from(indholdsversioner)
    .where(hvor(indholdsversioner))
    .orderBy(desc(indholdsversioner.nr));
  // A new page has no version yet: the form starts empty, and the first save makes version 1.
  const nyeste: Indholdsversion | undefined =
    versioner[0] ?? (ny ? tomVersion(samling.data, slug.data, now) : undefined);
  if (!nyeste) throw new IkkeFundet();
  const tidslinje = await db
    .select()
    .from(indholdspubliceringer)
    .where(hvor(indholdspubliceringer))
    .orderBy(asc(indholdspubliceringer.loebenr));
  const navne = new Map(
    (await db.select({ id: medarbejdere.id, navn: medarbejdere.navn }).from(medarbejdere)).map((m) => [m.id, m.navn]),
  );
  return {
    samling: samling.data,
    slug: slug.data,
    nyeste,
    ny: versioner.length === 0,
    versioner,
    tidslinje,
    offentligNr: gaeldendeVersion(tidslinje, now),
    status: indholdsstatus(versioner, tidslinje, now),
    navn: (id: string | null) => (id === null ? '' : (navne.get(id) ?? (id === 'import' ? 'Import fra content/' : id))),
    indstillinger: indstillinger(),
    mig,
  };
}
