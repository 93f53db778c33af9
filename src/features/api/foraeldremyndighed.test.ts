/** Custody from the case system: a parent gains and loses access by the rules that already exist. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { IkkeFundet, kraevPerson, loadBruger } from '#/features/adgang/adgang.server.ts';
import type { Session } from '#/features/login/session.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { personer, relationer } from '../../../db/schema.ts';
import { upsertForaeldremyndighed } from './foraeldremyndighed.server.ts';
import { upsertPerson } from './personer.server.ts';
import { dubu, else_, fejlFra, NU, nyDemoDb } from './test-hjaelp.ts';

let db: Db;
const ids: Record<'mads' | 'mor' | 'far', string> = { mads: '', mor: '', far: '' };

beforeEach(async () => {
  ({ db } = await nyDemoDb());
  // Mads turns 18 on 10 December 2026.
  ids.mads = (
    await upsertPerson(
      db,
      dubu,
      'B-1',
      { ...else_(), cpr: '1012084234', navn: 'Mads Berg', foedselsdato: '2008-12-10' },
      NU,
    )
  ).id;
  ids.mor = (
    await upsertPerson(
      db,
      dubu,
      'F-1',
      { ...else_(), cpr: '0203701234', navn: 'Lone Berg', foedselsdato: '1970-03-02' },
      NU,
    )
  ).id;
  ids.far = (
    await upsertPerson(
      db,
      dubu,
      'F-2',
      { ...else_(), cpr: '0504721234', navn: 'Ole Berg', foedselsdato: '1972-04-05' },
      NU,
    )
  ).id;
});

const paa = (dag: string) => new Date(`${dag}T10:00:00Z`);

/** Whether the parent may see the child's cases on that day, through the access door. */
async function maaSe(foraelder: 'mor' | 'far', dag: string): Promise<boolean> {
  const now = paa(dag);
  const bruger = await loadBruger(
    db,
    { personId: ids[foraelder], medarbejderId: null, handlerForId: null } as Session,
    now,
  );
  if (!bruger) throw new Error('Forælderen mangler');
  try {
    await kraevPerson(db, bruger, 'se-sager', ids.mads, { handling: 'se', hvad: 'Test' }, now);
    return true;
  } catch (e) {
    if (e instanceof IkkeFundet) return false;
    throw e;
  }
}

const begge = {
  indehavere: [
    { personKildeId: 'F-1', gyldigFra: '2008-12-10', gyldigTil: null },
    { personKildeId: 'F-2', gyldigFra: '2008-12-10' },
  ],
};

describe('PUT /api/v1/personer/{kildeId}/foraeldremyndighed', () => {
  it('giver forældrene adgang til dagen før 18-årsdagen, og ikke på den', async () => {
    expect(await maaSe('mor', '2026-11-24')).toBe(false);
    expect(await upsertForaeldremyndighed(db, dubu, 'B-1', begge, NU)).toEqual({
      id: ids.mads,
      aendret: true,
      oprettet: false,
    });
    expect(await maaSe('mor', '2026-11-24')).toBe(true);
    expect(await maaSe('far', '2026-12-09')).toBe(true);
    expect(await maaSe('mor', '2026-12-10')).toBe(false);
    expect(await maaSe('far', '2026-12-10')).toBe(false);
  });

  it('samme liste igen ændrer intet; en forælder, der ikke er med mere, mister adgangen med det samme', async () => {
    await upsertForaeldremyndighed(db, dubu, 'B-1', begge, NU);
    expect((await upsertForaeldremyndighed(db, dubu, 'B-1', begge, NU)).aendret).toBe(false);
    const kunMor = { indehavere: [begge.indehavere[0] as (typeof begge.indehavere)[0]] };
    expect((await upsertForaeldremyndighed(db, dubu, 'B-1', kunMor, NU)).aendret).toBe(true);
    expect(await maaSe('mor', '2026-11-24')).toBe(true);
    expect(await maaSe('far', '2026-11-24')).toBe(false);
    const slut = { indehavere: [{ personKildeId: 'F-1', gyldigFra: '2008-12-10', gyldigTil: '2026-11-30' }] };
    expect((await upsertForaeldremyndighed(db, dubu, 'B-1', slut, NU)).aendret).toBe(true);
    expect(await maaSe('mor', '2026-11-30')).toBe(true);
    expect(await maaSe('mor', '2026-12-01')).toBe(false);
  });

  it('rører ikke forældremyndighed registreret i portalen', async () => {
    const iPortalen = await db.select().from(relationer).where(eq(relationer.type, 'foraeldremyndighed'));
    expect(iPortalen.length).toBeGreaterThan(0);
    const [enAf] = iPortalen;
    if (!enAf) throw new Error('Demoen mangler forældremyndighed');
    // DUBU's empty list for a child of the demo: the portal's own relation stays.
    const barn = await upsertPerson(db, dubu, 'B-DEMO', { ...else_(), ...(await personMedId(enAf.tilPersonId)) }, NU);
    expect(barn.id).toBe(enAf.tilPersonId);
    await upsertForaeldremyndighed(db, dubu, 'B-DEMO', { indehavere: [] }, NU);
    expect(foerste(await db.select().from(relationer).where(eq(relationer.id, enAf.id)))?.tilbagekaldt).toBeNull();
  });

  it('et ukendt barn er 404, en ukendt forælder 422, og intet gemmes', async () => {
    expect((await fejlFra(() => upsertForaeldremyndighed(db, dubu, 'B-9', begge, NU))).status).toBe(404);
    const ukendt = { indehavere: [...begge.indehavere, { personKildeId: 'F-9', gyldigFra: '2008-12-10' }] };
    const fejl = await fejlFra(() => upsertForaeldremyndighed(db, dubu, 'B-1', ukendt, NU));
    expect([fejl.status, fejl.felter?.[0]?.felt]).toEqual([422, 'indehavere[2].personKildeId']);
    const selv = { indehavere: [{ personKildeId: 'B-1', gyldigFra: '2008-12-10' }] };
    expect((await fejlFra(() => upsertForaeldremyndighed(db, dubu, 'B-1', selv, NU))).status).toBe(422);
    expect(await db.select().from(relationer).where(eq(relationer.tilPersonId, ids.mads))).toEqual([]);
  });
});

/** A demo person's own fields, as a case system would send them. */
async function personMedId(id: string) {
  const p = foerste(await db.select().from(personer).where(eq(personer.id, id)));
  if (!p) throw new Error('Personen mangler');
  return { cpr: p.cpr, navn: p.navn, foedselsdato: p.foedselsdato };
}
