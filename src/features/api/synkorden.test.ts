/** Every PUT from a case system keeps its sync order, through the route table as the HTTP layer calls it. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { foerste } from '../../../db/client.ts';
import { dokumenter, moeder, personer } from '../../../db/schema.ts';
import { ApiFejl } from './fejl.ts';
import { ruter, type UpsertRute } from './ruter.server.ts';
import { synkRaekkefoelge } from './synkorden.server.ts';
import {
  dubu,
  else_,
  elsesBrev,
  elsesMoede,
  elsesSag,
  NEXUS_AENDRET,
  NEXUS_SENERE,
  NU,
  nexus,
  nyDemoDb,
} from './test-hjaelp.ts';

let db: Db;
const MELLEM = '2026-11-24T09:00:00+01:00'; // 08:00Z: the same moment as NEXUS_AENDRET
const put = async (rute: UpsertRute, id: string, krop: object, klient = nexus) => {
  const r = await rute.udfoer(db, klient, id, krop, NU);
  if (!r.ok) throw new Error(JSON.stringify(r.felter));
  return r.data;
};
const navn = async () => foerste(await db.select().from(personer).where(eq(personer.kildeId, 'Nexus:P-1')))?.navn;

beforeEach(async () => {
  ({ db } = await nyDemoDb());
  await put(ruter.person, 'P-1', else_());
  await put(ruter.sag, 'S-1', elsesSag());
});

describe('en synkronisering går aldrig baglæns, for alle PUT', () => {
  it('personen: en ældre ændring får 409 med det gældende tidspunkt og ændrer intet', async () => {
    await put(ruter.person, 'P-1', { ...else_({ navn: 'Else Ny' }), kildeAendret: NEXUS_SENERE });
    const fejl = await put(ruter.person, 'P-1', {
      ...else_({ navn: 'Else Gammel' }),
      kildeAendret: NEXUS_AENDRET,
    }).catch((e: unknown) => e);
    expect(fejl).toBeInstanceOf(ApiFejl);
    expect(fejl).toMatchObject({ status: 409, gaeldende: { kildeAendret: NEXUS_SENERE } });
    expect(await navn()).toBe('Else Ny');
  });

  it('samme tidspunkt igen, også i en anden tidszone, er en gentagelse: 200, aendret: false, og intet skrives', async () => {
    const a = await put(ruter.person, 'P-1', { ...else_({ navn: 'Else A' }), kildeAendret: NEXUS_AENDRET });
    const b = await put(ruter.person, 'P-1', { ...else_({ navn: 'Else B' }), kildeAendret: MELLEM });
    expect(b).toEqual({ id: a.id, aendret: false, oprettet: false });
    expect(await navn()).toBe('Else A');
  });

  it('et møde og et brev: en ældre flytning eller rettelse ændrer intet', async () => {
    const m = await put(ruter.moede, 'M-1', { ...elsesMoede({ sted: 'Rådhuset' }), kildeAendret: NEXUS_SENERE });
    await expect(
      put(ruter.moede, 'M-1', { ...elsesMoede({ sted: 'Hjemme' }), kildeAendret: NEXUS_AENDRET }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(foerste(await db.select().from(moeder).where(eq(moeder.id, m.id)))?.sted).toBe('Rådhuset');

    const b = await put(ruter.brev, 'B-1', { ...elsesBrev({ titel: 'Ny titel' }), kildeAendret: NEXUS_SENERE });
    await expect(
      put(ruter.brev, 'B-1', { ...elsesBrev({ titel: 'Gammel' }), kildeAendret: NEXUS_AENDRET }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(foerste(await db.select().from(dokumenter).where(eq(dokumenter.id, b.id)))?.titel).toBe('Ny titel');
  });

  it('en nyere ændring skrives og huskes; uden tidspunkt gælder den seneste skrivning som før', async () => {
    await put(ruter.person, 'P-1', { ...else_({ navn: 'Else 1' }), kildeAendret: NEXUS_AENDRET });
    await put(ruter.person, 'P-1', { ...else_({ navn: 'Else 2' }), kildeAendret: NEXUS_SENERE });
    expect(await navn()).toBe('Else 2');
    await put(ruter.person, 'P-1', else_({ navn: 'Else 3' }));
    expect(await navn()).toBe('Else 3');
  });

  it('ordenen er pr. system og pr. slags post: DUBUs og Nexus samme id og et møde med en persons id er hver for sig', async () => {
    await put(ruter.person, 'P-1', { ...else_(), kildeAendret: NEXUS_SENERE });
    const m = await put(ruter.moede, 'P-1', { ...elsesMoede(), kildeAendret: NEXUS_AENDRET });
    expect(m.oprettet).toBe(true);
    const fejl = await put(
      ruter.person,
      'P-1',
      { ...else_({ cpr: '0101011234', foedselsdato: '2001-01-01' }), kildeAendret: NEXUS_AENDRET },
      dubu,
    ).catch((e: unknown) => e);
    // DUBU's P-1 is another record: not a 409 of sync order (it may be refused for other reasons, not this one).
    expect((fejl as ApiFejl | undefined)?.gaeldende).toBeUndefined();
  });

  it('en skrivning, der fejler, husker ikke sit tidspunkt', async () => {
    const fejl = await put(ruter.moede, 'M-9', {
      ...elsesMoede({ personKildeId: 'findes-ikke' }),
      kildeAendret: NEXUS_SENERE,
    }).catch((e: unknown) => e);
    expect(fejl).toMatchObject({ status: 422 });
    const m = await put(ruter.moede, 'M-9', { ...elsesMoede(), kildeAendret: NEXUS_AENDRET });
    expect(m.oprettet).toBe(true);
  });

  it.each([
    [null, NEXUS_AENDRET, 'nyere'],
    [NEXUS_AENDRET, NEXUS_SENERE, 'nyere'],
    [NEXUS_AENDRET, NEXUS_AENDRET, 'samme'],
    [NEXUS_SENERE, NEXUS_AENDRET, 'aeldre'],
  ] as const)('gemt %s, sendt %s: %s', (gemt, sendt, svar) => {
    expect(synkRaekkefoelge(gemt, sendt)).toBe(svar);
  });
});
