import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IkkeFundet, loadBruger } from '#/features/adgang/adgang.server.ts';
import { IDAG, NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { ansoegningOvergange, kanGaaTil } from '#/features/hjaelpemidler/status.ts';
import type { Session } from '#/features/login/session.ts';
import { klagefristFor } from '#/features/sager/frister.ts';
import { foerste } from '../../../db/client.ts';
import * as t from '../../../db/schema.ts';
import { demoMedarbejdere } from '../../../db/seed.ts';
import { HjaelpemiddelFejl, vurderAnsoegning } from './hjaelpemidler.server.ts';

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
  return { db, demo, medarbejder, ansoegning, afgoerelser };
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
    const { db, demo, medarbejder, ansoegning, afgoerelser } = await verden();
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
