import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afgoerelser, audit, klager, partshoeringer, personer, sager, samtykker } from '../../../db/schema.ts';
import {
  hentHjaelpemiddelAnsoegninger,
  hentKlager,
  hentPartshoeringssvar,
  hentTilbagekaldteSamtykker,
} from './lister.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertAfgoerelse, upsertSag } from './sager.server.ts';
import { SidenQuerySchema } from './schemas.ts';
import { dubu, else_, elsesAfgoerelse, elsesSag, NU, nexus, nyDemoDb } from './test-hjaelp.ts';
import { valider } from './validering.ts';

let db: Db;
let demo: Awaited<ReturnType<typeof nyDemoDb>>['demo'];
const q = (s: string) => {
  const r = valider(SidenQuerySchema, Object.fromEntries(new URLSearchParams(s)));
  if (!r.ok) throw new Error(JSON.stringify(r.felter));
  return r.data;
};
const naesteQ = (naeste: string) => q(naeste.split('?')[1] ?? '');
const ts = (min: number) => new Date(NU.getTime() + min * 60_000).toISOString();

beforeEach(async () => {
  ({ db, demo } = await nyDemoDb());
});

/** Else's case from Nexus with a refusal, and `n` complaints about it, all at the same moment. */
async function elseKlagerOver(n: number, tidspunkt = ts(5)) {
  await upsertPerson(db, nexus, 'P-1', else_(), NU);
  const sag = await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 6 }), NU);
  const afg = await upsertAfgoerelse(db, nexus, 'S-1', elsesAfgoerelse(), NU);
  for (let i = 0; i < n; i++) {
    await db.insert(klager).values({
      id: `klage-${i}`,
      sagId: sag.id,
      afgoerelseId: afg.id,
      tekst: `Klage ${i}`,
      modtaget: tidspunkt,
      status: 'modtaget',
      genvurderingFrist: '2026-12-22',
      indsendtAf: 'Else Nielsen',
    });
  }
  return sag;
}

describe('GET /klager', () => {
  it('giver Elses klage med hendes id i Nexus – ikke CPR – og logger, at Nexus har set den', async () => {
    await elseKlagerOver(1);
    const side = await hentKlager(db, nexus, q(''), NU);
    expect(side.elementer).toMatchObject([
      { id: 'klage-0', sagKildeId: 'S-1', person: { personKildeId: 'P-1', cpr: null }, tekst: 'Klage 0' },
    ]);
    expect(side.flere).toBe(false);
    const person = defined(
      foerste(await db.select().from(personer).where(eq(personer.kildeId, 'Nexus:P-1'))),
      'Personen',
    );
    expect(
      await db
        .select()
        .from(audit)
        .where(and(eq(audit.personId, person.id), eq(audit.handling, 'se'))),
    ).toMatchObject([
      {
        aktoerType: 'system',
        aktoerId: 'noegle-nexus',
        aktoerNavn: 'Nexus (integration)',
        hvad: 'Klager hentet (1)',
      },
    ]);
  });

  it('bladrer med naeste uden at springe over eller gentage, også når tidspunkterne er ens', async () => {
    await elseKlagerOver(5);
    const set: string[] = [];
    let side = await hentKlager(db, nexus, q('antal=2'), NU);
    const flere = [side.flere];
    set.push(...side.elementer.map((e) => e.id));
    while (side.flere) {
      side = await hentKlager(db, nexus, naesteQ(side.naeste), NU);
      flere.push(side.flere);
      set.push(...side.elementer.map((e) => e.id));
    }
    expect(set).toEqual(['klage-0', 'klage-1', 'klage-2', 'klage-3', 'klage-4']);
    expect(flere).toEqual([true, true, false]);
    // Polling again with the last cursor gives nothing new.
    expect((await hentKlager(db, nexus, naesteQ(side.naeste), NU)).elementer).toEqual([]);
  });

  it('giver kun klager efter siden', async () => {
    await elseKlagerOver(1, ts(5));
    expect((await hentKlager(db, nexus, q(`siden=${encodeURIComponent(ts(10))}`), NU)).elementer).toEqual([]);
    expect(
      (await hentKlager(db, nexus, q(`siden=${encodeURIComponent('2026-11-24T10:00:00+01:00')}`), NU)).elementer,
    ).toHaveLength(1);
  });

  it("giver ikke DUBU klager på Nexus' sager", async () => {
    await elseKlagerOver(1);
    expect((await hentKlager(db, dubu, q(''), NU)).elementer.map((e) => e.id)).not.toContain('klage-0');
  });

  it('giver CPR-nummeret, når personen ikke har et id fra systemet', async () => {
    const ali100 = defined(
      foerste(
        await db
          .select()
          .from(sager)
          .where(and(eq(sager.personId, demo.ali.id), eq(sager.lovgrundlag, 'Serviceloven § 100'))),
      ),
      'Sagen',
    );
    const afg = defined(
      foerste(await db.select().from(afgoerelser).where(eq(afgoerelser.sagId, ali100.id))),
      'Afgørelsen',
    );
    await db.insert(klager).values({
      id: 'ali-klage',
      sagId: ali100.id,
      afgoerelseId: afg.id,
      tekst: 'Jeg er uenig.',
      modtaget: ts(1),
      status: 'modtaget',
      genvurderingFrist: '2026-12-22',
      indsendtAf: 'Ali Hassan',
    });
    const ali = defined(foerste(await db.select().from(personer).where(eq(personer.id, demo.ali.id))), 'Personen');
    expect((await hentKlager(db, nexus, q(''), NU)).elementer).toMatchObject([
      { id: 'ali-klage', sagKildeId: null, sagId: ali100.id, person: { personKildeId: null, cpr: ali.cpr } },
    ]);
  });
});

describe('GET /hjaelpemiddel-ansoegninger, /partshoeringssvar, /samtykker/tilbagekaldte', () => {
  it("giver Jens' ansøgning om en badebænk", async () => {
    const side = await hentHjaelpemiddelAnsoegninger(db, nexus, q(''), NU);
    expect(side.elementer).toMatchObject([
      { hjaelpemiddel: 'Badebænk', status: 'under-vurdering', kvitteringsnr: 'H-DEMO-JENS01', indsendtAf: null },
    ]);
    expect(await db.select().from(audit).where(eq(audit.hvad, 'Ansøgninger om hjælpemidler hentet (1)'))).toHaveLength(
      1,
    );
  });

  it('giver kun besvarede partshøringer', async () => {
    expect((await hentPartshoeringssvar(db, nexus, q(''), NU)).elementer).toEqual([]);
    await db
      .update(partshoeringer)
      .set({ svar: 'Jeg kan godt gå alene om dagen.', besvaret: ts(3), besvaretAf: 'Ali Hassan' });
    expect((await hentPartshoeringssvar(db, nexus, q(''), NU)).elementer).toMatchObject([
      { svar: 'Jeg kan godt gå alene om dagen.', besvaret: ts(3), besvaretAf: 'Ali Hassan' },
    ]);
  });

  it('giver kun tilbagekaldte samtykker, ældste først', async () => {
    expect((await hentTilbagekaldteSamtykker(db, nexus, q(''), NU)).elementer).toEqual([]);
    const [foerste, anden] = await db.select().from(samtykker);
    if (!foerste || !anden) throw new Error('Demo-data skal have mindst to samtykker');
    await db
      .update(samtykker)
      .set({ tilbagekaldt: ts(9), tilbagekaldtAf: 'x' })
      .where(eq(samtykker.id, foerste.id));
    await db
      .update(samtykker)
      .set({ tilbagekaldt: ts(2), tilbagekaldtAf: 'y' })
      .where(eq(samtykker.id, anden.id));
    expect((await hentTilbagekaldteSamtykker(db, nexus, q(''), NU)).elementer.map((e) => e.tilbagekaldt)).toEqual([
      ts(2),
      ts(9),
    ]);
  });
});
