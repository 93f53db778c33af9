/**
 * Just enough of a browser for the provider tests: a cookie jar that honours cookie paths
 * and redirects followed by hand, stopping where the relying party would take over.
 */
import { defined } from '#/lib/defined.ts';

export class TestBrowser {
  #cookies = new Map<string, { value: string; path: string }>();
  readonly stopAt: string;

  /** `stopAt`: URL prefix (the relying party's callback area) where following stops. */
  constructor(stopAt: string) {
    this.stopAt = stopAt;
  }

  /** One request without following redirects, sending and storing cookies. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const { pathname } = new URL(url);
    const cookie = [...this.#cookies]
      .filter(([, c]) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return response;
  }

  /** Follows redirects until a page is returned (`response`) or the URL reaches `stopAt`. */
  async follow(url: string, init?: RequestInit): Promise<{ url: string; response?: Response }> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 10) throw new Error('too many redirects');
      current = new URL(defined(response.headers.get('location'), 'Location-headeren'), current).href;
      if (current.startsWith(this.stopAt)) return { url: current };
      response = await this.request(current);
    }
    return { url: current, response };
  }

  #store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    if (value === '' || (expires && new Date(expires) < new Date())) this.#cookies.delete(name);
    else this.#cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}

/** RequestInit for posting an HTML form. */
export function formPost(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}
