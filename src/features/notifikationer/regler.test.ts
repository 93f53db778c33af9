import { describe, expect, it } from 'vitest';
import { naesteAfsendelse, naesteForsoeg, notifikationstekst, udenforStilletid } from './regler.ts';

const t = (iso: string) => new Date(iso);

describe('stilletid 22-7 (København)', () => {
  it.each([
    ['2026-12-02T10:00:00Z', '2026-12-02T10:00:00.000Z', 'kl. 11 om dagen: nu'],
    ['2026-12-02T20:59:00Z', '2026-12-02T20:59:00.000Z', 'kl. 21.59: nu'],
    ['2026-12-02T21:00:00Z', '2026-12-03T06:00:00.000Z', 'kl. 22: næste morgen kl. 7'],
    ['2026-12-02T23:30:00Z', '2026-12-03T06:00:00.000Z', 'kl. 0.30: samme morgen kl. 7'],
    ['2026-12-03T05:59:00Z', '2026-12-03T06:00:00.000Z', 'kl. 6.59: kl. 7'],
    ['2026-06-10T20:30:00Z', '2026-06-11T05:00:00.000Z', 'sommertid kl. 22.30: kl. 7 sommertid'],
    ['2026-03-28T22:00:00Z', '2026-03-29T05:00:00.000Z', 'natten hvor uret stilles frem'],
    ['2026-10-24T21:00:00Z', '2026-10-25T06:00:00.000Z', 'natten hvor uret stilles tilbage'],
  ])('%s → %s (%s)', (ind, ud) => expect(udenforStilletid(t(ind)).toISOString()).toBe(ud));
});

describe('samling: højst én besked i timen til en adresse', () => {
  it('den første går med det samme, den næste tidligst en time efter', () => {
    const nu = t('2026-12-02T10:00:00Z');
    expect(naesteAfsendelse(null, nu)).toEqual(nu);
    expect(naesteAfsendelse(t('2026-12-02T09:30:00Z'), nu).toISOString()).toBe('2026-12-02T10:30:00.000Z');
    expect(naesteAfsendelse(t('2026-12-02T08:00:00Z'), nu)).toEqual(nu);
  });

  it('en time efter kl. 21.30 er om natten: næste morgen', () => {
    expect(naesteAfsendelse(t('2026-12-02T20:30:00Z'), t('2026-12-02T20:40:00Z')).toISOString()).toBe(
      '2026-12-03T06:00:00.000Z',
    );
  });
});

describe('genforsøg', () => {
  it('venter længere for hvert forsøg og giver op efter det sidste', () => {
    const nu = t('2026-12-02T10:00:00Z');
    expect(naesteForsoeg(1, nu)?.toISOString()).toBe('2026-12-02T10:01:00.000Z');
    expect(naesteForsoeg(2, nu)?.toISOString()).toBe('2026-12-02T10:05:00.000Z');
    // 12 hours later is 23 in Copenhagen: the next morning at 7.
    expect(naesteForsoeg(6, nu)?.toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(naesteForsoeg(7, nu)).toBeNull();
  });
});

describe('teksten', () => {
  it('siger kun, at der er nyt, og hvor', () => {
    const en = notifikationstekst(1, 'https://mitforloeb.hedensted.dk/min-side');
    expect(en.sms).toBe(
      'Der er nyt til dig i Mit Forløb. Log ind for at se det: https://mitforloeb.hedensted.dk/min-side',
    );
    expect(notifikationstekst(3, 'x').tekst).toMatch(/^Der er 3 nye ting til dig i Mit Forløb\./);
  });
});
