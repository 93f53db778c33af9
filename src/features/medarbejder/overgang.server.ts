/** Den Gode Overgang for staff: every young person aged 16-18 must have a transition case, so none is missed. */
import { z } from 'astro/zod';
import { and, eq } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  iSkop,
  kraevPersonMedSager,
  personerMedAdgang,
} from '#/features/adgang/adgang.server.ts';
import { BOERNEOMRAADE } from '#/features/overgang/overgang.server.ts';
import { iOvergangsalder } from '#/features/overgang/tidslinje.ts';
import { overgangssagOprettet } from '#/features/sager/haendelser.ts';
import { opretSag } from '#/features/sager/sagsskrivning.server.ts';
import { attenAarsdag, dagen, formatDato } from '#/lib/dato.ts';
import type { Db } from '../../../db/client.ts';
import { personer, sager } from '../../../db/schema.ts';

export const OVERGANGSSAG_TITEL = 'Den Gode Overgang – fra barn til voksen';

/** Young people 16-18 with a children's-area case in the staff member's scope, and whether they have a transition case. */
export async function ungeIOvergangsalder(db: Db, bruger: Bruger, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const idag = dagen(now);
  const rows = (
    await db
      .select({ sag: sager, person: { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato } })
      .from(sager)
      .innerJoin(personer, eq(personer.id, sager.personId))
      .where(and(eq(sager.enhed, BOERNEOMRAADE), iSkop(bruger.aktoer)))
  ).filter((r) => iOvergangsalder(r.person.foedselsdato, idag));
  const vist = await personerMedAdgang(
    db,
    bruger,
    'se-sager',
    rows,
    (r) => ({ personId: r.person.id, foedselsdato: r.person.foedselsdato, sager: [r.sag] }),
    () => 'Unge 16-18 år: navn og 18-årsdag',
    now,
  );
  const unge = new Map<
    string,
    { id: string; navn: string; foedselsdato: string; attenAarsdag: string; harOvergangssag: boolean }
  >();
  for (const { sag, person } of vist) {
    const u = unge.get(person.id) ?? {
      ...person,
      attenAarsdag: attenAarsdag(person.foedselsdato),
      harOvergangssag: false,
    };
    u.harOvergangssag ||= sag.sagsart === 'overgang';
    unge.set(person.id, u);
  }
  return [...unge.values()].sort((a, b) => a.attenAarsdag.localeCompare(b.attenAarsdag));
}

export const OpretOvergangSchema = z.object({ personId: z.string().min(1) });

export async function opretOvergangssag(
  db: Db,
  bruger: Bruger,
  input: z.output<typeof OpretOvergangSchema>,
  now: Date,
) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') throw new IkkeFundet();
  const { person, sager: iSkopet } = await kraevPersonMedSager(
    db,
    bruger,
    'behandle-sag',
    input.personId,
    { handling: 'opret', hvad: 'Overgangssag (Den Gode Overgang)' },
    now,
  );
  // Only for a young person 16-18 with a children's-area case this staff member works on.
  const boernesager = iSkopet.filter((s) => s.enhed === BOERNEOMRAADE);
  if (!iOvergangsalder(person.foedselsdato, dagen(now)) || boernesager.length === 0) throw new IkkeFundet();
  if (boernesager.some((s) => s.sagsart === 'overgang')) return { personId: person.id };
  const atten = attenAarsdag(person.foedselsdato);
  await db.transaction(async (tx) => {
    const sag = {
      personId: person.id,
      enhed: BOERNEOMRAADE,
      titel: OVERGANGSSAG_TITEL,
      sagsart: 'overgang' as const,
      lovgrundlag: 'Barnets Lov og Serviceloven',
      trin: 1,
      trinTekst: `Vi har oprettet en sag om din overgang til voksenlivet. Du fylder 18 år ${formatDato(atten)}.`,
      aaben: true,
      sagsbehandlerId: a.medarbejderId,
      modtaget: dagen(now),
      frist: atten,
    };
    await opretSag(tx, sag, [overgangssagOprettet()], now);
  });
  return { personId: person.id };
}
