import type { Browser } from '@playwright/test';
import { loginSom } from './login.ts';

// How the fuzz tests put hostile fields into a request body, shared by fuzz.spec.ts and fuzz-klage.spec.ts.

export const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Requests in flight at once: enough to be quick, few enough for a machine with two cores. */
export const SAMTIDIGE = 6;

export type Vaerdi = string | string[] | { fil: Uint8Array; navn: string } | undefined;
export type Felter = [string, Vaerdi][];
export type Kodning = 'multipart' | 'urlencoded' | 'tekst' | 'json' | 'ødelagt-multipart' | 'ingen';

/** The body and content type a client might send for the fields; raw bodies as bytes, so Playwright sends them as they are. */
export function krop(
  felter: Felter,
  kodning: Kodning,
): { headers: Record<string, string>; data?: Buffer; multipart?: FormData } {
  const par = felter.flatMap(([n, v]) =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x) => [n, x] as const) : [[n, v] as const],
  );
  const tekst = par.map(([n, v]) => [n, typeof v === 'string' ? v : v.navn] as [string, string]);
  switch (kodning) {
    case 'multipart': {
      const fd = new FormData();
      for (const [n, v] of par) fd.append(n, typeof v === 'string' ? v : new File([new Uint8Array(v.fil)], v.navn));
      return { headers: {}, multipart: fd };
    }
    case 'urlencoded':
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        data: Buffer.from(new URLSearchParams(tekst).toString()),
      };
    case 'tekst':
      return {
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        data: Buffer.from(tekst.map(([n, v]) => `${n}=${v}`).join('\r\n')),
      };
    case 'json':
      return {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from(tekst.length % 2 ? JSON.stringify(Object.fromEntries(tekst)) : '{"sagId": '),
      };
    case 'ødelagt-multipart':
      return {
        headers: { 'content-type': 'multipart/form-data; boundary=----fuzz' },
        data: Buffer.from(
          `------fuzz\r\nContent-Disposition: form-data; name="${tekst[0]?.[0] ?? 'x'}"\r\n\r\n${tekst[0]?.[1] ?? ''}`,
        ),
      };
    case 'ingen':
      return { headers: {}, data: Buffer.from(tekst.map(([n, v]) => `${n}=${v}`).join('&')) };
  }
}

/** playwright.config.ts always sets baseURL; the tests post with it as Origin. */
export function basisUrl(baseURL: string | undefined): string {
  if (!baseURL) throw new Error('baseURL mangler i playwright.config.ts');
  return baseURL;
}

export async function logInd(browser: Browser, navn: string, medarbejder = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginSom(page, navn, { medarbejder });
  return { context, page };
}
