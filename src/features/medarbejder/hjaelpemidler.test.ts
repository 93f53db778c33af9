import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { IkkeFundet, loadBruger } from '#/features/adgang/adgang.server.ts';
import { IDAG, NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { ansoegningOvergange, kanGaaTil } from '#/features/hjaelpemidler/status.ts';
import type { Session } from '#/features/login/session.ts';
import { klagefristFor } from '#/features/sager/frister.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { HjaelpemiddelFejl, indbakke, markerLeveret, vurderAnsoegning } from './hjaelpemidler.server.ts';

async function verden() {
  const { db, demo } = await nyDemoDb();
  const medarbejder = async (fornavn: string) => {
    const id = demoMedarbejdere.find((m) => m.navn.startsWith(fornavn))?.id ?? '';
    const b = await loadBruger(db, { personId: null, medarbejderId: id, handlerForId: null } as Session, NU);
    if (!b) throw new Error(`${fornavn} mangler i demo-data`);
    return b;
  };
  const ansoegning = foerste(
    await db.select().from(t.hjaelpemiddelAnsoegninger).where(eq(t.hjaelpemiddelAnsoegninger.personId, demo.jens.id)),
  );
  if (!ansoegning?.sagId) throw new Error('Jens’ ansøgning mangler');
  const afgoerelser = async () =>
    foerste(
      await db
        .select({ n: count() })
        .from(t.afgoerelser)
        .where(eq(t.afgoerelser.sagId, ansoegning.sagId ?? '')),
    )?.n;
  /** Peter, with a case of Jens' in his own unit Midt (the application's case is in Øst). */
  const peterMedJensISinEnhed = async () => {
    const peter = await medarbejder('Peter');
    await db.insert(t.sager).values({
      id: 'jens-midt',
      personId: demo.jens.id,
      enhed: 'midt',
      titel: 'Madservice',
      lovgrundlag: 'Ældreloven § 10',
      trin: 3,
      trinTekst: 'Vi indhenter oplysninger.',
      aaben: true,
      sagsbehandlerId: peter.aktoer.type === 'medarbejder' ? peter.aktoer.medarbejderId : null,
      modtaget: IDAG,
      frist: '2026-12-22',
    });
    return peter;
  };
  return { db, demo, medarbejder, ansoegning, afgoerelser, peterMedJensISinEnhed };
}

/** Dorte in the depot: not a demo persona. */
async function dorteDepot(db: Awaited<ReturnType<typeof verden>>['db']) {
  await db.insert(t.medarbejdere).values({
    id: 'dorte',
    oidcSub: 'medarbejder-dorte',
    navn: 'Dorte Depot',
    rolle: 'depot',
    enhed: 'hjaelpemiddeldepot',
  });
  const dorte = await loadBruger(db, { personId: null, medarbejderId: 'dorte', handlerForId: null } as Session, NU);
  if (!dorte) throw new Error('Dorte mangler');
  return dorte;
}

/** Dorte, and Jens' bath bench granted with its delivery agreed for `dag`. */
async function leveringAftalt(dag = '2026-11-27') {
  const v = await verden();
  const dorte = await dorteDepot(v.db);
  const maria = await v.medarbejder('Maria');
  const id = v.ansoegning.id;
  const vurder = async (x: { status: 'bevilget' | 'levering-aftalt'; begrundelse?: string; leveringsdato?: string }) =>
    await vurderAnsoegning(v.db, maria, { noegle: crypto.randomUUID(), ansoegningId: id, ...x }, NU);
  await vurder({ status: 'bevilget', begrundelse: 'Du kan ikke stå op i badet.' });
  await vurder({ status: 'levering-aftalt', leveringsdato: dag });
  const laan = async () =>
    await v.db
      .select()
      .from(t.udlaan)
      .where(and(eq(t.udlaan.personId, v.demo.jens.id), eq(t.udlaan.hjaelpemiddel, 'Badebænk')));
  const status = async () =>
    foerste(await v.db.select().from(t.hjaelpemiddelAnsoegninger).where(eq(t.hjaelpemiddelAnsoegninger.id, id)))
      ?.status;
  return { ...v, dorte, maria, id, laan, status };
}

describe('ansøgningens tilstande', () => {
  it('en afgjort eller leveret ansøgning kan ikke afgøres igen', () => {
    for (const fra of ['bevilget', 'levering-aftalt', 'udleveret', 'afslag'] as const) {
      expect(kanGaaTil(fra, 'bevilget'), fra).toBe(false);
      expect(kanGaaTil(fra, 'afslag'), fra).toBe(false);
    }
    expect(ansoegningOvergange.udleveret).toEqual([]);
  });

  it('Maria kan ikke bevilge Jens’ badebænk igen, når den er leveret', async () => {
    const { db, medarbejder, ansoegning, afgoerelser } = await verden();
    const maria = await medarbejder('Maria');
    const id = ansoegning.id;
    await vurderAnsoegning(
      db,
      maria,
      {
        noegle: crypto.randomUUID(),
        ansoegningId: id,
        status: 'bevilget',
        begrundelse: 'Du kan ikke stå op i badet.',
      },
      NU,
    );
    await vurderAnsoegning(
      db,
      maria,
      { noegle: crypto.randomUUID(), ansoegningId: id, status: 'udleveret', nummer: 'BB-1' },
      NU,
    );
    const foer = await afgoerelser();
    await expect(
      vurderAnsoegning(
        db,
        maria,
        {
          noegle: crypto.randomUUID(),
          ansoegningId: id,
          status: 'bevilget',
          begrundelse: 'En gang til, fra en gammel side.',
        },
        NU,
      ),
    ).rejects.toThrow(HjaelpemiddelFejl);
    await expect(
      vurderAnsoegning(
        db,
        maria,
        {
          noegle: crypto.randomUUID(),
          ansoegningId: id,
          status: 'afslag',
          begrundelse: 'En gang til, fra en gammel side.',
        },
        NU,
      ),
    ).rejects.toThrow(HjaelpemiddelFejl);
    expect(await afgoerelser()).toBe(foer);
    expect(
      foerste(await db.select().from(t.hjaelpemiddelAnsoegninger).where(eq(t.hjaelpemiddelAnsoegninger.id, id)))
        ?.status,
    ).toBe('udleveret');
  });

  it('Peter fra Midt kan ikke afgøre Jens’ ansøgning på en sag i Øst, selv om Jens har en sag i Midt', async () => {
    const { db, ansoegning, afgoerelser, peterMedJensISinEnhed } = await verden();
    const peter = await peterMedJensISinEnhed();
    await expect(
      vurderAnsoegning(
        db,
        peter,
        {
          noegle: crypto.randomUUID(),
          ansoegningId: ansoegning.id,
          status: 'afslag',
          begrundelse: 'Det er ikke min enheds sag.',
        },
        NU,
      ),
    ).rejects.toThrow(IkkeFundet);
    expect(await afgoerelser()).toBe(0);
  });
});

describe('afgørelsens forsendelse', () => {
  it.each([
    [undefined, 'digital-post'],
    ['almindelig-post', 'almindelig-post'],
  ] as const)('forsendelse %s: klagefristen regnes fra modtagelsen med %s', async (forsendelse, forventet) => {
    const { db, medarbejder, ansoegning } = await verden();
    await vurderAnsoegning(
      db,
      await medarbejder('Maria'),
      {
        noegle: crypto.randomUUID(),
        ansoegningId: ansoegning.id,
        status: 'afslag',
        begrundelse: 'Du kan bruge en badestol, du har i forvejen.',
        forsendelse,
      },
      NU,
    );
    const afg = foerste(
      await db
        .select()
        .from(t.afgoerelser)
        .where(eq(t.afgoerelser.sagId, ansoegning.sagId ?? '')),
    );
    expect([afg?.forsendelse, afg?.klagefrist]).toEqual([forventet, klagefristFor(IDAG, forventet)]);
  });
});

describe('rollen tæller', () => {
  it('en sagsbehandler uden rollen visitator eller terapeut kan ikke bevilge, men kan sætte ansøgningen i gang', async () => {
    const { db, medarbejder, ansoegning, afgoerelser } = await verden();
    const mariaId = demoMedarbejdere.find((m) => m.navn.startsWith('Maria'))?.id ?? '';
    await db.update(t.medarbejdere).set({ rolle: 'sagsbehandler' }).where(eq(t.medarbejdere.id, mariaId));
    const maria = await medarbejder('Maria');
    const foer = await afgoerelser();
    const bevilg = {
      noegle: crypto.randomUUID(),
      ansoegningId: ansoegning.id,
      status: 'bevilget',
      begrundelse: 'Du kan ikke stå op i badet.',
    } as const;
    await expect(vurderAnsoegning(db, maria, bevilg, NU)).rejects.toThrow(/visitator eller terapeut/);
    expect(await afgoerelser()).toBe(foer);
  });
});

describe('depotets leveringer', () => {
  it('Dorte ser leveringen med dato, borger, hjælpemiddel og adresse – intet andet – og Jens log viser det', async () => {
    const v = await leveringAftalt();
    await v.db
      .update(t.hjaelpemiddelAnsoegninger)
      .set({ leveringsadresse: 'Strandvejen 4, 7130 Juelsminde' })
      .where(eq(t.hjaelpemiddelAnsoegninger.id, v.id));
    const ind = await indbakke(v.db, v.dorte, NU);
    expect(ind.leveringer).toEqual([
      {
        id: v.id,
        hjaelpemiddel: 'Badebænk',
        leveringsdato: '2026-11-27',
        adresse: 'Strandvejen 4, 7130 Juelsminde',
        navn: 'Jens Madsen',
      },
    ]);
    // The depot sees no requests, only the delivery.
    expect(ind.ansoegninger).toEqual([]);
    const log = await v.db
      .select()
      .from(t.audit)
      .where(and(eq(t.audit.personId, v.demo.jens.id), eq(t.audit.aktoerId, 'dorte')));
    expect(log.map((l) => l.hvad)).toEqual(['Hjælpemidler (medarbejder): Badebænk (levering)']);
  });

  it('uden egen leveringsadresse står borgerens adresse; leveringerne står efter dato', async () => {
    const v = await leveringAftalt('2026-12-02');
    // A second agreed delivery, earlier, on the same case: it comes first.
    await v.db.insert(t.hjaelpemiddelAnsoegninger).values({
      id: 'toilet',
      personId: v.demo.jens.id,
      hjaelpemiddel: 'Toiletforhøjer',
      beskrivelse: 'Jeg kan ikke rejse mig.',
      status: 'levering-aftalt',
      modtaget: IDAG,
      leveringsdato: '2026-11-20',
      leveringsadresse: 'Hos datteren, Kirkevej 1',
      sagId: v.ansoegning.sagId,
    });
    const ind = await indbakke(v.db, v.dorte, NU);
    const jens = foerste(await v.db.select().from(t.personer).where(eq(t.personer.id, v.demo.jens.id)));
    expect(ind.leveringer.map((l) => [l.hjaelpemiddel, l.leveringsdato, l.adresse])).toEqual([
      ['Toiletforhøjer', '2026-11-20', 'Hos datteren, Kirkevej 1'],
      ['Badebænk', '2026-12-02', jens?.adresse],
    ]);
  });

  it('Maria i Team Øst ser Jens levering; Sofie ser den ikke, og Jens log får intet fra hende', async () => {
    const v = await leveringAftalt();
    expect((await indbakke(v.db, v.maria, NU)).leveringer.map((l) => l.id)).toEqual([v.id]);
    const sofie = await v.medarbejder('Sofie');
    expect((await indbakke(v.db, sofie, NU)).leveringer).toEqual([]);
    const sofieId = sofie.aktoer.type === 'medarbejder' ? sofie.aktoer.medarbejderId : '';
    expect(
      await v.db
        .select()
        .from(t.audit)
        .where(and(eq(t.audit.personId, v.demo.jens.id), eq(t.audit.aktoerId, sofieId))),
    ).toEqual([]);
  });

  it('Dorte markerer den som leveret: ansøgningen er udleveret, ét udlån, en hændelse på sagen og journalen', async () => {
    const v = await leveringAftalt();
    const journalFoer = (await v.db.select().from(t.journalhaendelser)).length;
    await markerLeveret(v.db, v.dorte, { noegle: crypto.randomUUID(), ansoegningId: v.id, nummer: 'BB-77' }, NU);
    expect(await v.status()).toBe('udleveret');
    const laan = await v.laan();
    expect(laan.map((l) => [l.nummer, l.udlaantDato, l.afleveret])).toEqual([['BB-77', IDAG, null]]);
    const haendelser = await v.db
      .select()
      .from(t.sagshaendelser)
      .where(eq(t.sagshaendelser.sagId, v.ansoegning.sagId ?? ''));
    expect(haendelser.filter((h) => h.tekst === 'Badebænk er leveret.').map((h) => h.medarbejderId)).toEqual(['dorte']);
    const journal = (await v.db.select().from(t.journalhaendelser).orderBy(t.journalhaendelser.loebenr)).slice(
      journalFoer,
    );
    expect(journal.map((j) => [j.type, j.genstandId, j.sagId])).toEqual([
      ['udlaan', laan[0]?.id, null],
      ['hjaelpemiddel-status', v.id, v.ansoegning.sagId],
    ]);
    expect(journal[1]?.data).toMatchObject({
      fra: 'levering-aftalt',
      status: 'udleveret',
      leveringsdato: '2026-11-27',
    });
    // The delivery is done: it leaves the depot's list.
    expect((await indbakke(v.db, v.dorte, NU)).leveringer).toEqual([]);
  });

  it('sendt igen – med samme nøgle eller fra en ny formular – giver ikke et udlån mere', async () => {
    const v = await leveringAftalt();
    const noegle = crypto.randomUUID();
    const input = { noegle, ansoegningId: v.id, nummer: 'BB-77' };
    const foerst = await markerLeveret(v.db, v.dorte, input, NU);
    expect(await markerLeveret(v.db, v.dorte, input, NU)).toEqual(foerst);
    await expect(
      markerLeveret(v.db, v.dorte, { ...input, noegle: crypto.randomUUID(), nummer: 'BB-78' }, NU),
    ).rejects.toThrow(HjaelpemiddelFejl);
    // Nor from the therapist's form, which uses the same writer.
    await expect(
      vurderAnsoegning(
        v.db,
        v.maria,
        { noegle: crypto.randomUUID(), ansoegningId: v.id, status: 'udleveret', nummer: 'BB-79' },
        NU,
      ),
    ).rejects.toThrow(HjaelpemiddelFejl);
    expect((await v.laan()).map((l) => l.nummer)).toEqual(['BB-77']);
  });

  it('en anden leverer imellem, at Dorte læste ansøgningen og gemmer: kun den ene gemmes', async () => {
    const v = await leveringAftalt();
    const lever = async (b: typeof v.dorte, nummer: string) =>
      await markerLeveret(v.db, b, { noegle: crypto.randomUUID(), ansoegningId: v.id, nummer }, NU);
    // Maria's delivery commits after Dorte's read and before her transaction: Dorte's step then finds another status.
    const echte = v.db.transaction.bind(v.db);
    let imellem = true;
    vi.spyOn(v.db, 'transaction').mockImplementation(async (fn, config) => {
      if (imellem) {
        imellem = false;
        await lever(v.maria, 'BB-2');
      }
      return await echte(fn, config);
    });
    await expect(lever(v.dorte, 'BB-1')).rejects.toThrow('Ansøgningen er lige blevet ændret af en anden.');
    expect((await v.laan()).map((l) => l.nummer)).toEqual(['BB-2']);
  });

  it('en sagsbehandler uden adgang kan ikke, heller ikke med en anden af borgerens sager i sit team', async () => {
    const v = await leveringAftalt();
    const sofie = await v.medarbejder('Sofie');
    const peter = await v.peterMedJensISinEnhed();
    for (const b of [sofie, peter])
      await expect(
        markerLeveret(v.db, b, { noegle: crypto.randomUUID(), ansoegningId: v.id, nummer: 'BB-1' }, NU),
      ).rejects.toThrow(IkkeFundet);
    expect((await indbakke(v.db, peter, NU)).leveringer).toEqual([]);
    expect(await v.status()).toBe('levering-aftalt');
    expect(await v.laan()).toEqual([]);
  });

  it('depotet leverer kun det, der er aftalt: en bevilget ansøgning uden leveringsdag afvises', async () => {
    const v = await verden();
    const dorte = await dorteDepot(v.db);
    await vurderAnsoegning(
      v.db,
      await v.medarbejder('Maria'),
      {
        noegle: crypto.randomUUID(),
        ansoegningId: v.ansoegning.id,
        status: 'bevilget',
        begrundelse: 'Du kan ikke stå.',
      },
      NU,
    );
    await expect(
      markerLeveret(v.db, dorte, { noegle: crypto.randomUUID(), ansoegningId: v.ansoegning.id, nummer: 'BB-1' }, NU),
    ).rejects.toThrow(/ikke aftalt en levering/);
  });
});
