import { describe, expect, it } from 'vitest';
import { ugyldigActionJson } from './action-json.ts';

const post = (body: string, type = 'application/json', sti = '/_actions/forlaengSession') =>
  [new Request(`http://localhost${sti}`, { method: 'POST', headers: { 'content-type': type }, body }), sti] as const;

describe('ugyldigActionJson', () => {
  it('svarer 400 på dansk, når JSON til en handling ikke kan læses', async () => {
    const svar = await ugyldigActionJson(...post('{"sagId": '));
    expect(svar?.status).toBe(400);
    expect(await svar!.json()).toMatchObject({ type: 'AstroActionError', code: 'BAD_REQUEST', message: 'Ugyldig JSON. Kroppen kunne ikke læses.' });
    expect((await ugyldigActionJson(...post('0102501234 er mit cpr', 'Application/JSON; charset=utf-8')))?.status).toBe(400);
  });

  it('lader alt andet gå videre til Astro', async () => {
    expect(await ugyldigActionJson(...post('{"a": 1}'))).toBeUndefined();
    expect(await ugyldigActionJson(...post(''))).toBeUndefined();
    expect(await ugyldigActionJson(...post('{', 'application/x-www-form-urlencoded'))).toBeUndefined();
    expect(await ugyldigActionJson(...post('{', 'application/json', '/sager/x/klage'))).toBeUndefined();
    expect(await ugyldigActionJson(...post(`"${'x'.repeat(1024 * 1024 + 10)}`))).toBeUndefined();
  });

  it('lader kroppen være urørt til Astro', async () => {
    const [request, sti] = post('{"a": 1}');
    await ugyldigActionJson(request, sti);
    expect(await request.json()).toEqual({ a: 1 });
  });
});
