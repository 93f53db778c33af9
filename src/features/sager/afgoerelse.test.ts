import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { behandlKlage, traefAfgoerelse } from '#/features/medarbejder/sagsbehandling.server.ts';
import { GenbrugtNoegle } from '#/lib/formularnoegle.server.ts';
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

function verden() {
  const { db, demo } = nyDemoDb();
  const sofieId = demoMedarbejdere.find((m) => m.navn.startsWith('Sofie'))?.id ?? '';
  const sofie = loadBruger(db, { personId: null, medarbejderId: sofieId, handlerForId: null } as Session, NU);
  if (!sofie) throw new Error('Sofie mangler i demo-data');
  const sag = (lov: string) =>
    db
      .select()
      .from(t.sager)
      .where(and(eq(t.sager.personId, demo.ali.id), eq(t.sager.lovgrundlag, lov)))
      .get();
  const antal = (sagId: string) => ({
    afgoerelser: db.select({ n: count() }).from(t.afgoerelser).where(eq(t.afgoerelser.sagId, sagId)).get()?.n,
    breve: db.select({ n: count() }).from(t.dokumenter).where(eq(t.dokumenter.sagId, sagId)).get()?.n,
  });
  return { db, demo, sofie, sag, antal };
}

describe('registrerAfgoerelse', () => {
  const input = {
    udfald: 'delvis' as const,
    begrundelse: 'Du kan færdes alene om dagen.',
    brev: 'Kære Ali Hassan. Du får ledsagelse om aftenen.',
  };

  it('Sofies afgørelse giver brev, trin 6 og én hændelse til Ali', () => {
    const { db, sofie, sag, antal } = verden();
    const s = sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const foer = antal(s.id);
    traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU);
    expect(antal(s.id)).toEqual({ afgoerelser: (foer.afgoerelser ?? 0) + 1, breve: (foer.breve ?? 0) + 1 });
    expect(db.select().from(t.sager).where(eq(t.sager.id, s.id)).get()).toMatchObject({ trin: 6, aaben: true });
    const h = db
      .select()
      .from(t.sagshaendelser)
      .where(and(eq(t.sagshaendelser.sagId, s.id), eq(t.sagshaendelser.type, 'afgoerelse')))
      .all();
    expect(h.map((x) => x.tekst)).toEqual([
      'Du har fået en afgørelse: delvis bevilling. Brevet ligger under "Breve og dokumenter".',
    ]);
  });

  it('en afgørelsesformular sendt to gange giver én afgørelse og ét brev, og samme svar', () => {
    const { db, sofie, sag, antal } = verden();
    const s = sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const foer = antal(s.id);
    const formular = { noegle: crypto.randomUUID(), sagId: s.id, ...input };
    const foerste = traefAfgoerelse(db, sofie, formular, NU);
    expect(traefAfgoerelse(db, sofie, formular, new Date(NU.getTime() + 2000))).toEqual(foerste);
    expect(antal(s.id)).toEqual({ afgoerelser: (foer.afgoerelser ?? 0) + 1, breve: (foer.breve ?? 0) + 1 });
    const h = db
      .select()
      .from(t.sagshaendelser)
      .where(and(eq(t.sagshaendelser.sagId, s.id), eq(t.sagshaendelser.type, 'afgoerelse')))
      .all();
    expect(h).toHaveLength(1);
  });

  it('en anden medarbejders formularnøgle kan ikke genbruges', () => {
    const { db, sofie, sag } = verden();
    const s = sag('Serviceloven § 97');
    if (!s) throw new Error('sagen mangler');
    const noegle = crypto.randomUUID();
    const sofieId = sofie.aktoer.type === 'medarbejder' ? sofie.aktoer.medarbejderId : '';
    db.insert(t.formularnoegler)
      .values({
        noegle,
        medarbejderId: demoMedarbejdere.find((m) => m.id !== sofieId)?.id ?? '',
        resultat: s.id,
        tidspunkt: NU.toISOString(),
      })
      .run();
    expect(() => traefAfgoerelse(db, sofie, { noegle, sagId: s.id, ...input }, NU)).toThrow(GenbrugtNoegle);
  });

  it('Sofie kan ikke træffe en afgørelse mere på en sag, der allerede er afgjort', () => {
    const { db, sofie, sag, antal } = verden();
    const s = sag('Serviceloven § 100');
    if (!s) throw new Error('sagen mangler');
    const foer = antal(s.id);
    expect(foer.afgoerelser).toBe(1);
    expect(() => traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU)).toThrow(
      AfgoerelseFejl,
    );
    expect(antal(s.id)).toEqual(foer);
  });

  it('efter en genvurdering, der ændrer afgørelsen, kan Sofie træffe den nye afgørelse', () => {
    const { db, sofie, sag, antal } = verden();
    const s = sag('Serviceloven § 100');
    if (!s) throw new Error('sagen mangler');
    const afg = db.select().from(t.afgoerelser).where(eq(t.afgoerelser.sagId, s.id)).get();
    if (!afg) throw new Error('afgørelsen mangler');
    const klageId = crypto.randomUUID();
    db.insert(t.klager)
      .values({
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
      })
      .run();
    behandlKlage(
      db,
      sofie,
      {
        noegle: crypto.randomUUID(),
        sagId: s.id,
        klageId,
        resultat: 'aendret',
        begrundelse: 'Vi har fået nye oplysninger.',
      },
      NU,
    );
    traefAfgoerelse(db, sofie, { noegle: crypto.randomUUID(), sagId: s.id, ...input }, NU);
    expect(antal(s.id).afgoerelser).toBe(2);
  });
});
