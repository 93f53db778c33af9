import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoginType } from './config.ts';
import { loginKrav, omvejFor } from './loginkrav.ts';

const SIDER = new URL('../../pages/', import.meta.url).pathname;
const url = (sti: string) => new URL(sti, 'http://localhost:4321');

describe('loginKrav: hvilken side kræver hvilket login', () => {
  it.each([
    ['/min-side', 'borger'],
    ['/min-side/', 'borger'],
    ['/min-side/moeder/abc', 'borger'],
    ['/Min-Side/plan', 'borger'],
    ['/min%2Dside/plan', 'borger'],
    ['/sager/abc', 'borger'],
    ['/sager/abc/klage', 'borger'],
    ['/hjaelpemidler/ansoeg', 'borger'],
    ['/hjaelpemidler/ansoeg/k1/behov', 'borger'],
    ['/hjaelpemidler/ansoegninger/a1', 'borger'],
    ['/hjaelpemidler/bilag/b1', 'borger'],
    ['/medarbejder', 'medarbejder'],
    ['/medarbejder/sager/abc', 'medarbejder'],
    ['/medarbejder/log-ind', null],
    ['/medarbejder/log-ind/callback', null],
    ['/log-ind', null],
    ['/', null],
    ['/hjaelpemidler', null],
    ['/hjaelpemidler/rollator', null],
    ['/min-sidefalsk', null],
    ['/sagsbehandling', null],
    ['/soeg', null],
  ])('%s → %s', (sti, login) => expect(loginKrav(sti)?.login ?? null).toBe(login));
});

describe('omvejFor: hvor man sendes hen, og vejen tilbage', () => {
  it.each<[string, LoginType | undefined, string | null]>([
    ['/sager/abc?x=1', undefined, '/log-ind?next=%2Fsager%2Fabc%3Fx%3D1'],
    ['/min-side/plan', undefined, '/log-ind?next=%2Fmin-side%2Fplan'],
    [
      '/hjaelpemidler/ansoeg?hjaelpemiddel=rollator',
      undefined,
      '/log-ind?next=%2Fhjaelpemidler%2Fansoeg%3Fhjaelpemiddel%3Drollator',
    ],
    ['/medarbejder/sager/abc', undefined, '/medarbejder/log-ind?next=%2Fmedarbejder%2Fsager%2Fabc'],
    ['/medarbejder?status=alle', 'borger', '/medarbejder/log-ind?next=%2Fmedarbejder%3Fstatus%3Dalle'],
    // Staff have no Min side; the page they may see is their own.
    ['/min-side', 'medarbejder', '/medarbejder'],
    ['/min-side/moeder/m1', 'medarbejder', '/medarbejder'],
    ['/hjaelpemidler/ansoeg', 'medarbejder', '/medarbejder'],
    // Staff open cases, drafts, applications and attachments; the door decides which.
    ['/sager/abc', 'medarbejder', null],
    ['/hjaelpemidler/ansoeg/k1/behov', 'medarbejder', null],
    ['/hjaelpemidler/bilag/b1', 'medarbejder', null],
    ['/sager/abc', 'borger', null],
    ['/min-side', 'borger', null],
    ['/medarbejder', 'medarbejder', null],
    ['/medarbejder/log-ind?next=%2Fmedarbejder', undefined, null],
    ['/pjecer', undefined, null],
  ])('%s som %s → %s', (sti, aktoer, til) => expect(omvejFor(url(sti), aktoer)).toBe(til));
});

describe('hver side, der bruger en login-hjælper, ligger under et præfiks i tabellen', () => {
  const sider = readdirSync(SIDER, { recursive: true, encoding: 'utf8' })
    .filter((fil) => /\.(astro|ts)$/.test(fil))
    .map((fil) => ({ fil, kilde: readFileSync(join(SIDER, fil), 'utf8') }));
  /** The address of a page file, with a made-up value for each parameter. */
  const adresse = (fil: string) =>
    `/${fil
      .replace(/\.(astro|ts)$/, '')
      .replace(/\[[^\]]+\]/g, 'x')
      .replace(/(^|\/)index$/, '')}`;

  it.each(sider.filter((s) => /\b(bruger|borger|medarbejder)Fra\(/.test(s.kilde)).map((s) => [s.fil, s.kilde]))(
    '%s',
    (fil, kilde) => {
      const krav = loginKrav(adresse(fil));
      expect(krav).not.toBeNull();
      if (kilde.includes('medarbejderFra(')) expect(krav?.login).toBe('medarbejder');
      if (kilde.includes('borgerFra(')) expect([krav?.login, krav?.andenAktoer]).toEqual(['borger', '/medarbejder']);
    },
  );

  it('ingen side sender selv til login', () => {
    const egne = sider.filter(
      (s) => !/^(medarbejder\/)?log-ind\//.test(s.fil) && /redirect\([^)]*\/log-ind/.test(s.kilde),
    );
    expect(egne.map((s) => s.fil)).toEqual([]);
  });
});
