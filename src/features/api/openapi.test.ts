import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alleApiRettigheder } from './noegler.server.ts';
import { openApiDokument } from './openapi.ts';
import { alleRuter } from './ruter.server.ts';
import { apiSchemas } from './schemas.ts';

const doc: unknown = openApiDokument();

/** The value at a path in the JSON document, or undefined: the test reads the document as JSON, untyped. */
function ved(x: unknown, ...sti: string[]): unknown {
  let v = x;
  for (const k of sti)
    v = v !== null && typeof v === 'object' ? Object.entries(v).find(([n]) => n === k)?.[1] : undefined;
  return v;
}
const poster = (x: unknown): [string, unknown][] => (x !== null && typeof x === 'object' ? Object.entries(x) : []);

/** Every "$ref" in the document. */
function refs(x: unknown, ud: string[] = []): string[] {
  if (Array.isArray(x)) for (const y of x) refs(y, ud);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) k === '$ref' ? ud.push(v as string) : refs(v, ud);
  return ud;
}

/** The Astro file serving an OpenAPI path: /api/v1/sager/{kildeId} → src/pages/api/v1/sager/[kildeId].ts */
const sidefil = (sti: string) => `src/pages${sti.replace(/\{(\w+)\}/g, '[$1]')}.ts`;

describe('OpenAPI-dokumentet', () => {
  it('er OpenAPI 3.1 med bearer-nøgler', () => {
    expect(ved(doc, 'openapi')).toBe('3.1.0');
    expect(ved(doc, 'components', 'securitySchemes', 'bearer')).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('har alle stier med deres metode, scope og svar', () => {
    const forventet = [
      'PUT /api/v1/personer/{kildeId}',
      'PUT /api/v1/sager/{kildeId}',
      'PUT /api/v1/personer/{kildeId}/foraeldremyndighed',
      'PUT /api/v1/sager/{kildeId}/afgoerelse',
      'PUT /api/v1/moeder/{kildeId}',
      'PUT /api/v1/breve/{kildeId}',
      'PUT /api/v1/partshoeringer/{kildeId}',
      'PUT /api/v1/planer/{kildeId}',
      'PUT /api/v1/beskeder/{kildeId}',
      'GET /api/v1/hjaelpemiddel-ansoegninger',
      'GET /api/v1/klager',
      'GET /api/v1/partshoeringssvar',
      'GET /api/v1/samtykker/tilbagekaldte',
      'GET /api/v1/haendelser',
      'POST /api/v1/haendelser/kvitter',
      'GET /api/v1/openapi.json',
    ];
    const faktisk = poster(ved(doc, 'paths')).flatMap(([sti, ops]) =>
      poster(ops).map(([m]) => `${m.toUpperCase()} ${sti}`),
    );
    expect(faktisk.sort()).toEqual(forventet.sort());
    for (const r of alleRuter) {
      const op = ved(doc, 'paths', r.sti, r.metode.toLowerCase());
      expect(ved(op, 'security')).toEqual([{ bearer: [r.scope] }]);
      expect(poster(ved(op, 'responses')).map(([k]) => k)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403']),
      );
    }
    expect(ved(doc, 'paths', '/api/v1/openapi.json', 'get', 'security')).toEqual([]);
  });

  it('har et skema for hver krop og hvert svar, og alle $ref findes', () => {
    const skemaer = ved(doc, 'components', 'schemas');
    for (const r of alleRuter) {
      const op = ved(doc, 'paths', r.sti, r.metode.toLowerCase());
      if (r.type !== 'liste') {
        const ref = ved(op, 'requestBody', 'content', 'application/json', 'schema', '$ref');
        expect(apiSchemas.get(r.krop)).toBeDefined();
        expect(ref).toBe(`#/components/schemas/${apiSchemas.get(r.krop)?.id}`);
      }
      if (r.type === 'upsert') {
        expect(ved(op, 'parameters')).toMatchObject([{ name: 'kildeId', in: 'path', required: true }]);
        expect(ved(op, 'responses', '201')).toBeDefined();
      } else if (r.type === 'handling') {
        expect(ved(op, 'responses', '200', 'content', 'application/json', 'schema', '$ref')).toBe(
          `#/components/schemas/${apiSchemas.get(r.svar)?.id}`,
        );
      } else {
        const navne = poster(ved(op, 'parameters')).map(([, p]) => ved(p, 'name'));
        expect(navne).toEqual(
          r.sti === '/api/v1/haendelser' ? ['siden', 'antal'] : ['siden', 'efter', 'haendelse', 'antal'],
        );
      }
    }
    for (const ref of refs(doc)) expect(ved(skemaer, ref.replace('#/components/schemas/', '')), ref).toBeDefined();
    for (const [, s] of poster(skemaer)) expect(ved(s, '$schema') ?? ved(s, '$id')).toBeUndefined();
  });

  it('beskriver kroppene som zod validerer dem: strenge objekter, påkrævede felter, grænser', () => {
    const skema = (navn: string, ...sti: string[]) => ved(doc, 'components', 'schemas', navn, ...sti);
    expect(skema('Sag', 'additionalProperties')).toBe(false);
    expect(skema('Sag', 'required')).toEqual(expect.arrayContaining(['personKildeId', 'trin', 'frist']));
    expect(skema('Sag', 'required')).not.toContain('nyFrist');
    expect(skema('Sag', 'properties', 'trin')).toMatchObject({ type: 'integer', minimum: 1, maximum: 7 });
    expect(skema('Person', 'properties', 'cpr', 'pattern')).toBe('^\\d{10}$');
    expect(skema('Plan', 'properties', 'delmaal', 'items', '$ref')).toBe('#/components/schemas/Delmaal');
    expect(skema('KompasScore', 'properties', 'score')).toMatchObject({ minimum: 1, maximum: 10 });
  });

  it('nævner alle scopes', () => {
    for (const s of alleApiRettigheder)
      expect(ved(doc, 'components', 'securitySchemes', 'bearer', 'description')).toContain(s);
  });

  it('hver sti har en Astro-side, der eksporterer metoden', () => {
    for (const r of [...alleRuter, { sti: '/api/v1/openapi.json', metode: 'GET' }]) {
      const fil = sidefil(r.sti);
      expect(existsSync(fil), fil).toBe(true);
      expect(readFileSync(fil, 'utf8')).toMatch(new RegExp(`export const ${r.metode}\\b`));
    }
  });
});
