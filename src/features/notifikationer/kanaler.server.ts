/**
 * The two real channels: e-mail over SMTP with Nodemailer, SMS through an HTTP gateway. Each
 * answers 'sendt', 'afvist' (the address is refused for good) or throws MidlertidigFejl (try again).
 */
import nodemailer from 'nodemailer';
import type { Miljoe } from '#/config/miljoe.ts';

export class MidlertidigFejl extends Error {}

export type Udfald = 'sendt' | 'afvist';
export interface Kanaler {
  email?: (til: string, emne: string, tekst: string) => Promise<Udfald>;
  sms?: (til: string, tekst: string) => Promise<Udfald>;
}

/** SMTP's permanent answer to a recipient (5xx) refuses the address; anything else may pass. */
function smtpUdfald(e: unknown): Udfald {
  const kode = (e as { responseCode?: number }).responseCode;
  if (kode !== undefined && kode >= 500 && kode < 600) return 'afvist';
  throw new MidlertidigFejl(`SMTP: ${kode ?? (e as Error).name ?? 'fejl'}`);
}

/** The channels the environment sets up; a channel without settings is left out (and not offered). */
export function kanalerFraMiljoe(m: Miljoe): Kanaler {
  const kanaler: Kanaler = {};
  if (m.SMTP_HOST) {
    const transport = nodemailer.createTransport({
      host: m.SMTP_HOST,
      port: m.SMTP_PORT,
      secure: m.SMTP_TLS,
      auth: m.SMTP_USER ? { user: m.SMTP_USER, pass: m.SMTP_PASS ?? '' } : undefined,
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
    kanaler.email = async (til, emne, tekst) => {
      try {
        await transport.sendMail({ from: m.SMTP_FRA, to: til, subject: emne, text: tekst });
        return 'sendt';
      } catch (e) {
        return smtpUdfald(e);
      }
    };
  }
  const url = m.SMS_GATEWAY_URL;
  if (url) {
    kanaler.sms = async (til, tekst) => {
      let svar: Response;
      try {
        svar = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(m.SMS_GATEWAY_NOEGLE ? { authorization: `Bearer ${m.SMS_GATEWAY_NOEGLE}` } : {}),
          },
          body: JSON.stringify({ til, tekst }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (e) {
        throw new MidlertidigFejl(`SMS: ${(e as Error).name}`);
      }
      if (svar.ok) return 'sendt';
      // 4xx: the gateway refuses the number or the message; 5xx and 429: try again later.
      if (svar.status >= 400 && svar.status < 500 && svar.status !== 429) return 'afvist';
      throw new MidlertidigFejl(`SMS: HTTP ${svar.status}`);
    };
  }
  return kanaler;
}
