/** The list form of the door (security review L2): staff lists show only their scope, and log each person shown. */

import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { indbakke } from '#/features/medarbejder/hjaelpemidler.server.ts';
import { opretOvergangssag, ungeIOvergangsalder } from '#/features/medarbejder/overgang.server.ts';
import { sagslisteSide } from '#/features/medarbejder/sagsliste.server.ts';
import { parseSagslisteFilter } from '#/features/medarbejder/sagsliste.ts';
import { foerste } from '../../../db/client.ts';
import { audit, fejlmeldinger, medarbejdere, udlaan } from '../../../db/schema.ts';
import { IkkeFundet } from './adgang.server.ts';
import { NU, nyVerden } from './test-hjaelp.ts';

type Verden = Awaited<ReturnType<typeof nyVerden>>;
const logFor = async (v: Verden, personId: string, medarbejder: string) =>
  await v.db
    .select()
    .from(audit)
    .where(and(eq(audit.personId, personId), eq(audit.aktoerId, medarbejder)));

const alleIEnheden = parseSagslisteFilter(new URLSearchParams('visning=enhed&status=alle'));

describe('sagslisten', () => {
  it('Sofie ser Voksenhandicaps sager og ikke Jens; hver borger får én logning', async () => {
    const v = await nyVerden();
    const liste = (await sagslisteSide(v.db, await v.medarbejder('sofie'), NU, alleIEnheden)).raekker;
    expect(
      liste.every((r) => r.sag.enhed === 'voksenhandicap' || r.sag.sagsbehandlerId === v.medarbejderId('sofie')),
    ).toBe(true);
    expect(liste.map((r) => r.person.id)).not.toContain(v.demo.jens.id);
    const ali = await logFor(v, v.demo.ali.id, v.medarbejderId('sofie'));
    expect(ali).toHaveLength(1);
    expect(ali[0]?.hvad).toMatch(/^Sagsliste: /);
    expect(await logFor(v, v.demo.jens.id, v.medarbejderId('sofie'))).toEqual([]);
  });

  it('med et filter logges kun de borgere, der vises, ikke hele enhedens', async () => {
    const v = await nyVerden();
    const sofie = v.medarbejderId('sofie');
    const hele = (await sagslisteSide(v.db, await v.medarbejder('sofie'), NU, alleIEnheden)).raekker;
    const trin = hele[0]?.sag.trin ?? 1;
    const vist = new Set(hele.filter((r) => r.sag.trin === trin).map((r) => r.person.id));
    const andre = new Set(hele.map((r) => r.person.id).filter((id) => !vist.has(id)));
    // The demo must have both kinds, or the test proves nothing.
    expect(vist.size).toBeGreaterThan(0);
    expect(andre.size).toBeGreaterThan(0);
    await v.db.delete(audit);
    const filter = parseSagslisteFilter(new URLSearchParams(`visning=enhed&status=alle&trin=${trin}`));
    const liste = (await sagslisteSide(v.db, await v.medarbejder('sofie'), NU, filter)).raekker;
    expect(new Set(liste.map((r) => r.person.id))).toEqual(vist);
    const logget = (await v.db.select().from(audit).where(eq(audit.aktoerId, sofie))).map((r) => r.personId);
    expect(new Set(logget)).toEqual(vist);
  });
});

describe('Unge 16-18 år', () => {
  it('Henrik ser Freja, og Frejas log viser det', async () => {
    const v = await nyVerden();
    expect((await ungeIOvergangsalder(v.db, await v.medarbejder('henrik'), NU)).map((u) => u.navn)).toEqual([
      'Freja Holm',
    ]);
    expect(await logFor(v, v.demo.freja.id, v.medarbejderId('henrik'))).toMatchObject([
      { handling: 'se', hvad: 'Unge 16-18 år: navn og 18-årsdag' },
    ]);
  });

  it('Sofie ser ikke Freja på listen, fordi hun kun har Frejas voksensag', async () => {
    const v = await nyVerden();
    expect(await ungeIOvergangsalder(v.db, await v.medarbejder('sofie'), NU)).toEqual([]);
    expect(await logFor(v, v.demo.freja.id, v.medarbejderId('sofie'))).toEqual([]);
    await expect(
      opretOvergangssag(v.db, await v.medarbejder('sofie'), { personId: v.demo.freja.id }, NU),
    ).rejects.toThrow(IkkeFundet);
  });
});

describe('hjælpemiddel-indbakken', () => {
  it('Maria ser Jens ansøgning og hans fejlmelding, og Jens log viser det', async () => {
    const v = await nyVerden();
    const laan = foerste(await v.db.select().from(udlaan).where(eq(udlaan.personId, v.demo.jens.id)));
    await v.db.insert(fejlmeldinger).values({
      id: 'f1',
      udlaanId: laan?.id ?? '',
      beskrivelse: 'Bremsen virker ikke',
      farlig: true,
      modtaget: NU.toISOString(),
      indsendtAf: 'Jens Madsen',
      status: 'modtaget',
    });
    const ind = await indbakke(v.db, await v.medarbejder('maria'), NU);
    expect(ind.ansoegninger.map((a) => a.navn)).toContain('Jens Madsen');
    expect(ind.fejl.map((f) => f.beskrivelse)).toEqual(['Bremsen virker ikke']);
    const log = await v.db
      .select()
      .from(audit)
      .where(and(eq(audit.personId, v.demo.jens.id), like(audit.hvad, 'Hjælpemidler%')));
    expect(log).toHaveLength(1);
  });

  it('Sofie ser ikke Jens hjælpemidler (Team Øst), og Jens log får ingen linje fra hende', async () => {
    const v = await nyVerden();
    const laan = foerste(await v.db.select().from(udlaan).where(eq(udlaan.personId, v.demo.jens.id)));
    await v.db.insert(fejlmeldinger).values({
      id: 'f1',
      udlaanId: laan?.id ?? '',
      beskrivelse: 'Bremsen virker ikke',
      farlig: true,
      modtaget: NU.toISOString(),
      indsendtAf: 'Jens Madsen',
      status: 'modtaget',
    });
    const ind = await indbakke(v.db, await v.medarbejder('sofie'), NU);
    expect([...ind.ansoegninger, ...ind.fejl].map((x) => x.navn)).not.toContain('Jens Madsen');
    expect(await logFor(v, v.demo.jens.id, v.medarbejderId('sofie'))).toEqual([]);
  });

  it('depotet ser alle fejlmeldinger, men ingen ansøgninger', async () => {
    const v = await nyVerden();
    const laan = foerste(await v.db.select().from(udlaan).where(eq(udlaan.personId, v.demo.jens.id)));
    await v.db.insert(fejlmeldinger).values({
      id: 'f1',
      udlaanId: laan?.id ?? '',
      beskrivelse: 'Bremsen virker ikke',
      farlig: true,
      modtaget: NU.toISOString(),
      indsendtAf: 'Jens Madsen',
      status: 'modtaget',
    });
    await v.db.insert(medarbejdere).values({
      id: 'dorte',
      oidcSub: 'medarbejder-dorte',
      navn: 'Dorte Depot',
      rolle: 'depot',
      enhed: 'hjaelpemiddeldepot',
    });
    const ind = await indbakke(v.db, await v.medarbejderMedId('dorte'), NU);
    expect(ind.fejl.map((f) => f.navn)).toEqual(['Jens Madsen']);
    expect(ind.ansoegninger).toEqual([]);
    expect(await logFor(v, v.demo.jens.id, 'dorte')).toHaveLength(1);
  });
});
