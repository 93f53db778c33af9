/**
 * "Besked om nyt": how a person wants to hear about news about themselves, or about someone they act
 * for; e-mail, SMS, both or none. A new address is confirmed with a code before anything is sent to it.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'astro/zod';
import { and, desc, eq, sql } from 'drizzle-orm';
import { notifikationConfig } from '#/config/notifikationer.ts';
import { type Bruger, IkkeFundet, kraevPerson } from '#/features/adgang/adgang.server.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { bekraeftelseskoder, kontaktvalg } from '../../../db/schema.ts';
import type { Kanaler } from './kanaler.server.ts';
import { kodetekst } from './regler.ts';

export class KontaktFejl extends Error {}

const valgfriTekst = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().trim().optional());

/** A Danish mobile number as +45 and 8 digits; spaces, dashes and a leading +45 or 0045 are allowed. */
export function normaliserTelefon(raa: string): string | null {
  const tal = raa.replace(/[\s-]/g, '').replace(/^(\+45|0045)/, '');
  return /^[2-9]\d{7}$/.test(tal) ? `+45${tal}` : null;
}

export const KontaktvalgSchema = z
  .object({
    omPersonId: z.string().min(1),
    kanaler: z.enum(['email', 'sms', 'begge', 'ingen'], { error: 'Vælg, hvordan du vil have besked.' }),
    email: valgfriTekst,
    telefon: valgfriTekst,
  })
  .superRefine((v, ctx) => {
    const medEmail = v.kanaler === 'email' || v.kanaler === 'begge';
    const medSms = v.kanaler === 'sms' || v.kanaler === 'begge';
    if (medEmail && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Skriv din e-mailadresse.' });
    else if (medEmail && !z.email().safeParse(v.email).success)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Skriv en e-mailadresse som fx navn@eksempel.dk.' });
    if (medSms && !v.telefon) ctx.addIssue({ code: 'custom', path: ['telefon'], message: 'Skriv dit mobilnummer.' });
    else if (medSms && v.telefon && !normaliserTelefon(v.telefon))
      ctx.addIssue({ code: 'custom', path: ['telefon'], message: 'Skriv et dansk mobilnummer med 8 cifre.' });
  });

export const KodeSchema = z.object({
  kanal: z.enum(['email', 'sms']),
  kode: z
    .string({ error: 'Skriv koden.' })
    .trim()
    .regex(/^\d{6}$/, 'Koden er 6 cifre. Du finder den i beskeden, vi sendte.'),
});

const hash = (kode: string) => createHash('sha256').update(kode).digest('hex');

/** The person on screen, if the user may choose for them: themselves, or someone whose cases they may see. */
async function kraevOmPerson(db: Db, bruger: Bruger, omPersonId: string, now: Date) {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
  await kraevPerson(db, bruger, 'se-sager', omPersonId, { handling: 'se', hvad: 'Besked om nyt' }, now);
  return bruger.aktoer.personId;
}

/** The choice for the person on screen, and whether one has been made at all. */
export async function kontaktvalgFor(db: Db, bruger: Bruger, omPersonId: string, now: Date) {
  const modtagerId = await kraevOmPerson(db, bruger, omPersonId, now);
  // On every view of Min side: prepared once per connection.
  const q = forberedt(db, 'kontaktvalg.for', () =>
    db
      .select()
      .from(kontaktvalg)
      .where(
        and(eq(kontaktvalg.modtagerId, sql.placeholder('modtager')), eq(kontaktvalg.omPersonId, sql.placeholder('om'))),
      )
      .prepare(),
  );
  return foerste(await q.execute({ modtager: modtagerId, om: omPersonId }));
}

export interface Kode {
  kanal: 'email' | 'sms';
  adresse: string;
  kode: string;
}

/**
 * Saves the choice. An address the receiver has confirmed before (for themselves or someone else)
 * stays confirmed; a new one needs a code, returned here to be sent after the commit (never to the browser).
 */
export async function vaelgKontakt(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof KontaktvalgSchema>,
  now: Date,
): Promise<{ koder: Kode[] }> {
  const modtagerId = await kraevOmPerson(db, bruger, input.omPersonId, now);
  const medEmail = input.kanaler === 'email' || input.kanaler === 'begge';
  const medSms = input.kanaler === 'sms' || input.kanaler === 'begge';
  const email = medEmail ? (input.email?.toLowerCase() ?? null) : null;
  const telefon = medSms && input.telefon ? normaliserTelefon(input.telefon) : null;
  const mine = await db.select().from(kontaktvalg).where(eq(kontaktvalg.modtagerId, modtagerId));
  const bekraeftet = (kanal: 'email' | 'sms', adresse: string | null) =>
    adresse === null
      ? null
      : (mine.find((v) => (kanal === 'email' ? v.email : v.telefon) === adresse)?.[
          kanal === 'email' ? 'emailBekraeftet' : 'telefonBekraeftet'
        ] ?? null);
  const raekke = {
    kanaler: input.kanaler,
    email,
    emailBekraeftet: bekraeftet('email', email),
    emailAfvist: null,
    telefon,
    telefonBekraeftet: bekraeftet('sms', telefon),
    smsAfvist: null,
    opdateret: now.toISOString(),
  };
  await db
    .insert(kontaktvalg)
    .values({ id: crypto.randomUUID(), modtagerId, omPersonId: input.omPersonId, ...raekke })
    .onConflictDoUpdate({ target: [kontaktvalg.modtagerId, kontaktvalg.omPersonId], set: raekke });
  const koder: Kode[] = [];
  for (const [kanal, adresse, ok] of [
    ['email', email, raekke.emailBekraeftet],
    ['sms', telefon, raekke.telefonBekraeftet],
  ] as const) {
    if (adresse === null || ok !== null) continue;
    const kode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await db
      .delete(bekraeftelseskoder)
      .where(and(eq(bekraeftelseskoder.modtagerId, modtagerId), eq(bekraeftelseskoder.kanal, kanal)));
    await db.insert(bekraeftelseskoder).values({
      id: crypto.randomUUID(),
      modtagerId,
      kanal,
      adresse,
      kodeHash: hash(kode),
      udloeber: new Date(now.getTime() + notifikationConfig.kodeMinutter * 60_000).toISOString(),
    });
    koder.push({ kanal, adresse, kode });
  }
  return { koder };
}

/** Sends the codes; the channels that could not be reached, to say so. */
export async function sendKoder(kanaler: Kanaler, koder: readonly Kode[]): Promise<('email' | 'sms')[]> {
  const fejlede: ('email' | 'sms')[] = [];
  for (const k of koder) {
    const t = kodetekst(k.kode);
    try {
      const send = k.kanal === 'email' ? kanaler.email : kanaler.sms;
      const r = send
        ? k.kanal === 'email'
          ? await send(k.adresse, t.emne, t.tekst)
          : await (send as NonNullable<Kanaler['sms']>)(k.adresse, t.tekst)
        : 'afvist';
      if (r !== 'sendt') fejlede.push(k.kanal);
    } catch {
      fejlede.push(k.kanal);
    }
  }
  return fejlede;
}

/** Confirms the receiver's address with the code; a wrong code counts, and after 5 a new one is needed. */
export async function bekraeftKode(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof KodeSchema>,
  now: Date,
): Promise<{ kanal: 'email' | 'sms' }> {
  if (bruger.aktoer.type !== 'borger') throw new IkkeFundet();
  const modtagerId = bruger.aktoer.personId;
  const k = foerste(
    await db
      .select()
      .from(bekraeftelseskoder)
      .where(and(eq(bekraeftelseskoder.modtagerId, modtagerId), eq(bekraeftelseskoder.kanal, input.kanal)))
      .orderBy(desc(bekraeftelseskoder.udloeber)),
  );
  if (!k || k.udloeber <= now.toISOString() || k.forsoeg >= notifikationConfig.kodeForsoeg)
    throw new KontaktFejl('Koden er udløbet. Gem dit valg igen, så sender vi en ny kode.');
  const rigtig = timingSafeEqual(Buffer.from(hash(input.kode)), Buffer.from(k.kodeHash));
  if (!rigtig) {
    // The count is kept even though the refusal rolls the action back: it is written on its own.
    throw new ForkertKode(k.id, 'Koden passer ikke. Tjek, at du har skrevet den rigtigt.');
  }
  const felt =
    input.kanal === 'email' ? { emailBekraeftet: now.toISOString() } : { telefonBekraeftet: now.toISOString() };
  await db
    .update(kontaktvalg)
    .set(felt)
    .where(
      and(
        eq(kontaktvalg.modtagerId, modtagerId),
        eq(input.kanal === 'email' ? kontaktvalg.email : kontaktvalg.telefon, k.adresse),
      ),
    );
  await db.delete(bekraeftelseskoder).where(eq(bekraeftelseskoder.id, k.id));
  return { kanal: input.kanal };
}

/** A wrong code: refused, and the attempt counted after the rollback (`taelForsoeg`). */
export class ForkertKode extends KontaktFejl {
  readonly kodeId: string;
  constructor(kodeId: string, besked: string) {
    super(besked);
    this.kodeId = kodeId;
  }
}

export async function taelForsoeg(db: Db, kodeId: string): Promise<void> {
  const k = foerste(await db.select().from(bekraeftelseskoder).where(eq(bekraeftelseskoder.id, kodeId)));
  if (k)
    await db
      .update(bekraeftelseskoder)
      .set({ forsoeg: k.forsoeg + 1 })
      .where(eq(bekraeftelseskoder.id, kodeId));
}
