/** Receipt numbers people can read aloud on the phone: a prefix, the year and six letters/digits without look-alikes. */
const TEGN = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function nytKvitteringsnr(prefix: string, now: Date): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const kode = [...bytes].map((b) => TEGN[b % TEGN.length]).join('');
  return `${prefix}-${now.getUTCFullYear()}-${kode}`;
}
