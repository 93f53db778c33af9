/**
 * Images and PDF files for the public content (issue 16), and their one writer. A file is checked
 * by its bytes (filtjek.ts, as a citizen's attachment is), and an image must say what it shows.
 * Editors link to it from a page's Markdown; anyone may read it.
 */
import { z } from 'astro/zod';
import { desc, eq } from 'drizzle-orm';
import { type Bruger, kraevRedaktoer } from '#/features/adgang/adgang.server.ts';
import { filFelt, sikkertFilnavn, tjekFil } from '#/features/hjaelpemidler/filtjek.ts';
import { Afvisning } from '#/lib/afvisning.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { indholdsfiler } from '../../../db/schema.ts';

export const MediefilSchema = z.object({
  fil: filFelt(),
  alt: z.string().trim().max(300, 'Højst 300 tegn.').optional(),
});

/** A refusal about the upload, at its field. */
export class MediefilFejl extends Afvisning {}

/** Where the public reads a file, and what the link check accepts. */
export const mediefilAdresse = (id: string) => `/indhold/filer/${id}`;

export async function gemMediefil(
  db: Db,
  bruger: Bruger,
  { fil, alt }: z.output<typeof MediefilSchema>,
  now: Date,
): Promise<{ id: string }> {
  const af = kraevRedaktoer(bruger);
  const bytes = new Uint8Array(await fil.arrayBuffer());
  const r = tjekFil(bytes.length, bytes.subarray(0, 16));
  if (!r.ok)
    throw new MediefilFejl('Filen skal være en PDF, et JPEG-billede eller et PNG-billede på højst 5 MB.', 'fil');
  const billede = r.type !== 'application/pdf';
  if (billede && !alt)
    throw new MediefilFejl('Skriv, hvad billedet viser, til dem der ikke kan se det (alternativ tekst).', 'alt');
  const id = crypto.randomUUID();
  await db.insert(indholdsfiler).values({
    id,
    filnavn: sikkertFilnavn(fil.name),
    type: r.type,
    stoerrelse: bytes.length,
    alt: billede ? (alt ?? null) : null,
    indhold: Buffer.from(bytes),
    af,
    tidspunkt: now.toISOString(),
  });
  return { id };
}

/** A file as the public gets it, or undefined. */
export async function hentMediefil(db: Pick<Db, 'select'>, id: string) {
  return foerste(await db.select().from(indholdsfiler).where(eq(indholdsfiler.id, id)));
}

/** Every file, newest first, without the bytes: the editors' list. */
export async function alleMediefiler(db: Pick<Db, 'select'>) {
  return await db
    .select({
      id: indholdsfiler.id,
      filnavn: indholdsfiler.filnavn,
      type: indholdsfiler.type,
      stoerrelse: indholdsfiler.stoerrelse,
      alt: indholdsfiler.alt,
      tidspunkt: indholdsfiler.tidspunkt,
    })
    .from(indholdsfiler)
    .orderBy(desc(indholdsfiler.tidspunkt));
}

/** The Markdown an editor pastes into a page to show the image or link the PDF. */
export function markdownFor(f: { id: string; filnavn: string; type: string; alt: string | null }): string {
  return f.type === 'application/pdf'
    ? `[${f.filnavn.replace(/[[\]]/g, '')} (PDF)](${mediefilAdresse(f.id)})`
    : `![${(f.alt ?? '').replace(/[[\]]/g, '')}](${mediefilAdresse(f.id)})`;
}
