/** Den Gode Overgang for staff: every young person aged 16-18 must have a transition case, so none is missed. */
import { z } from 'astro/zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { personer, sager } from '../../../db/schema.ts';
import { IkkeFundet, kraevPerson, type Bruger } from '../adgang/adgang.server.ts';
import { may } from '../adgang/access.ts';
import { attenAarsdag, dagen, formatDato } from '../../lib/dato.ts';
import { iOvergangsalder } from '../overgang/tidslinje.ts';
import { overgangssagOprettet, skrivHaendelse } from '../sager/haendelser.ts';

export const OVERGANGSSAG_TITEL = 'Den Gode Overgang – fra barn til voksen';

/** Young people 16-18 with a children's-area case the staff member may see, and whether they have a transition case. */
export function ungeIOvergangsalder(db: Db, bruger: Bruger, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const idag = dagen(now);
  const alle = db.select({ sag: sager, person: { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato } }).from(sager).innerJoin(personer, eq(personer.id, sager.personId)).where(eq(sager.enhed, 'boernehandicap')).all();
  const unge = new Map<string, { id: string; navn: string; foedselsdato: string; attenAarsdag: string; harOvergangssag: boolean }>();
  for (const { sag, person } of alle) {
    if (!iOvergangsalder(person.foedselsdato, idag)) continue;
    if (!may(bruger.aktoer, 'se-sager', { personId: person.id, foedselsdato: person.foedselsdato, sager: alle.filter((r) => r.person.id === person.id).map((r) => r.sag) }, now)) continue;
    const u = unge.get(person.id) ?? { ...person, attenAarsdag: attenAarsdag(person.foedselsdato), harOvergangssag: false };
    u.harOvergangssag ||= sag.titel === OVERGANGSSAG_TITEL;
    unge.set(person.id, u);
  }
  return [...unge.values()].sort((a, b) => a.attenAarsdag.localeCompare(b.attenAarsdag));
}

export const OpretOvergangSchema = z.object({ personId: z.string().min(1) });

export function opretOvergangssag(db: Db, bruger: Bruger, input: z.output<typeof OpretOvergangSchema>, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const person = kraevPerson(db, bruger, 'behandle-sag', input.personId, { handling: 'opret', hvad: 'Overgangssag (Den Gode Overgang)' }, now);
  const ung = ungeIOvergangsalder(db, bruger, now).find((u) => u.id === person.id);
  if (!ung) throw new IkkeFundet();
  if (ung.harOvergangssag) return { personId: person.id };
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    tx.insert(sager).values({ id, personId: person.id, enhed: 'boernehandicap', titel: OVERGANGSSAG_TITEL, lovgrundlag: 'Barnets Lov og Serviceloven', trin: 1, trinTekst: `Vi har oprettet en sag om din overgang til voksenlivet. Du fylder 18 år ${formatDato(ung.attenAarsdag)}.`, aaben: true, sagsbehandlerId: (bruger.aktoer as { medarbejderId: string }).medarbejderId, modtaget: dagen(now), frist: ung.attenAarsdag }).run();
    skrivHaendelse(tx, id, overgangssagOprettet(), now);
  });
  return { personId: person.id };
}
