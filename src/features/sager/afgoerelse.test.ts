import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { behandlKlage, traefAfgoerelse } from '#/features/medarbejder/sagsbehandling.server.ts';
import { GenbrugtNoegle } from '#/lib/formularnoegle.server.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { AfgoerelseFejl } from './afgoerelse.server.ts';
import { maaTraeffeAfgoerelse, trinTekstEfterAfgoerelse } from './afgoerelse.ts';

describe('maaTraeffeAfgoerelse', () => {
  const afg = { id: 'a1' };
  it.each([
    ['ingen afgørelse endnu', undefined, [], true],
    ['allerede afgjort', afg, [], false],
    ['klage modtaget, ikke genvurderet', afg, [{ afgoerelseId: 'a1', status: 'modtaget' as const }], false],
    ['klage fastholdt', afg, [{ afgoerelseId: 'a1', status: 'sendt-til-ankestyrelsen' as const }], false],
    ['afgørelsen ændret ved genvurdering', afg, [{ afgoerelseId: 'a1', status: 'afgoerelse-aendret' as const }], true],
    ['en ældre afgørelse blev ændret', afg, [{ afgoerelseId: 'a0', status: 'afgoerelse-aendret' as const }], false],
  ])('%s', (_, seneste, klager, svar) => expect(maaTraeffeAfgoerelse(seneste, klager)).toBe(svar));
});

describe('trinTekstEfterAfgoerelse', () => {
  it('nævner klagefristen, undtagen ved fuld bevilling', () => {
    expect(trinTekstEfterAfgoerelse('bevilling', '2026-12-22')).toBe('Du har fået bevilling.');
    expect(trinTekstEfterAfgoerelse('delvis', '2026-12-22')).toBe(
      'Du har fået delvis bevilling. Du kan klage senest 22. december 2026, hvis du er uenig.',
    );
  });
});

async function verden() {
  const { db, demo } = await nyDemoDb();
  const sofieId = demoMedarbejdere.find((m) => m.navn.startsWith('Sofie'))?.id ?? '';
  const sofie = await loadBruger(db, { personId: null, medarbejderId: sofieId, handlerForId: null } as Session, NU);
  if (!sofie) throw new Error('Sofie mangler i demo-data');
  const sag = async (lov: string) =>
    foerste(
      await db
        .select()
        .from(t.sager)
        .where(and(eq(t.sager.personId, demo.ali.id), eq(t.sager.lovgrundlag, lov))),
    );
  const antal = async (sagId: string) => ({
    afgoerelser: foerste(await db.select({ n: count() }).from(t.afgoerelser).where(eq(t.afgoerelser.sagId, sagId)))?.n,
    breve: foerste(await db.select({ n: count() }).from(t.dokumenter).where(eq(t.dokumenter.sagId, sagId)))?.n,
  });
  return { db, demo, sofie, sag, antal };
}

describe('registrerAfgoerelse', () => {
  const input = {
    udfald: 'delvis' as const,
    begrundelse: 'Du kan færdes alene om dagen.',
    brev: 'Kære Ali Hassan. Du får ledsagelse om aftenen.',
  };

  it('Sofies afgørelse giver brev, trin 6 og én hændelse til Ali', async () => {
    const { db, sofie, sag, antal } = await verden();
    const s = await sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const foer = await antal(s.id);
    await traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU);
    expect(await antal(s.id)).toEqual({ afgoerelser: (foer.afgoerelser ?? 0) + 1, breve: (foer.breve ?? 0) + 1 });
    expect(foerste(await db.select().from(t.sager).where(eq(t.sager.id, s.id)))).toMatchObject({
      trin: 6,
      aaben: true,
    });
    const h = await db
      .select()
      .from(t.sagshaendelser)
      .where(and(eq(t.sagshaendelser.sagId, s.id), eq(t.sagshaendelser.type, 'afgoerelse')));
    expect(h.map((x) => x.tekst)).toEqual([
      'Du har fået en afgørelse: delvis bevilling. Brevet ligger under "Breve og dokumenter".',
    ]);
  });

  it('en afgørelse sendt med almindelig post får klagefristen regnet fra modtagelsen, 6 hverdage senere', async () => {
    const { db, sofie, sag } = await verden();
    const s = await sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const formular = { noegle: crypto.randomUUID(), sagId: s.id, ...input, forsendelse: 'almindelig-post' as const };
    await traefAfgoerelse(db, sofie, formular, NU);
    const afg = foerste(await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.sagId, s.id)));
    // Dated Tuesday 24 November, received Wednesday 2 December: 4 weeks later is 30 December.
    expect([afg?.dato, afg?.forsendelse, afg?.klagefrist]).toEqual(['2026-11-24', 'almindelig-post', '2026-12-30']);
  });

  it('en afgørelsesformular sendt to gange giver én afgørelse og ét brev, og samme svar', async () => {
    const { db, sofie, sag, antal } = await verden();
    const s = await sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const foer = await antal(s.id);
    const formular = { noegle: crypto.randomUUID(), sagId: s.id, ...input };
    const foerste = await traefAfgoerelse(db, sofie, formular, NU);
    expect(await traefAfgoerelse(db, sofie, formular, new Date(NU.getTime() + 2000))).toEqual(foerste);
    expect(await antal(s.id)).toEqual({ afgoerelser: (foer.afgoerelser ?? 0) + 1, breve: (foer.breve ?? 0) + 1 });
    const h = await db
      .select()
      .from(t.sagshaendelser)
      .where(and(eq(t.sagshaendelser.sagId, s.id), eq(t.sagshaendelser.type, 'afgoerelse')));
    expect(h).toHaveLength(1);
  });

  it('en anden medarbejders formularnøgle kan ikke genbruges', async () => {
    const { db, sofie, sag } = await verden();
    const s = await sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const noegle = crypto.randomUUID();
    const sofieId = sofie.aktoer.type === 'medarbejder' ? sofie.aktoer.medarbejderId : '';
    await db.insert(t.formularnoegler).values({
      noegle,
      medarbejderId: demoMedarbejdere.find((m) => m.id !== sofieId)?.id ?? '',
      resultat: s.id,
      tidspunkt: NU.toISOString(),
    });
    await expect(traefAfgoerelse(db, sofie, { noegle, sagId: s.id, ...input }, NU)).rejects.toThrow(GenbrugtNoegle);
  });

  it('Sofie kan ikke træffe en afgørelse mere på en sag, der allerede er afgjort', async () => {
    const { db, sofie, sag, antal } = await verden();
    const s = await sag('Serviceloven § 100');
    if (!s) throw new Error('sagen mangler');
    const foer = await antal(s.id);
    expect(foer.afgoerelser).toBe(1);
    await expect(
      traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU),
    ).rejects.toThrow(AfgoerelseFejl);
    expect(await antal(s.id)).toEqual(foer);
  });

  it('en genvurdering, der ændrer afgørelsen, giver borgeren den nye afgørelse med brev og ny klagefrist', async () => {
    const { db, sofie, sag, antal } = await verden();
    const s = await sag('Serviceloven § 100');
    if (!s) throw new Error('sagen mangler');
    const afg = foerste(await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.sagId, s.id)));
    if (!afg) throw new Error('afgørelsen mangler');
    const klageId = crypto.randomUUID();
    await db.insert(t.klager).values({
      id: klageId,
      sagId: s.id,
      afgoerelseId: afg.id,
      tekst: 'Jeg er uenig.',
      modtaget: NU.toISOString(),
      status: 'modtaget',
      genvurderingFrist: '2026-12-22',
      indsendtAf: 'Ali Hassan',
      noegle: crypto.randomUUID(),
      kvitteringsnr: 'K-1',
    });
    await behandlKlage(
      db,
      sofie,
      {
        noegle: crypto.randomUUID(),
        sagId: s.id,
        klageId,
        resultat: 'aendret',
        begrundelse: 'Vi har fået nye oplysninger.',
        udfald: 'bevilling',
        brev: 'Kære Ali. Du får dækket dine merudgifter til medicin og transport.',
      },
      NU,
    );
    const foer = await antal(s.id);
    expect(foer.afgoerelser).toBe(2);
    const nyeste = await db.select().from(t.afgoerelser).where(eq(t.afgoerelser.sagId, s.id));
    expect(nyeste.map((a) => a.udfald).sort()).toEqual([afg.udfald, 'bevilling'].sort());
    const sagen = foerste(await db.select().from(t.sager).where(eq(t.sager.id, s.id)));
    expect(sagen?.trin).toBe(6);
    const brev = await db.select().from(t.dokumenter).where(eq(t.dokumenter.sagId, s.id));
    expect(brev.some((d) => d.indhold.startsWith('Kære Ali. Du får dækket'))).toBe(true);
    // The changed decision is the decision now: a second one needs a new complaint.
    await expect(
      traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU),
    ).rejects.toThrow(/allerede en afgørelse/);
    expect(await antal(s.id)).toEqual(foer);
  });
});
