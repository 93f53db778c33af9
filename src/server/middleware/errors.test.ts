import type { APIContext, MiddlewareNext } from 'astro';
import { describe, expect, it } from 'vitest';
import { fejloversaettelse } from './errors.ts';

/** The middleware with the parts of Astro's context it reads, and a `next` that answers `svar`. */
async function gennem(sti: string, svar: Response): Promise<Response> {
  const ctx = {
    isPrerendered: false,
    url: new URL(`http://localhost${sti}`),
    request: new Request(`http://localhost${sti}`),
  };
  const next: MiddlewareNext = async () => svar;
  return (await fejloversaettelse(ctx as APIContext, next)) as Response;
}

const astros500 = () =>
  new Response(
    JSON.stringify({
      type: 'AstroActionError',
      code: 'INTERNAL_SERVER_ERROR',
      status: 500,
      message: 'Failed query: select "id" from "partshoeringer" where "id" = $1\nparams: 0102501234',
    }),
    { status: 500, headers: { 'content-type': 'application/json' } },
  );

describe('fejloversaettelse', () => {
  it('en handling, der fejler uventet, svarer på dansk uden forespørgslen og dens værdier', async () => {
    const svar = await gennem('/_actions/svarPartshoering', astros500());
    expect(svar.status).toBe(500);
    const tekst = await svar.text();
    expect(tekst).not.toMatch(/Failed query|params|0102501234/);
    expect(JSON.parse(tekst)).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: expect.stringMatching(/^Der skete/),
    });
  });

  it('en sides svar og en handlings almindelige svar går uændret igennem', async () => {
    const side = new Response('<h1>Fejl</h1>', { status: 500 });
    expect(await gennem('/min-side', side)).toBe(side);
    const afvist = new Response('{}', { status: 400 });
    expect(await gennem('/_actions/klag', afvist)).toBe(afvist);
  });
});
