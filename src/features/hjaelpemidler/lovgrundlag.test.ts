import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import type { Session } from '#/features/login/session.ts';
import { foerste } from '../../../db/client.ts';
import { hjaelpemiddelAnsoegninger, sager } from '../../../db/schema.ts';
import { gemSkridt, indsendAnsoegning, startKladde } from './ansoegning.server.ts';

const svar = {
  behov: 'Jeg kan ikke stå op i badet.',
  hjaelpemiddel: 'badebaenk',
  varighed: 'varigt',
  telefon: '20304050',
  besoegstid: 'formiddag',
  leveringsadresse: 'Skolevej 1, 8722 Hedensted',
} as const;

async function ansoegSom(personId: string, handlerForId: string | null) {
  const { db, demo } = await nyDemoDb();
  const ids: Record<string, string> = { ali: demo.ali.id, mette: demo.mette.id, freja: demo.freja.id };
  const bruger = await loadBruger(
    db,
    { personId: ids[personId], medarbejderId: null, handlerForId: handlerForId && ids[handlerForId] } as Session,
    NU,
  );
  if (!bruger) throw new Error('brugeren mangler');
  const kladdeId = await startKladde(db, bruger, bruger.handlerFor?.id ?? '', undefined, NU);
  await gemSkridt(db, bruger, kladdeId, svar, NU);
  const katalog = () => ({ titel: 'Badebænk', lovgrundlag: 'Serviceloven § 112' });
  const { ansoegningId } = await indsendAnsoegning(db, bruger, kladdeId, katalog, NU);
  const a = foerste(
    await db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, ansoegningId)),
  );
  return foerste(
    await db
      .select()
      .from(sager)
      .where(eq(sager.id, a?.sagId ?? '')),
  );
}

describe('lovgrundlaget for en ansøgning om et hjælpemiddel', () => {
  it('et barns hjælpemiddel bevilges efter Barnets Lov § 90 – Mette søger for Freja (17)', async () => {
    const sag = await ansoegSom('mette', 'freja');
    // Barnets Lov § 90's published deadline: 5 weeks from 24 November.
    expect([sag?.lovgrundlag, sag?.frist]).toEqual(['Barnets Lov § 90', '2026-12-29']);
  });

  it('en voksens efter serviceloven – Ali (34)', async () => {
    expect((await ansoegSom('ali', null))?.lovgrundlag).toBe('Serviceloven § 112');
  });
});
