/**
 * The demo's test mailbox (TEST_POSTKASSE=1, never in production): a real SMTP server (smtp-server)
 * and a stand-in SMS gateway on loopback, which keep what they receive in the table `testpost`, so
 * /test-postkasse can show it on every instance. The portal sends to them as to the real ones.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/client.ts';
import { testpost } from '../../db/schema.ts';

export interface Testpostkasse {
  smtpPort: number;
  smsUrl: string;
  luk: () => Promise<void>;
}

/** Addresses at this domain are refused for good (5xx), as a real server refuses an unknown mailbox. */
export const AFVIST_DOMAENE = 'afvist.invalid';

export async function startTestpostkasse(db: Db, now: () => Date): Promise<Testpostkasse> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Mit Forløb testpostkasse',
    onRcptTo(adresse, _session, cb) {
      if (adresse.address.toLowerCase().endsWith(`@${AFVIST_DOMAENE}`)) {
        const fejl = Object.assign(new Error('Postkassen findes ikke'), { responseCode: 550 });
        return cb(fejl);
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then(async (mail) => {
          for (const til of session.envelope.rcptTo)
            await db.insert(testpost).values({
              id: crypto.randomUUID(),
              kanal: 'email',
              til: til.address,
              emne: mail.subject ?? null,
              tekst: mail.text ?? '',
              modtaget: now().toISOString(),
            });
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const sms = http.createServer((req, res) => {
    let krop = '';
    req.on('data', (d) => {
      krop += d;
    });
    req.on('end', async () => {
      try {
        const { til, tekst } = JSON.parse(krop) as { til: string; tekst: string };
        if (typeof til !== 'string' || typeof tekst !== 'string') throw new Error('til og tekst mangler');
        // A number the demo's gateway refuses for good: +45 2000 0000.
        if (til === '+4520000000') {
          res.writeHead(400).end();
          return;
        }
        await db.insert(testpost).values({
          id: crypto.randomUUID(),
          kanal: 'sms',
          til,
          emne: null,
          tekst,
          modtaget: now().toISOString(),
        });
        res.writeHead(202).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((ok) => sms.listen(0, '127.0.0.1', ok));
  const smsUrl = `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`;

  return {
    smtpPort,
    smsUrl,
    luk: async () => {
      await new Promise<void>((ok) => smtp.close(() => ok()));
      await new Promise<void>((ok) => sms.close(() => ok()));
    },
  };
}
