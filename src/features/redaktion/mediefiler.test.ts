/** Images and PDFs for the content, on a real database: only editors upload, images say what they show, bytes decide the type. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Bruger, IkkeFundet } from '#/features/adgang/adgang.server.ts';
import type { Db } from '../../../db/client.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { gemMediefil, hentMediefil, MediefilFejl, markdownFor, mediefilAdresse } from './mediefiler.server.ts';
import { gemKladde, RedaktionsFejl } from './versioner.server.ts';

const NU = new Date('2026-12-04T10:00:00.000Z');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const som = (rolle: 'redaktoer' | 'sagsbehandler') =>
  ({ aktoer: { type: 'medarbejder', medarbejderId: 'rikke', enhed: 'oest', rolle } }) as Bruger;
const fil = (bytes: Uint8Array<ArrayBuffer>, navn: string) => new File([bytes], navn);

let db: Db;
beforeEach(async () => {
  db = await nyTestDatabase();
});

async function afvisning(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof MediefilFejl)) throw new Error(`Ventede en MediefilFejl, fik ${String(e)}`);
  return { felt: e.felt, besked: e.message };
}

describe('gemMediefil', () => {
  it('en redaktør lægger et billede op med alternativ tekst; alle kan hente det med dets bytes', async () => {
    const { id } = await gemMediefil(db, som('redaktoer'), { fil: fil(PNG, 'bænk.png'), alt: 'En badebænk' }, NU);
    const f = await hentMediefil(db, id);
    expect(f).toMatchObject({ filnavn: 'bænk.png', type: 'image/png', alt: 'En badebænk', stoerrelse: PNG.length });
    expect(new Uint8Array(f?.indhold ?? [])).toEqual(PNG);
    expect(markdownFor({ id, filnavn: 'bænk.png', type: 'image/png', alt: 'En badebænk' })).toBe(
      `![En badebænk](/indhold/filer/${id})`,
    );
  });

  it('et billede uden alternativ tekst og en fil, der ikke er et billede eller en PDF, afvises ved deres felt', async () => {
    expect((await afvisning(gemMediefil(db, som('redaktoer'), { fil: fil(PNG, 'x.png') }, NU))).felt).toBe('alt');
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    expect((await afvisning(gemMediefil(db, som('redaktoer'), { fil: fil(html, 'x.png'), alt: 'x' }, NU))).felt).toBe(
      'fil',
    );
  });

  it('en PDF behøver ingen alternativ tekst; en sagsbehandler kan ikke lægge filer op', async () => {
    const { id } = await gemMediefil(db, som('redaktoer'), { fil: fil(PDF, 'pjece.pdf'), alt: 'ignoreres' }, NU);
    expect(await hentMediefil(db, id)).toMatchObject({ type: 'application/pdf', alt: null });
    await expect(gemMediefil(db, som('sagsbehandler'), { fil: fil(PDF, 'x.pdf') }, NU)).rejects.toThrow(IkkeFundet);
  });

  it('en side må linke til en fil, der er lagt op, men ikke vise et billede uden alternativ tekst', async () => {
    const { id } = await gemMediefil(db, som('redaktoer'), { fil: fil(PNG, 'b.png'), alt: 'B' }, NU);
    const kladde = (tekst: string) =>
      gemKladde(
        db,
        'rikke',
        {
          samling: 'sider',
          slug: 'om-os',
          frontmatter: { titel: 'Om os', beskrivelse: 'Om os.', opdateret: '2026-12-04' },
          tekst,
        },
        NU,
      );
    expect(await kladde(`![B](${mediefilAdresse(id)})`)).toEqual({ nr: 1 });
    await expect(kladde(`![](${mediefilAdresse(id)})`)).rejects.toThrow(RedaktionsFejl);
    await expect(kladde('![B](/indhold/filer/findes-ikke)')).rejects.toThrow('/indhold/filer/findes-ikke');
  });
});
