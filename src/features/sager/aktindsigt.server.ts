/**
 * A request for aktindsigt (forvaltningsloven § 9): the citizen, or a relative who may act on
 * the case, asks to see its documents. Saved once per form with a receipt, put on the case's
 * history and sent to the journal in one transaction, as a complaint is.
 */
import { z } from 'astro/zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Bruger, IkkeFundet, kraevSag } from '#/features/adgang/adgang.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { dagen } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { enGangPrNoegle, formularnoegle } from '#/lib/formularnoegle.server.ts';
import { nytKvitteringsnr } from '#/lib/kvittering.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { aktindsigter } from '../../../db/schema.ts';
import { aktindsigtSvarfrist } from './frister.ts';
import { aktindsigtBesvaret, aktindsigtModtaget, skrivHaendelse } from './haendelser.ts';

/** A refusal with a Danish message for the caseworker. */
export class AktindsigtFejl extends Error {}

export const AktindsigtSchema = z.object({
  sagId: z.string().min(1),
  tekst: z
    .string({ error: 'Skriv, hvad du vil se.' })
    .trim()
    .min(5, 'Skriv, hvad du vil se – fx "alle dokumenter i sagen" eller "lægens udtalelse".')
    .max(2000, 'Højst 2.000 tegn.'),
  noegle: z.uuid('Formularen er udløbet. Indlæs siden igen.'),
});

/** The form's facts: the case, if the user may act on it. */
export async function aktindsigtformular(db: Db, bruger: Bruger, sagId: string, now: Date) {
  return await kraevSag(db, bruger, 'handle-i-sag', sagId, { handling: 'se', hvad: 'Formular til aktindsigt' }, now);
}

/** Saves the request; the same form sent again finds the first one. */
export async function bedOmAktindsigt(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof AktindsigtSchema>,
  now: Date,
): Promise<{ aktindsigtId: string }> {
  const { sag } = await kraevSag(
    db,
    bruger,
    'handle-i-sag',
    input.sagId,
    { handling: 'opret', hvad: 'Anmodning om aktindsigt' },
    now,
  );
  const id = crypto.randomUUID();
  const frist = aktindsigtSvarfrist(dagen(now));
  return await db.transaction(async (tx) => {
    const tidligere = foerste(await tx.select().from(aktindsigter).where(eq(aktindsigter.noegle, input.noegle)));
    if (tidligere) return { aktindsigtId: tidligere.id };
    await tx.insert(aktindsigter).values({
      id,
      sagId: sag.id,
      tekst: input.tekst,
      modtaget: now.toISOString(),
      svarFrist: frist,
      indsendtAf: bruger.navn,
      noegle: input.noegle,
      kvitteringsnr: nytKvitteringsnr('A', now),
    });
    await tilJournal(
      tx,
      {
        type: 'aktindsigt',
        personId: sag.personId,
        sagId: sag.id,
        genstandId: id,
        data: { tekst: input.tekst, indsendtAf: bruger.navn, svarFrist: frist },
      },
      now,
    );
    await skrivHaendelse(tx, sag.id, aktindsigtModtaget(frist), now);
    return { aktindsigtId: id };
  });
}

export const AktindsigtBesvaretSchema = z.object({
  sagId: z.string().min(1),
  aktindsigtId: z.string().min(1),
  svar: z
    .string({ error: 'Skriv til borgeren, hvordan du har svaret.' })
    .trim()
    .min(5, 'Skriv til borgeren, hvordan du har svaret – fx "Vi har sendt dokumenterne med Digital Post".')
    .max(1000, 'Højst 1.000 tegn.'),
  noegle: formularnoegle,
});

/**
 * Staff mark a request answered, with a line to the citizen on how the answer was given: the
 * request then no longer counts against its 7 working days, and the citizen is told.
 */
export async function besvarAktindsigt(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof AktindsigtBesvaretSchema>,
  now: Date,
): Promise<{ sagId: string }> {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const m = bruger.aktoer.medarbejderId;
  const { sag } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    input.sagId,
    { handling: 'ret', hvad: 'Svar på aktindsigt' },
    now,
  );
  const sagId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        const besvaret = await tx
          .update(aktindsigter)
          .set({ besvaret: now.toISOString(), besvaretAf: m, svar: input.svar })
          .where(
            and(eq(aktindsigter.id, input.aktindsigtId), eq(aktindsigter.sagId, sag.id), isNull(aktindsigter.besvaret)),
          )
          .returning({ id: aktindsigter.id });
        if (besvaret.length !== 1) {
          const findes = foerste(await tx.select().from(aktindsigter).where(eq(aktindsigter.id, input.aktindsigtId)));
          if (findes?.sagId !== sag.id) throw new IkkeFundet();
          throw new AktindsigtFejl('Anmodningen er allerede besvaret. Indlæs siden igen.');
        }
        await tilJournal(
          tx,
          {
            type: 'aktindsigt-besvaret',
            personId: sag.personId,
            sagId: sag.id,
            genstandId: input.aktindsigtId,
            data: { svar: input.svar },
          },
          now,
        );
        await skrivHaendelse(tx, sag.id, aktindsigtBesvaret(input.svar), now, m);
        return sag.id;
      }),
  );
  return { sagId };
}

/** The case's requests, newest first, for the case pages (the caller has passed the door for the case). */
export async function aktindsigterPaaSagen(db: Pick<Db, 'select'>, sagId: string) {
  // On every view of a case: prepared once per connection.
  const q = forberedt(db, 'aktindsigt.paa-sagen', () =>
    db
      .select()
      .from(aktindsigter)
      .where(eq(aktindsigter.sagId, sql.placeholder('sagId')))
      .prepare(),
  );
  return (await q.execute({ sagId })).toSorted((a, b) => b.modtaget.localeCompare(a.modtaget));
}

/** A request for its receipt, through the access door. */
export async function hentAktindsigt(db: Db, bruger: Bruger, sagId: string, aktindsigtId: string, now: Date) {
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'se-sager',
    sagId,
    { handling: 'se', hvad: 'Kvittering for aktindsigt' },
    now,
  );
  const a = foerste(await db.select().from(aktindsigter).where(eq(aktindsigter.id, aktindsigtId)));
  return a && a.sagId === sag.id ? { sag, person, aktindsigt: a } : undefined;
}
