import type { AstroCookies } from 'astro';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NU, nyDemoDb } from '#/features/api/test-hjaelp.ts';
import { foerste } from '../../../db/client.ts';
import { parkeredeFormularer } from '../../../db/schema.ts';
import { harParkeret, hentParkeret, ikkeSendtTekst, PARKERET_COOKIE, parkerFormular } from './parkeret.server.ts';

/** The browser's cookie jar, as much of it as the code uses. */
function krukke() {
  const jar = new Map<string, string>();
  return {
    get: (n: string) => (jar.has(n) ? { value: jar.get(n) } : undefined),
    set: (n: string, v: string) => void jar.set(n, v),
    delete: (n: string) => void jar.delete(n),
    has: (n: string) => jar.has(n),
  } as unknown as AstroCookies;
}

const url = new URL('http://localhost/sager/s1/klage');
const form = () => {
  const f = new FormData();
  f.set('tekst', 'Jeg er uenig, og jeg har skrevet længe.');
  f.set('noegle', 'n-1');
  f.set('fil', new File(['x'], 'x.pdf'));
  return f;
};

describe('en formular sendt efter timeout', () => {
  it('gemmes for samme person og gives tilbage én gang, på samme side, uden filer', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = { personId: demo.ali.id, medarbejderId: null };
    const cookies = krukke();
    await parkerFormular(db, ali, url, form(), cookies, NU);
    expect(harParkeret(cookies)).toBe(true);
    expect(await hentParkeret(db, ali, new URL('http://localhost/sager/s2/klage'), cookies, NU)).toBeUndefined();
    expect(await hentParkeret(db, ali, url, cookies, NU)).toEqual([
      ['tekst', 'Jeg er uenig, og jeg har skrevet længe.'],
      ['noegle', 'n-1'],
    ]);
    expect(harParkeret(cookies)).toBe(false);
    expect(foerste(await db.select({ n: count() }).from(parkeredeFormularer))?.n).toBe(0);
  });

  it('en anden, der logger ind i samme browser, ser den aldrig, og den slettes', async () => {
    const { db, demo } = await nyDemoDb();
    const cookies = krukke();
    await parkerFormular(db, { personId: demo.ali.id, medarbejderId: null }, url, form(), cookies, NU);
    expect(await hentParkeret(db, { personId: demo.birgit.id, medarbejderId: null }, url, cookies, NU)).toBeUndefined();
    expect(foerste(await db.select({ n: count() }).from(parkeredeFormularer))?.n).toBe(0);
  });

  it('gemmes højst en time', async () => {
    const { db, demo } = await nyDemoDb();
    const ali = { personId: demo.ali.id, medarbejderId: null };
    const cookies = krukke();
    await parkerFormular(db, ali, url, form(), cookies, NU);
    const senere = new Date(NU.getTime() + 61 * 60_000);
    expect(await hentParkeret(db, ali, url, cookies, senere)).toBeUndefined();
    expect(cookies.get(PARKERET_COOKIE)).toBeDefined();
  });

  it.each([
    ['/sager/s1/klage', 'Din klage er ikke sendt endnu'],
    ['/sager/s1/partshoering', 'Dit svar er ikke sendt endnu'],
    ['/min-side/moeder/m1', 'Det, du skrev, er ikke sendt endnu'],
  ])('%s siger "%s"', (sti, tekst) => expect(ikkeSendtTekst(sti)).toBe(tekst));
});
