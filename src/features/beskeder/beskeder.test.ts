import { describe, expect, it } from 'vitest';
import { beskedSvarfrist, borgerAfsender, indbakkeOrden, medarbejderAfsender, traadTilstand } from './beskeder.ts';

describe('beskedSvarfrist: 3 arbejdsdage', () => {
  it.each([
    ['2026-11-24T09:00:00Z', '2026-11-27', 'a Tuesday'],
    ['2026-11-27T14:00:00Z', '2026-12-02', 'a Friday: over the weekend'],
    ['2026-11-28T10:00:00Z', '2026-12-02', 'a Saturday: counted from the next working days'],
    ['2026-12-22T09:00:00Z', '2026-12-28', 'before Christmas: the 25th and 26th are holidays'],
    ['2026-03-31T09:00:00Z', '2026-04-08', 'over Easter 2026: 2, 3 and 6 April are holidays'],
    // 23:30 UTC is the next day in Copenhagen.
    ['2026-11-26T23:30:00Z', '2026-12-02', 'late Thursday evening UTC is Friday in Denmark'],
  ])('sendt %s: svar senest %s (%s)', (sendt, frist) => expect(beskedSvarfrist(new Date(sendt))).toBe(frist));
});

const b = (fra: 'borger' | 'kommune', sendt: string, svarFrist: string | null = null) => ({ fra, sendt, svarFrist });

describe('traadTilstand', () => {
  it('borgerens besked uden svar venter, med den ældste ventende beskeds frist', () => {
    const t = traadTilstand(
      [b('borger', '2026-11-24T09:00:00Z', '2026-11-27'), b('borger', '2026-11-25T09:00:00Z', '2026-11-28')],
      null,
      '2026-11-26',
    );
    expect(t).toEqual({ status: 'ubesvaret', svarFrist: '2026-11-27', overskredet: false });
  });

  it('er overskredet dagen efter fristen, ikke på dagen', () => {
    const beskeder = [b('borger', '2026-11-24T09:00:00Z', '2026-11-27')];
    expect(traadTilstand(beskeder, null, '2026-11-27').overskredet).toBe(false);
    expect(traadTilstand(beskeder, null, '2026-11-28').overskredet).toBe(true);
  });

  it('et svar besvarer alt før det; en ny besked efter svaret venter igen', () => {
    const besvaret = [b('borger', '2026-11-24T09:00:00Z', '2026-11-27'), b('kommune', '2026-11-25T09:00:00Z')];
    expect(traadTilstand(besvaret, null, '2026-12-01').status).toBe('besvaret');
    const igen = [...besvaret, b('borger', '2026-11-26T09:00:00Z', '2026-12-01')];
    expect(traadTilstand(igen, null, '2026-12-02')).toEqual({
      status: 'ubesvaret',
      svarFrist: '2026-12-01',
      overskredet: true,
    });
  });

  it('lukket uden svar er lukket; en besked efter lukningen åbner den igen', () => {
    const beskeder = [b('borger', '2026-11-24T09:00:00Z', '2026-11-27')];
    expect(traadTilstand(beskeder, '2026-11-25T09:00:00Z', '2026-12-10').status).toBe('lukket');
    const igen = [...beskeder, b('borger', '2026-11-26T09:00:00Z', '2026-12-01')];
    expect(traadTilstand(igen, '2026-11-25T09:00:00Z', '2026-11-26').status).toBe('ubesvaret');
  });

  it('et svar efter lukningen gør den besvaret', () => {
    const beskeder = [b('borger', '2026-11-24T09:00:00Z', '2026-11-27'), b('kommune', '2026-11-26T09:00:00Z')];
    expect(traadTilstand(beskeder, '2026-11-25T09:00:00Z', '2026-12-10').status).toBe('besvaret');
  });

  it('rækkefølgen beskederne kommer i, betyder intet', () => {
    const beskeder = [b('kommune', '2026-11-25T09:00:00Z'), b('borger', '2026-11-24T09:00:00Z', '2026-11-27')];
    expect(traadTilstand(beskeder, null, '2026-12-10').status).toBe('besvaret');
  });
});

describe('indbakkeOrden', () => {
  const traad = (
    navn: string,
    status: 'ubesvaret' | 'besvaret' | 'lukket',
    svarFrist: string | null,
    senest: string,
  ) => ({
    navn,
    senest,
    tilstand: {
      status,
      svarFrist,
      overskredet: status === 'ubesvaret' && svarFrist !== null && svarFrist < '2026-11-26',
    },
  });

  it('overskredne først, så ubesvarede efter frist, så resten med den nyeste først', () => {
    const liste = [
      traad('besvaret-gammel', 'besvaret', null, '2026-11-01T09:00:00Z'),
      traad('ubesvaret-senere', 'ubesvaret', '2026-11-30', '2026-11-25T09:00:00Z'),
      traad('besvaret-ny', 'besvaret', null, '2026-11-25T12:00:00Z'),
      traad('overskredet', 'ubesvaret', '2026-11-20', '2026-11-17T09:00:00Z'),
      traad('ubesvaret-tidlig', 'ubesvaret', '2026-11-27', '2026-11-24T09:00:00Z'),
      traad('lukket', 'lukket', null, '2026-11-20T09:00:00Z'),
    ];
    expect(indbakkeOrden(liste).map((t) => t.navn)).toEqual([
      'overskredet',
      'ubesvaret-tidlig',
      'ubesvaret-senere',
      'besvaret-ny',
      'lukket',
      'besvaret-gammel',
    ]);
  });
});

describe('afsendere', () => {
  it('borgeren selv med sit navn, en pårørende på vegne af borgeren', () => {
    const jens = { id: 'jens', navn: 'Jens Madsen' };
    expect(borgerAfsender('Jens Madsen', jens, 'jens')).toBe('Jens Madsen');
    expect(borgerAfsender('Karin Madsen', jens, 'karin')).toBe('Karin Madsen på vegne af Jens Madsen');
  });

  it('medarbejderen med navn og rolle', () => {
    expect(medarbejderAfsender('Sofie Lund', 'sagsbehandler')).toBe('Sofie Lund, sagsbehandler');
    expect(medarbejderAfsender('Maria Kjær', 'visitator')).toBe('Maria Kjær, visitator');
  });
});
