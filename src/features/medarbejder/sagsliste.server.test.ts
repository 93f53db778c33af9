/** The caseload's SQL order and paging give exactly what sagsliste.ts's rule gives on all the rows. */
import { describe, expect, it } from 'vitest';
import { IkkeFundet, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { NU, nyVerden } from '#/features/adgang/test-hjaelp.ts';
import { venterPaaGenvurdering } from '#/features/sager/frister.ts';
import { type Dag, plusDage } from '#/lib/dato.ts';
import { afgoerelser, aktindsigter, audit, klager, medarbejdere, sager } from '../../../db/schema.ts';
import { SIDE_STOERRELSE, sagslisteSide } from './sagsliste.server.ts';
import { parseSagslisteFilter, sagsliste } from './sagsliste.ts';

const IDAG = '2026-11-24' as Dag;

/**
 * 130 cases in Voksenhandicap with spread deadlines, extensions, decided and closed ones, aktindsigter,
 * and complaints: some waiting for their re-assessment (the deadline to keep), some sent on.
 */
async function fyldEnheden(v: Awaited<ReturnType<typeof nyVerden>>) {
  const sofie = v.medarbejderId('sofie');
  for (let i = 0; i < 130; i++) {
    const id = `gen-${String(i).padStart(3, '0')}`;
    await v.db.insert(sager).values({
      id,
      personId: v.demo.ali.id,
      enhed: 'voksenhandicap',
      titel: `Sag ${i}`,
      lovgrundlag: 'Serviceloven § 85',
      trin: (i % 7) + 1,
      aaben: i % 11 !== 0,
      sagsbehandlerId: i % 3 === 0 ? sofie : null,
      modtaget: plusDage(IDAG, -100),
      frist: plusDage(IDAG, ((i * 7) % 61) - 30),
      nyFrist: i % 5 === 0 ? plusDage(IDAG, ((i * 3) % 40) - 10) : null,
    });
    if (i % 4 === 0)
      await v.db.insert(aktindsigter).values({
        id: `akt-${id}`,
        sagId: id,
        tekst: 'Jeg vil se mine papirer.',
        modtaget: plusDage(IDAG, -10),
        svarFrist: plusDage(IDAG, (i % 9) - 4),
        indsendtAf: 'Ali Hassan',
        besvaret: i % 8 === 0 ? NU.toISOString() : null,
      });
    if (i % 6 === 0) {
      await v.db.insert(afgoerelser).values({
        id: `afg-${id}`,
        sagId: id,
        udfald: 'afslag',
        dato: plusDage(IDAG, -40),
        begrundelse: 'Behovet er dækket.',
        klagevejledning: 'Du kan klage inden 4 uger.',
        klagefrist: plusDage(IDAG, -12),
      });
      // Two complaints on some cases: the earlier waiting deadline counts.
      for (const [n, status] of (i % 12 === 0
        ? ['modtaget', 'genvurdering']
        : [i % 18 === 0 ? 'sendt-til-ankestyrelsen' : 'modtaget']
      ).entries())
        await v.db.insert(klager).values({
          id: `klage-${id}-${n}`,
          sagId: id,
          afgoerelseId: `afg-${id}`,
          tekst: 'Jeg klager.',
          modtaget: plusDage(IDAG, -20 + n),
          status: status as 'modtaget' | 'genvurdering' | 'sendt-til-ankestyrelsen',
          genvurderingFrist: plusDage(IDAG, ((i * 5) % 23) - 11 + n * 3),
          indsendtAf: 'Ali Hassan',
        });
    }
  }
}

const noegle = (r: { overskredet: boolean; gaeldende: string }) => `${r.overskredet ? 0 : 1} ${r.gaeldende}`;

describe('sagslisten side for side', () => {
  it.each(['visning=enhed&status=alle', 'visning=enhed', 'visning=mine&status=alle', 'visning=enhed&trin=3'])(
    '%s: siderne tilsammen er reglens liste, i reglens orden',
    async (q) => {
      const v = await nyVerden();
      await fyldEnheden(v);
      const sofie = await v.medarbejder('sofie');
      const filter = parseSagslisteFilter(new URLSearchParams(q));
      const foerste = await sagslisteSide(v.db, sofie, NU, filter);
      const alle = [...foerste.raekker];
      for (let side = 2; side <= foerste.sider; side++)
        alle.push(...(await sagslisteSide(v.db, sofie, NU, { ...filter, side })).raekker);
      expect(alle).toHaveLength(foerste.antal);
      expect(new Set(alle.map((r) => r.sag.id)).size).toBe(foerste.antal);
      // Each row's pending deadlines are the earliest of its own waiting complaints and unanswered aktindsigter.
      const tidligst = (datoer: string[]) => datoer.sort()[0] ?? null;
      const klagerne = await v.db.select().from(klager);
      const indsigterne = await v.db.select().from(aktindsigter);
      expect(alle.filter((r) => r.genvurderingFrist !== null).length).toBeGreaterThan(0);
      for (const r of alle) {
        expect(r.genvurderingFrist).toBe(
          tidligst(
            klagerne.filter((k) => k.sagId === r.sag.id && venterPaaGenvurdering(k)).map((k) => k.genvurderingFrist),
          ),
        );
        expect(r.aktindsigtFrist).toBe(
          tidligst(indsigterne.filter((a) => a.sagId === r.sag.id && a.besvaret === null).map((a) => a.svarFrist)),
        );
      }
      // The rule on every row at once (sagsliste.ts) gives the same rows in the same order of deadlines.
      const regel = sagsliste(alle, filter, v.medarbejderId('sofie'), IDAG);
      expect(alle.map(noegle)).toEqual(regel.map(noegle));
      expect(alle.map((r) => r.fristFor)).toEqual(regel.map((r) => r.fristFor));
    },
  );

  it('en side har 50 rækker, og kun de viste borgere logges', async () => {
    const v = await nyVerden();
    await fyldEnheden(v);
    await v.db.delete(audit);
    const side = await sagslisteSide(
      v.db,
      await v.medarbejder('sofie'),
      NU,
      parseSagslisteFilter(new URLSearchParams('visning=enhed&status=alle&side=2')),
    );
    expect(side.side).toBe(2);
    expect(side.raekker).toHaveLength(SIDE_STOERRELSE);
    expect(side.antal).toBeGreaterThan(130);
    const logget = await v.db.select().from(audit);
    expect(new Set(logget.map((l) => l.personId))).toEqual(new Set(side.raekker.map((r) => r.person.id)));
    expect(logget).toHaveLength(new Set(side.raekker.map((r) => r.person.id)).size);
  });

  it('en side efter den sidste viser den sidste', async () => {
    const v = await nyVerden();
    await fyldEnheden(v);
    const side = await sagslisteSide(
      v.db,
      await v.medarbejder('sofie'),
      NU,
      parseSagslisteFilter(new URLSearchParams('visning=enhed&status=alle&side=999')),
    );
    expect(side.side).toBe(side.sider);
    expect(side.raekker.length).toBeGreaterThan(0);
  });
});

describe('en redaktør', () => {
  it('registreret i Team Øst ser ingen sager i sagslisten og ikke Jens, selv om hans sag er i Øst', async () => {
    const v = await nyVerden();
    await v.db.insert(medarbejdere).values({
      id: 'rikke',
      oidcSub: 'medarbejder-rikke',
      navn: 'Rikke Redaktør',
      rolle: 'redaktoer',
      enhed: 'oest',
    });
    const maria = await v.medarbejder('maria');
    const rikke = await v.medarbejderMedId('rikke');
    const filter = parseSagslisteFilter(new URLSearchParams());
    // Maria in Øst sees Øst's cases, so the unit has some; Rikke in the same unit sees none of them.
    expect((await sagslisteSide(v.db, maria, NU, filter)).raekker.length).toBeGreaterThan(0);
    expect((await sagslisteSide(v.db, rikke, NU, filter)).raekker).toEqual([]);
    await expect(
      kraevPerson(v.db, rikke, 'se-sager', v.demo.jens.id, { handling: 'se', hvad: 'Jens' }, NU),
    ).rejects.toThrow(IkkeFundet);
  });
});
