import { describe, expect, it } from 'vitest';
import { formularkladder } from '../../../db/schema.ts';
import { nyTestDatabase } from '../../../db/test-database.ts';
import { gemKladde, hentKladde, KladdeSchema, kladdeEjer, sletKladde } from './kladder.server.ts';

const NU = new Date('2026-11-24T09:00:00Z');
const ali = kladdeEjer({ personId: 'ali', medarbejderId: null });
const sofie = kladdeEjer({ personId: null, medarbejderId: 'sofie' });
const KLAGE = '/sager/s1/klage';

describe('formularkladder', () => {
  it('gemmer, overskriver og giver kun kladden tilbage til samme person på samme side', async () => {
    const db = await nyTestDatabase();
    await gemKladde(db, ali, { sti: KLAGE, felter: [['tekst', 'Jeg er uenig']] }, NU);
    await gemKladde(db, ali, { sti: KLAGE, felter: [['tekst', 'Jeg er uenig, fordi']] }, NU);
    expect(await hentKladde(db, ali, KLAGE)).toEqual([['tekst', 'Jeg er uenig, fordi']]);
    expect(await db.select().from(formularkladder)).toHaveLength(1);
    expect(await hentKladde(db, sofie, KLAGE)).toBeUndefined();
    expect(await hentKladde(db, kladdeEjer({ personId: 'karin', medarbejderId: null }), KLAGE)).toBeUndefined();
    expect(await hentKladde(db, ali, '/sager/s2/klage')).toBeUndefined();
  });

  it('tomme felter sletter kladden, og det gør afsendelsen også', async () => {
    const db = await nyTestDatabase();
    await gemKladde(db, ali, { sti: KLAGE, felter: [['tekst', 'Noget']] }, NU);
    await gemKladde(db, ali, { sti: KLAGE, felter: [['tekst', '  ']] }, NU);
    expect(await hentKladde(db, ali, KLAGE)).toBeUndefined();
    await gemKladde(db, ali, { sti: KLAGE, felter: [['tekst', 'Igen']] }, NU);
    await sletKladde(db, ali, KLAGE);
    expect(await hentKladde(db, ali, KLAGE)).toBeUndefined();
  });

  it('tager kun en side i portalen og en formulars størrelse', () => {
    expect(KladdeSchema.safeParse({ sti: KLAGE, felter: [['tekst', 'x']] }).success).toBe(true);
    for (const sti of ['https://andet.dk/x', '//andet.dk', 'sager/s1', '/sager?x=1'])
      expect(KladdeSchema.safeParse({ sti, felter: [] }).success, sti).toBe(false);
    expect(KladdeSchema.safeParse({ sti: KLAGE, felter: [['tekst', 'x'.repeat(20_001)]] }).success).toBe(false);
    expect(
      KladdeSchema.safeParse({ sti: KLAGE, felter: Array.from({ length: 21 }, (_, i) => [`f${i}`, 'x']) }).success,
    ).toBe(false);
  });
});
