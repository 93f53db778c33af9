import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import {
  behandlKlage,
  forlaengFrist,
  naesteTrin,
  overdragSag,
  traefAfgoerelse,
} from '#/features/medarbejder/sagsbehandling.server.ts';
import { defined } from '#/lib/defined.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { EJER_AF_SPEJLET_SAG, EjerskabsFejl, ejer, kildesystem, kraevEjerskab } from './ejerskab.ts';
import { indsendKlage } from './klage.server.ts';
import { saetTrin } from './sagsskrivning.server.ts';

const portalsag = { kildeId: null };
const nexussag = { kildeId: 'Nexus:S-1' };

describe('ejerskabstabellen', () => {
  it('kender systemet fra sagens kilde-id', () => {
    expect(kildesystem(nexussag)).toBe('Nexus');
    expect(kildesystem({ kildeId: 'DUBU:2026-17' })).toBe('DUBU');
    expect(kildesystem(portalsag)).toBeNull();
  });

  it('i en sag lavet i portalen ejer portalen alt', () => {
    for (const fakta of Object.keys(EJER_AF_SPEJLET_SAG) as (keyof typeof EJER_AF_SPEJLET_SAG)[])
      expect(ejer(portalsag, fakta)).toBeNull();
  });

  it('i en spejlet sag ejer systemet trin, frist, sagsbehandler, afgørelse, breve og oplysninger; portalen resten', () => {
    const systemets = (Object.keys(EJER_AF_SPEJLET_SAG) as (keyof typeof EJER_AF_SPEJLET_SAG)[]).filter(
      (f) => ejer(nexussag, f) === 'Nexus',
    );
    expect(systemets.toSorted()).toEqual(['afgoerelse', 'breve', 'frist', 'oplysninger', 'sagsbehandler', 'trin']);
    expect(ejer(nexussag, 'moeder')).toBeNull();
    expect(ejer(nexussag, 'plan')).toBeNull();
  });

  it('afviser portalen på systemets fakta og et system på portalens sag, med en dansk besked', () => {
    expect(() => kraevEjerskab(nexussag, 'trin', null)).toThrow(
      new EjerskabsFejl(
        'Sagens trin ændres i Nexus, hvor sagen hører hjemme. Portalen viser det, når Nexus sender det.',
      ),
    );
    expect(() => kraevEjerskab(nexussag, 'trin', 'Nexus')).not.toThrow();
    expect(() => kraevEjerskab(portalsag, 'trin', null)).not.toThrow();
    expect(() => kraevEjerskab(portalsag, 'frist', 'DUBU')).toThrow(EjerskabsFejl);
    expect(() => kraevEjerskab(nexussag, 'moeder', null)).not.toThrow();
  });
});

/** The demo, with Ali's ledsagelse case (§ 97, Sofie's unit, step 4) and his decided § 100 case mirrored from Nexus. */
async function spejletVerden() {
  const { db, demo } = await nyDemoDb();
  const sofieId = defined(
    demoMedarbejdere.find((m) => m.navn.startsWith('Sofie')),
    'Sofie',
  ).id;
  const sofie = defined(
    await loadBruger(db, { personId: null, medarbejderId: sofieId, handlerForId: null } as Session, NU),
    'Sofie',
  );
  const ali = defined(
    await loadBruger(db, { personId: demo.ali.id, medarbejderId: null, handlerForId: null } as Session, NU),
    'Ali',
  );
  const spejl = async (lov: string, kildeId: string) => {
    const hvor = and(eq(t.sager.personId, demo.ali.id), eq(t.sager.lovgrundlag, lov));
    await db.update(t.sager).set({ kildeId }).where(hvor);
    return defined(foerste(await db.select().from(t.sager).where(hvor)), lov);
  };
  const sag = async (id: string) => defined(foerste(await db.select().from(t.sager).where(eq(t.sager.id, id))), id);
  const antal = async (tabel: typeof t.sagshaendelser | typeof t.afgoerelser | typeof t.dokumenter, sagId: string) =>
    defined(foerste(await db.select({ n: count() }).from(tabel).where(eq(tabel.sagId, sagId))), 'antal').n;
  return { db, sofie, ali, spejl, sag, antal };
}

describe('en sag spejlet fra Nexus kan ikke ændres i portalen på det, Nexus ejer', () => {
  it('Sofie kan hverken flytte trinnet, forlænge fristen, overdrage sagen eller træffe afgørelse; intet ændres', async () => {
    const { db, sofie, spejl, sag, antal } = await spejletVerden();
    const s = await spejl('Serviceloven § 97', 'Nexus:LED-1');
    const foer = [
      await antal(t.sagshaendelser, s.id),
      await antal(t.afgoerelser, s.id),
      await antal(t.dokumenter, s.id),
    ];
    const noegle = () => crypto.randomUUID();
    const andenId = defined(
      demoMedarbejdere.find((m) => m.id !== s.sagsbehandlerId),
      'en kollega',
    ).id;
    const forsoeg = [
      () => naesteTrin(db, sofie, { sagId: s.id, noegle: noegle(), besked: 'Vi venter på din læge.' }, NU),
      () =>
        forlaengFrist(
          db,
          sofie,
          { sagId: s.id, noegle: noegle(), nyFrist: '2027-03-01', begrundelse: 'Vi mangler en udtalelse.' },
          NU,
        ),
      () =>
        overdragSag(
          db,
          sofie,
          { sagId: s.id, noegle: noegle(), tilId: andenId, planlagt: 'ja', midlertidig: 'nej' },
          NU,
        ),
      () =>
        traefAfgoerelse(
          db,
          sofie,
          {
            sagId: s.id,
            noegle: noegle(),
            udfald: 'bevilling',
            begrundelse: 'Du har brug for ledsagelse.',
            brev: 'Kære Ali. Du får ledsagelse om aftenen.',
          },
          NU,
        ),
    ];
    for (const f of forsoeg) {
      const fejl = await f().catch((e: unknown) => e);
      expect(fejl).toBeInstanceOf(EjerskabsFejl);
      expect((fejl as Error).message).toMatch(/ændres i Nexus/);
    }
    expect(await sag(s.id)).toMatchObject({ trin: s.trin, nyFrist: s.nyFrist, sagsbehandlerId: s.sagsbehandlerId });
    expect([
      await antal(t.sagshaendelser, s.id),
      await antal(t.afgoerelser, s.id),
      await antal(t.dokumenter, s.id),
    ]).toEqual(foer);
  });

  it('skriveren selv afviser portalen, og tager imod Nexus', async () => {
    const { db, spejl, sag } = await spejletVerden();
    const s = await spejl('Serviceloven § 97', 'Nexus:LED-1');
    await expect(
      db.transaction(async (tx) => await saetTrin(tx, s.id, { trin: 5, trinTekst: 'Fra portalen.' }, null, NU)),
    ).rejects.toThrow(EjerskabsFejl);
    expect((await sag(s.id)).trin).toBe(s.trin);
    await db.transaction(
      async (tx) => await saetTrin(tx, s.id, { trin: 5, trinTekst: 'Fra Nexus.' }, null, NU, null, 'Nexus'),
    );
    expect(await sag(s.id)).toMatchObject({ trin: 5, trinTekst: 'Fra Nexus.' });
  });

  it('Alis klage kommer frem og står i hans historik, men trinnet er Nexus’: det flyttes ikke', async () => {
    const { db, ali, sofie, spejl, sag, antal } = await spejletVerden();
    const s = await spejl('Serviceloven § 100', 'Nexus:BIL-1');
    const foer = await antal(t.sagshaendelser, s.id);
    const { klageId } = await indsendKlage(
      db,
      ali,
      { sagId: s.id, tekst: 'Jeg har brug for bilen til arbejde.', noegle: crypto.randomUUID() },
      NU,
    );
    expect(foerste(await db.select().from(t.klager).where(eq(t.klager.id, klageId)))).toMatchObject({
      status: 'modtaget',
    });
    expect(await sag(s.id)).toMatchObject({ trin: s.trin, trinTekst: s.trinTekst });
    expect(await antal(t.sagshaendelser, s.id)).toBe(foer + 1);
    // The re-assessment is the decision's, so Nexus': Sofie cannot record it in the portal.
    await expect(
      behandlKlage(
        db,
        sofie,
        {
          sagId: s.id,
          noegle: crypto.randomUUID(),
          klageId,
          resultat: 'fastholdt',
          begrundelse: 'Afgørelsen er rigtig.',
        },
        NU,
      ),
    ).rejects.toThrow(EjerskabsFejl);
    expect(foerste(await db.select().from(t.klager).where(eq(t.klager.id, klageId)))).toMatchObject({
      status: 'modtaget',
    });
  });
});
