/** Letters and partshøringer from the case system, and the citizen's answer back through the feed. */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadBruger } from '#/features/adgang/adgang.server.ts';
import type { Session } from '#/features/login/session.ts';
import { aabenPartshoering, besvarPartshoering, sendPartshoering } from '#/features/sager/partshoering.server.ts';
import { defined } from '#/lib/defined.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { dokumenter, partshoeringer, sager, sagshaendelser } from '../../../db/schema.ts';
import { demoensSidsteHaendelse } from '../../../db/test-fixtures.ts';
import { upsertBrev, upsertPartshoering } from './breve.server.ts';
import { hentHaendelser } from './haendelser.server.ts';
import { upsertPerson } from './personer.server.ts';
import { upsertSag } from './sager.server.ts';
import { dubu, else_, elsesBrev, elsesPartshoering, elsesSag, fejlFra, NU, nexus, nyDemoDb } from './test-hjaelp.ts';

let db: Db;
let demo: Awaited<ReturnType<typeof nyDemoDb>>['demo'];
let elsesSagId: string;
let elseId: string;

beforeEach(async () => {
  ({ db, demo } = await nyDemoDb());
  elseId = (await upsertPerson(db, nexus, 'P-1', else_(), NU)).id;
  elsesSagId = (await upsertSag(db, nexus, 'S-1', elsesSag({ trin: 4 }), NU)).id;
});

const historik = async (sagId: string) =>
  (await db.select().from(sagshaendelser).where(eq(sagshaendelser.sagId, sagId))).map((h) => h.type);

describe('PUT /api/v1/partshoeringer/{kildeId}', () => {
  it('lægger oplysningerne på sagen som brev og beder Else svare; trinnet er Nexus’ eget', async () => {
    expect(await upsertPartshoering(db, nexus, 'PH-1', elsesPartshoering(), NU)).toMatchObject({
      aendret: true,
      oprettet: true,
    });
    expect(foerste(await db.select().from(sager).where(eq(sager.id, elsesSagId)))?.trin).toBe(4);
    expect(await db.select().from(dokumenter).where(eq(dokumenter.sagId, elsesSagId))).toMatchObject([
      { type: 'partshoering', indhold: expect.stringContaining('200 meter med rollator') },
    ]);
    expect(await historik(elsesSagId)).toContain('partshoering');
    expect((await upsertPartshoering(db, nexus, 'PH-1', elsesPartshoering(), NU)).aendret).toBe(false);
    expect(
      (await upsertPartshoering(db, nexus, 'PH-1', elsesPartshoering({ svarfrist: '2026-12-15' }), NU)).aendret,
    ).toBe(true);
  });

  it('Elses svar kommer tilbage til Nexus i hændelserne, og en besvaret partshøring kan ikke ændres (409)', async () => {
    await upsertPartshoering(db, nexus, 'PH-1', elsesPartshoering(), NU);
    const ph = defined(
      foerste(await db.select().from(partshoeringer).where(eq(partshoeringer.kildeId, 'Nexus:PH-1'))),
      'Partshøringen',
    );
    const bruger = defined(
      await loadBruger(db, { personId: elseId, medarbejderId: null, handlerForId: null } as Session, NU),
      'Else',
    );
    await besvarPartshoering(
      db,
      bruger,
      { partshoeringId: ph.id, tekst: 'Jeg kan kun gå 50 meter.', send: 'ja', noegle: crypto.randomUUID() },
      NU,
    );
    const svar = (await hentHaendelser(db, nexus, {}, NU)).elementer.filter((h) => h.type === 'partshoeringssvar');
    expect(svar).toMatchObject([{ sagKildeId: 'S-1', data: { svar: 'Jeg kan kun gå 50 meter.' } }]);
    const fejl = await fejlFra(() =>
      upsertPartshoering(db, nexus, 'PH-1', elsesPartshoering({ materiale: 'Noget andet helt.' }), NU),
    );
    expect(fejl.status).toBe(409);
  });

  it('en sag, der ikke er systemets egen, er 422', async () => {
    const fejl = await fejlFra(() => upsertPartshoering(db, dubu, 'PH-1', elsesPartshoering(), NU));
    expect(fejl.status).toBe(422);
    expect(await db.select().from(partshoeringer).where(eq(partshoeringer.sagId, elsesSagId))).toEqual([]);
  });
});

describe('PUT /api/v1/breve/{kildeId}', () => {
  it('lægger brevet på sagen med en hændelse; samme brev igen ændrer intet, en rettelse retter det', async () => {
    const siden = String(await demoensSidsteHaendelse(db));
    expect((await upsertBrev(db, nexus, 'BR-1', elsesBrev(), NU)).oprettet).toBe(true);
    expect((await upsertBrev(db, nexus, 'BR-1', elsesBrev(), NU)).aendret).toBe(false);
    expect((await upsertBrev(db, nexus, 'BR-1', elsesBrev({ titel: 'Oplysninger fra din læge' }), NU)).aendret).toBe(
      true,
    );
    expect(await db.select().from(dokumenter).where(eq(dokumenter.sagId, elsesSagId))).toMatchObject([
      { type: 'brev', titel: 'Oplysninger fra din læge', kildeId: 'Nexus:BR-1' },
    ]);
    expect((await historik(elsesSagId)).filter((t) => t === 'dokument')).toHaveLength(1);
    // Nexus' own letter is not sent back to Nexus to journalise.
    expect((await hentHaendelser(db, nexus, { siden }, NU)).elementer).toEqual([]);
  });
});

describe('sendPartshoering på en sag lavet i portalen', () => {
  it('flytter sagen til trinnet "Partshøring" og sender brevet til journalen', async () => {
    const siden = String(await demoensSidsteHaendelse(db));
    const sag = defined(
      foerste(
        await db
          .select()
          .from(sager)
          .where(and(eq(sager.personId, demo.birgit.id), eq(sager.aaben, true))),
      ),
      'Birgits sag',
    );
    await db.transaction(async (tx) => {
      await sendPartshoering(
        tx,
        sag,
        { materiale: 'Udtalelse fra hjemmeplejen.', svarfrist: '2026-12-08' },
        NU,
        null,
        null,
      );
    });
    expect(foerste(await db.select().from(sager).where(eq(sager.id, sag.id)))?.trin).toBe(5);
    const brev = (await hentHaendelser(db, { ...nexus, enheder: ['*'] }, { siden }, NU)).elementer;
    expect(brev).toMatchObject([{ type: 'brev', sagId: sag.id, data: { type: 'partshoering' } }]);
  });

  it('to partshøringer samme dag: den, der ikke er besvaret, er den, borgeren svarer på', async () => {
    const sag = defined(
      foerste(
        await db
          .select()
          .from(sager)
          .where(and(eq(sager.personId, demo.birgit.id), eq(sager.aaben, true))),
      ),
      'Birgits sag',
    );
    const send = async (materiale: string) =>
      await db.transaction(
        async (tx) => await sendPartshoering(tx, sag, { materiale, svarfrist: '2026-12-08' }, NU, null, null),
      );
    const aaben = await send('Udtalelse fra hjemmeplejen.');
    const besvaret = await send('Udtalelse fra egen læge.');
    const birgit = defined(
      await loadBruger(db, { personId: demo.birgit.id, medarbejderId: null, handlerForId: null } as Session, NU),
      'Birgit',
    );
    await besvarPartshoering(
      db,
      birgit,
      { partshoeringId: besvaret, tekst: 'Ingen bemærkninger', send: 'ja', noegle: crypto.randomUUID() },
      NU,
    );
    expect((await aabenPartshoering(db, sag.id))?.id).toBe(aaben);
  });
});
