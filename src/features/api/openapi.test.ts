import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { openApiDokument } from './openapi.ts';
import { alleRuter } from './ruter.server.ts';
import { alleScopes } from './noegler.server.ts';
import { apiSchemas } from './schemas.ts';

type Obj = Record<string, any>;
const doc = openApiDokument() as Obj;

/** Every "$ref" in the document. */
function refs(x: unknown, ud: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((y) => refs(y, ud));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === '$ref' ? ud.push(v as string) : refs(v, ud));
  return ud;
}

/** The Astro file serving an OpenAPI path: /api/v1/sager/{kildeId} → src/pages/api/v1/sager/[kildeId].ts */
const sidefil = (sti: string) => `src/pages${sti.replace(/\{(\w+)\}/g, '[$1]')}.ts`;

describe('OpenAPI-dokumentet', () => {
  it('er OpenAPI 3.1 med bearer-nøgler', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('har alle stier med deres metode, scope og svar', () => {
    const forventet = [
      'PUT /api/v1/personer/{kildeId}', 'PUT /api/v1/sager/{kildeId}', 'PUT /api/v1/sager/{kildeId}/afgoerelse', 'PUT /api/v1/moeder/{kildeId}', 'PUT /api/v1/planer/{kildeId}',
      'GET /api/v1/hjaelpemiddel-ansoegninger', 'GET /api/v1/klager', 'GET /api/v1/partshoeringssvar', 'GET /api/v1/samtykker/tilbagekaldte', 'GET /api/v1/openapi.json',
    ];
    const faktisk = Object.entries(doc.paths as Obj).flatMap(([sti, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${sti}`));
    expect(faktisk.sort()).toEqual(forventet.sort());
    for (const r of alleRuter) {
      const op = doc.paths[r.sti][r.metode.toLowerCase()];
      expect(op.security).toEqual([{ bearer: [r.scope] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    }
    expect(doc.paths['/api/v1/openapi.json'].get.security).toEqual([]);
  });

  it('har et skema for hver krop og hvert svar, og alle $ref findes', () => {
    const skemaer = doc.components.schemas as Obj;
    for (const r of alleRuter) {
      const op = doc.paths[r.sti][r.metode.toLowerCase()];
      if (r.type === 'upsert') {
        const ref = op.requestBody.content['application/json'].schema.$ref as string;
        expect(ref).toBe(`#/components/schemas/${apiSchemas.get(r.krop)!.id}`);
        expect(op.parameters).toMatchObject([{ name: 'kildeId', in: 'path', required: true }]);
        expect(op.responses['201']).toBeDefined();
      } else {
        expect(op.parameters.map((p: Obj) => p.name)).toEqual(['siden', 'efter', 'antal']);
      }
    }
    for (const ref of refs(doc)) expect(skemaer[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    for (const s of Object.values(skemaer)) expect(s.$schema ?? s.$id).toBeUndefined();
  });

  it('beskriver kroppene som zod validerer dem: strenge objekter, påkrævede felter, grænser', () => {
    const { Sag, Person, Plan, KompasScore } = doc.components.schemas as Obj;
    expect(Sag.additionalProperties).toBe(false);
    expect(Sag.required).toEqual(expect.arrayContaining(['personKildeId', 'trin', 'frist']));
    expect(Sag.required).not.toContain('nyFrist');
    expect(Sag.properties.trin).toMatchObject({ type: 'integer', minimum: 1, maximum: 7 });
    expect(Person.properties.cpr.pattern).toBe('^\\d{10}$');
    expect(Plan.properties.delmaal.items.$ref).toBe('#/components/schemas/Delmaal');
    expect(KompasScore.properties.score).toMatchObject({ minimum: 1, maximum: 10 });
  });

  it('nævner alle scopes', () => {
    for (const s of alleScopes) expect(doc.components.securitySchemes.bearer.description).toContain(s);
  });

  it('hver sti har en Astro-side, der eksporterer metoden', () => {
    for (const r of [...alleRuter, { sti: '/api/v1/openapi.json', metode: 'GET' }]) {
      const fil = sidefil(r.sti);
      expect(existsSync(fil), fil).toBe(true);
      expect(readFileSync(fil, 'utf8')).toMatch(new RegExp(`export const ${r.metode}\\b`));
    }
  });
});
