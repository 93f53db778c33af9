/** The therapist's and the depot's work on hjælpemiddel requests, defects and pick-ups. */
import { z } from 'astro/zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { afhentninger, fejlmeldinger, hjaelpemiddelAnsoegninger, personer, sager, udlaan } from '../../../db/schema.ts';
import { IkkeFundet, kraevPerson, kraevSag, type Bruger } from '../adgang/adgang.server.ts';
import { may } from '../adgang/access.ts';
import { dagen } from '../../lib/dato.ts';
import { ansoegningVurderes, hjaelpemiddelLeveret, leveringAftalt, skrivHaendelse, type Haendelse } from '../sager/haendelser.ts';
import { registrerAfgoerelse } from '../sager/afgoerelse.server.ts';
import { ansoegningHandlinger, kanGaaTil, ugyldigOvergang } from '../hjaelpemidler/status.ts';
import { dagFelt } from '../../lib/datofelt.ts';
import { enGangPrNoegle, formularnoegle } from '../../lib/formularnoegle.server.ts';

export class HjaelpemiddelFejl extends Error {}

/** Requests, defects and pick-ups for the people whose cases the staff member may see. */
export function indbakke(db: Db, bruger: Bruger, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const a = bruger.aktoer;
  const alleSager = db.select({ personId: sager.personId, enhed: sager.enhed, sagsbehandlerId: sager.sagsbehandlerId }).from(sager).all();
  const personerMedAdgang = db.select({ id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato }).from(personer).all()
    .filter((p) => may(a, 'se-sager', { personId: p.id, foedselsdato: p.foedselsdato, sager: alleSager.filter((s) => s.personId === p.id) }, now));
  const ids = personerMedAdgang.map((p) => p.id);
  const navn = new Map(personerMedAdgang.map((p) => [p.id, p.navn]));
  if (ids.length === 0) return { ansoegninger: [], fejl: [], afhentninger: [] };
  const laan = db.select().from(udlaan).where(inArray(udlaan.personId, ids)).all();
  const laanById = new Map(laan.map((l) => [l.id, l]));
  const laanIds = laan.map((l) => l.id);
  return {
    ansoegninger: db.select().from(hjaelpemiddelAnsoegninger).where(inArray(hjaelpemiddelAnsoegninger.personId, ids)).orderBy(desc(hjaelpemiddelAnsoegninger.modtaget)).all().map((x) => ({ ...x, navn: navn.get(x.personId)! })),
    fejl: laanIds.length ? db.select().from(fejlmeldinger).where(inArray(fejlmeldinger.udlaanId, laanIds)).orderBy(desc(fejlmeldinger.modtaget)).all().map((f) => ({ ...f, laan: laanById.get(f.udlaanId)!, navn: navn.get(laanById.get(f.udlaanId)!.personId)! })) : [],
    afhentninger: laanIds.length ? db.select().from(afhentninger).where(inArray(afhentninger.udlaanId, laanIds)).orderBy(desc(afhentninger.dato)).all().map((f) => ({ ...f, laan: laanById.get(f.udlaanId)!, navn: navn.get(laanById.get(f.udlaanId)!.personId)! })) : [],
  };
}

/** An application with its case, for staff who may handle that case (not just any case of the person). */
export function hentAnsoegningTilVurdering(db: Db, bruger: Bruger, id: string, now: Date) {
  const a = db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, id)).get();
  if (!a?.sagId) throw new IkkeFundet();
  // TODO(adgang): granting (bevilget/afslag) also needs the visitator or terapeut role, as a Handling in may's table.
  const { sag, person } = kraevSag(db, bruger, 'behandle-sag', a.sagId, { handling: 'se', hvad: `Ansøgning om hjælpemiddel: ${a.hjaelpemiddel}` }, now);
  return { a, sag, person };
}

export const VurderingSchema = z.object({
  ansoegningId: z.string().min(1),
  noegle: formularnoegle,
  handling: z.enum(ansoegningHandlinger, { error: 'Vælg, hvad der skal ske.' }),
  begrundelse: z.string().trim().max(3000, 'Højst 3.000 tegn.').optional(),
  leveringsdato: dagFelt('Vælg leveringsdatoen.').optional(),
  nummer: z.string().trim().max(30).optional(),
}).superRefine((v, ctx) => {
  if ((v.handling === 'bevilget' || v.handling === 'afslag') && (!v.begrundelse || v.begrundelse.length < 10)) ctx.addIssue({ code: 'custom', path: ['begrundelse'], message: 'Skriv begrundelsen for afgørelsen – mindst 10 tegn.' });
  if (v.handling === 'levering-aftalt' && !v.leveringsdato) ctx.addIssue({ code: 'custom', path: ['leveringsdato'], message: 'Vælg leveringsdatoen.' });
  if (v.handling === 'udleveret' && !v.nummer) ctx.addIssue({ code: 'custom', path: ['nummer'], message: 'Skriv hjælpemidlets nummer fra depotet.' });
});

/** Moves a request on; a grant or refusal is a decision with klagevejledning on its case. */
export function vurderAnsoegning(db: Db, bruger: Bruger, input: z.output<typeof VurderingSchema>, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const m = bruger.aktoer.medarbejderId;
  const { a, sag } = hentAnsoegningTilVurdering(db, bruger, input.ansoegningId, now);
  const idag = dagen(now);
  const ansoegningId = db.transaction((tx) => enGangPrNoegle(tx, input.noegle, m, now, () => {
    if (!kanGaaTil(a.status, input.handling)) throw new HjaelpemiddelFejl(ugyldigOvergang(a.status, input.handling));
    const event = (h: Haendelse) => skrivHaendelse(tx, sag.id, h, now, m);
    // Only from the status this decision was made on: a concurrent change makes it a no-op refusal.
    const set = (v: Partial<typeof hjaelpemiddelAnsoegninger.$inferInsert>) => {
      const { changes } = tx.update(hjaelpemiddelAnsoegninger).set(v)
        .where(and(eq(hjaelpemiddelAnsoegninger.id, a.id), eq(hjaelpemiddelAnsoegninger.status, a.status))).run();
      if (changes !== 1) throw new HjaelpemiddelFejl('Ansøgningen er lige blevet ændret af en anden. Indlæs siden igen.');
    };
    switch (input.handling) {
      case 'under-vurdering':
        set({ status: 'under-vurdering' });
        tx.update(sager).set({ trin: 4, trinTekst: 'Terapeuten vurderer, hvilket hjælpemiddel der passer til dig.', sagsbehandlerId: sag.sagsbehandlerId ?? m }).where(eq(sager.id, sag.id)).run();
        event(ansoegningVurderes());
        break;
      case 'bevilget':
      case 'afslag': {
        set({ status: input.handling });
        const kilde = { type: 'hjaelpemiddel', medarbejderId: m, hjaelpemiddel: a.hjaelpemiddel } as const;
        const udfald = input.handling === 'bevilget' ? 'bevilling' : 'afslag';
        registrerAfgoerelse(tx, sag, { udfald, begrundelse: input.begrundelse ?? '', kilde }, now);
        break;
      }
      case 'levering-aftalt':
        set({ status: 'levering-aftalt', leveringsdato: input.leveringsdato });
        event(leveringAftalt(a.hjaelpemiddel, input.leveringsdato!));
        break;
      case 'udleveret':
        set({ status: 'udleveret', leveringsdato: a.leveringsdato ?? idag });
        tx.insert(udlaan).values({ id: crypto.randomUUID(), personId: a.personId, hjaelpemiddel: a.hjaelpemiddel, nummer: input.nummer!, udlaantDato: idag }).run();
        event(hjaelpemiddelLeveret(a.hjaelpemiddel));
        break;
    }
    return a.id;
  }));
  return { ansoegningId };
}

export const DepotStatusSchema = z.object({
  type: z.enum(['fejl', 'afhentning']),
  id: z.string().min(1),
  status: z.enum(['planlagt', 'repareret', 'afhentet']),
});

/** The depot marks a defect planned/repaired or a pick-up done (the device is then returned). */
export function opdaterDepot(db: Db, bruger: Bruger, input: z.output<typeof DepotStatusSchema>, now: Date) {
  const row = input.type === 'fejl' ? db.select().from(fejlmeldinger).where(eq(fejlmeldinger.id, input.id)).get() : db.select().from(afhentninger).where(eq(afhentninger.id, input.id)).get();
  if (!row) throw new IkkeFundet();
  const l = db.select().from(udlaan).where(eq(udlaan.id, row.udlaanId)).get()!;
  kraevPerson(db, bruger, 'behandle-sag', l.personId, { handling: 'ret', hvad: `Depot: ${l.hjaelpemiddel} ${l.nummer}` }, now);
  db.transaction((tx) => {
    if (input.type === 'fejl' && input.status !== 'afhentet') tx.update(fejlmeldinger).set({ status: input.status }).where(eq(fejlmeldinger.id, input.id)).run();
    if (input.type === 'afhentning' && input.status === 'afhentet') {
      tx.update(afhentninger).set({ status: 'afhentet' }).where(eq(afhentninger.id, input.id)).run();
      tx.update(udlaan).set({ afleveret: dagen(now) }).where(eq(udlaan.id, l.id)).run();
    }
  });
  return { ok: true };
}
