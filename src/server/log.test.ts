import { describe, expect, it } from 'vitest';
import { anmodningsId, logLinje, medAnmodningsId, skjulCpr, skjulParametre } from './log.ts';

describe('logLinje', () => {
  const tid = new Date('2026-11-30T12:00:00Z');

  it('er én linje JSON med tid, niveau og hændelse', () => {
    const linje = logLinje('info', 'http', { metode: 'GET', status: 200 }, tid);
    expect(linje).not.toContain('\n');
    expect(JSON.parse(linje)).toEqual({
      tid: '2026-11-30T12:00:00.000Z',
      niveau: 'info',
      haendelse: 'http',
      metode: 'GET',
      status: 200,
    });
  });

  it('får anmodningens id inden for medAnmodningsId, også efter await', async () => {
    const linje = await medAnmodningsId('abc12345', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return logLinje('fejl', 'konsol', { besked: 'x' }, tid);
    });
    expect(JSON.parse(linje).anmodning).toBe('abc12345');
    expect(JSON.parse(logLinje('info', 'start', {}, tid))).not.toHaveProperty('anmodning');
  });

  it('skjuler CPR-numre i tekstfelter', () => {
    const linje = logLinje('fejl', 'konsol', { besked: 'Fejl for 1201404321 og 120140-4321' }, tid);
    expect(linje).not.toMatch(/4321/);
    expect(JSON.parse(linje).besked).toBe('Fejl for [cpr] og [cpr]');
  });

  it('skjuler CPR-nummeret i et API-kalds sti', () => {
    const linje = logLinje('info', 'http', { sti: '/api/v1/personer/dubu-010190-1234/sager' }, tid);
    expect(linje).not.toMatch(/1234/);
  });
});

describe('skjulParametre', () => {
  it('fjerner værdierne fra en fejlet forespørgsel, men beholder forespørgslen', () => {
    const fejl =
      'Error: Failed query: insert into "klager" ("tekst") values ($1)\nparams: Min ryg,Ali Hassan\n    at x';
    expect(skjulParametre(fejl)).toBe(
      'Error: Failed query: insert into "klager" ("tekst") values ($1)\nparams: [skjult]\n    at x',
    );
  });
});

describe('skjulCpr', () => {
  it.each([
    ['0102501234', '[cpr]'],
    ['cpr=010250-1234&x', 'cpr=[cpr]&x'],
    // Longer numbers are not CPR numbers (an id, a timestamp in ms) and stay.
    ['1764500000000', '1764500000000'],
    ['tlf 12 34 56 78', 'tlf 12 34 56 78'],
    ['/sager/2e248711-7638-4fe2-9690-54e39cc2b9de', '/sager/2e248711-7638-4fe2-9690-54e39cc2b9de'],
    ['id 479d3d60-5bfa-4945-b1ba-3a4306347409', 'id 479d3d60-5bfa-4945-b1ba-3a4306347409'],
    ['/sager/0102501234/dokumenter', '/sager/[cpr]/dokumenter'],
    // A source system's person id in an API path holds the CPR number after a dash.
    ['/api/v1/personer/cpr-0101901234', '/api/v1/personer/cpr-[cpr]'],
    ['/api/v1/personer/dubu-010190-1234/sager', '/api/v1/personer/dubu-[cpr]/sager'],
    ['/api/v1/personer/kode-0101901234', '/api/v1/personer/kode-[cpr]'],
    ['sti 0101901234-x', 'sti [cpr]-x'],
    ['hash ab0123456789cd', 'hash ab0123456789cd'],
    ['/sager/01234567-0123-4567-8901-012345678901', '/sager/01234567-0123-4567-8901-012345678901'],
  ])('%s → %s', (ind, ud) => expect(skjulCpr(ind)).toBe(ud));
});

describe('anmodningsId', () => {
  it('bruger proxyens id, når det er et rent token', () => {
    expect(anmodningsId('req-4f9a2c1e')).toBe('req-4f9a2c1e');
  });

  it.each([undefined, '', 'kort', 'med mellemrum 123', '"><script>', 'x'.repeat(65)])('laver et nyt for %j', (v) => {
    expect(anmodningsId(v)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
