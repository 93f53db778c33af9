/**
 * The rules of notices, without a database: quiet hours, bundling, retries, and the text, which
 * says only that there is news.
 */
import { notifikationConfig as c } from '#/config/notifikationer.ts';
import { fraKoebenhavnstid, plusDage, tilKoebenhavnstid } from '#/lib/dato.ts';

/** The first moment at or after `t` outside the quiet hours (22-7 in Copenhagen). */
export function udenforStilletid(t: Date): Date {
  const lokal = tilKoebenhavnstid(t);
  const time = Number(lokal.slice(11, 13));
  if (time >= c.stilleTil && time < c.stilleFra) return t;
  const dag = lokal.slice(0, 10);
  const morgen = (d: string) => fraKoebenhavnstid(`${d}T${String(c.stilleTil).padStart(2, '0')}:00`);
  return morgen(time < c.stilleTil ? dag : plusDage(dag, 1));
}

/** When an address may next get a notice: not before an hour after the last, and not at night. */
export function naesteAfsendelse(sidsteSendt: Date | null, now: Date): Date {
  const tidligst = sidsteSendt ? new Date(sidsteSendt.getTime() + c.samleMinutter * 60_000) : now;
  return udenforStilletid(tidligst > now ? tidligst : now);
}

/** When to try again after `forsoeg` failed attempts, or null: give up. */
export function naesteForsoeg(forsoeg: number, now: Date): Date | null {
  const minutter = c.genforsoegMinutter[forsoeg - 1];
  return minutter === undefined ? null : udenforStilletid(new Date(now.getTime() + minutter * 60_000));
}

/** The notice: no name, no CPR, no case or content; only that there is news, and where. */
export function notifikationstekst(antal: number, link: string): { emne: string; tekst: string; sms: string } {
  const nyt = antal === 1 ? 'Der er nyt' : `Der er ${antal} nye ting`;
  return {
    emne: 'Der er nyt i Mit Forløb',
    tekst: `${nyt} til dig i Mit Forløb.\n\nLog ind med MitID for at se det: ${link}\n\nDu får denne besked, fordi du har bedt om det. Du kan ændre det under "Besked om nyt" på Min side.\n\nSvar ikke på denne e-mail.`,
    sms: `${nyt} til dig i Mit Forløb. Log ind for at se det: ${link}`,
  };
}

/** The code's message: the code and nothing else about the person. */
export const kodetekst = (kode: string) => ({
  emne: 'Din kode til Mit Forløb',
  tekst: `Din kode er ${kode}. Skriv den i Mit Forløb for at bekræfte din adresse. Koden virker i ${c.kodeMinutter} minutter.`,
});
