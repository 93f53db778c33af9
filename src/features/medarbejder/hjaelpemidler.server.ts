/** The therapist's and the depot's work on hjælpemiddel requests, defects and pick-ups. */

import { z } from 'astro/zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  iSkop,
  kanISag,
  kraevPerson,
  kraevSag,
  personerMedAdgang,
} from '#/features/adgang/adgang.server.ts';
import { afhentningerIArbejdsorden, fejlIArbejdsorden } from '#/features/hjaelpemidler/depot.ts';
import { ansoegningStatusskift, kanGaaTil, ugyldigOvergang } from '#/features/hjaelpemidler/status.ts';
import { laanet, laanetsJournal } from '#/features/hjaelpemidler/udlaan.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { UDLAANETS_ENHED } from '#/features/journal/typer.ts';
import { varsl } from '#/features/notifikationer/udbakke.server.ts';
import { registrerAfgoerelse } from '#/features/sager/afgoerelse.server.ts';
import { forsendelseFelt } from '#/features/sager/afgoerelse.ts';
import {
  ansoegningVurderes,
  type Haendelse,
  hjaelpemiddelLeveret,
  leveringAftalt,
  skrivHaendelse,
} from '#/features/sager/haendelser.ts';
import { saetTrin, tildelHvisLedig } from '#/features/sager/sagsskrivning.server.ts';
import { VURDERING_TRIN } from '#/features/sager/trin.ts';
import { dagen } from '#/lib/dato.ts';
import { dagFelt } from '#/lib/datofelt.ts';
import { defined } from '#/lib/defined.ts';
import { enGangPrNoegle, formularnoegle } from '#/lib/formularnoegle.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { afhentninger, fejlmeldinger, hjaelpemiddelAnsoegninger, personer, sager, udlaan } from '../../../db/schema.ts';

export class HjaelpemiddelFejl extends Error {}

/**
 * Requests on the cases in the staff member's scope, and defects and pick-ups of loans of the
 * people with such a case (for the depot: of everyone): narrowed in SQL, then decided by the list door, which logs each person shown.
 */
export async function indbakke(db: Db, bruger: Bruger, now: Date) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') throw new IkkeFundet();
  const hvem = { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato };
  const ans = await db
    .select({ x: hjaelpemiddelAnsoegninger, sag: sager, person: hvem })
    .from(hjaelpemiddelAnsoegninger)
    .innerJoin(sager, eq(sager.id, hjaelpemiddelAnsoegninger.sagId))
    .innerJoin(personer, eq(personer.id, hjaelpemiddelAnsoegninger.personId))
    .where(iSkop(a))
    .orderBy(desc(hjaelpemiddelAnsoegninger.modtaget));
  // A loan has no case of its own: it is decided on the person's cases in scope. The depot serves everyone's loans.
  const skopSager = await db.select().from(sager).where(iSkop(a));
  const laanHvor =
    a.rolle === 'depot' ? undefined : inArray(udlaan.personId, [...new Set(skopSager.map((s) => s.personId))]);
  const fejl = await db
    .select({ x: fejlmeldinger, laan: udlaan, person: hvem })
    .from(fejlmeldinger)
    .innerJoin(udlaan, eq(udlaan.id, fejlmeldinger.udlaanId))
    .innerJoin(personer, eq(personer.id, udlaan.personId))
    .where(laanHvor)
    .orderBy(desc(fejlmeldinger.modtaget));
  const hent = await db
    .select({ x: afhentninger, laan: udlaan, person: hvem })
    .from(afhentninger)
    .innerJoin(udlaan, eq(udlaan.id, afhentninger.udlaanId))
    .innerJoin(personer, eq(personer.id, udlaan.personId))
    .where(laanHvor)
    .orderBy(desc(afhentninger.dato));
  const alle = [
    ...ans.map((r) => ({ ...r, art: 'ansoegning' as const })),
    ...fejl.map((r) => ({ ...r, art: 'fejl' as const })),
    ...hent.map((r) => ({ ...r, art: 'afhentning' as const })),
  ];
  const vist = await personerMedAdgang(
    db,
    bruger,
    (r) => (r.art === 'ansoegning' ? 'se-sager' : 'haandtere-udlaan'),
    alle,
    (r) => ({
      personId: r.person.id,
      foedselsdato: r.person.foedselsdato,
      sager: r.art === 'ansoegning' ? [r.sag] : skopSager.filter((s) => s.personId === r.person.id),
    }),
    (deres) =>
      `Hjælpemidler (medarbejder): ${deres.map((r) => (r.art === 'ansoegning' ? r.x.hjaelpemiddel : r.laan.hjaelpemiddel)).join(', ')}`,
    now,
  );
  return {
    ansoegninger: vist.flatMap((r) => (r.art === 'ansoegning' ? [{ ...r.x, navn: r.person.navn }] : [])),
    fejl: fejlIArbejdsorden(
      vist.flatMap((r) => (r.art === 'fejl' ? [{ ...r.x, laan: r.laan, navn: r.person.navn }] : [])),
    ),
    afhentninger: afhentningerIArbejdsorden(
      vist.flatMap((r) => (r.art === 'afhentning' ? [{ ...r.x, laan: r.laan, navn: r.person.navn }] : [])),
    ),
  };
}

/** An application with its case, for staff who may handle that case (not just any case of the person). */
export async function hentAnsoegningTilVurdering(db: Db, bruger: Bruger, id: string, now: Date) {
  const a = foerste(await db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, id)));
  if (!a?.sagId) throw new IkkeFundet();
  const { sag, person } = await kraevSag(
    db,
    bruger,
    'behandle-sag',
    a.sagId,
    { handling: 'se', hvad: `Ansøgning om hjælpemiddel: ${a.hjaelpemiddel}` },
    now,
  );
  return { a, sag, person };
}

export const VurderingSchema = z
  .object({
    ansoegningId: z.string().min(1),
    noegle: formularnoegle,
    status: z.enum(ansoegningStatusskift, { error: 'Vælg, hvad der skal ske.' }),
    begrundelse: z.string().trim().max(3000, 'Højst 3.000 tegn.').optional(),
    forsendelse: forsendelseFelt,
    leveringsdato: dagFelt('Vælg leveringsdatoen.').optional(),
    nummer: z.string().trim().max(30).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.status === 'bevilget' || v.status === 'afslag') && (!v.begrundelse || v.begrundelse.length < 10))
      ctx.addIssue({
        code: 'custom',
        path: ['begrundelse'],
        message: 'Skriv begrundelsen for afgørelsen – mindst 10 tegn.',
      });
    if (v.status === 'levering-aftalt' && !v.leveringsdato)
      ctx.addIssue({ code: 'custom', path: ['leveringsdato'], message: 'Vælg leveringsdatoen.' });
    if (v.status === 'udleveret' && !v.nummer)
      ctx.addIssue({ code: 'custom', path: ['nummer'], message: 'Skriv hjælpemidlets nummer fra depotet.' });
  });

/** Moves a request on; a grant or refusal is a decision with klagevejledning on its case. */
export async function vurderAnsoegning(db: Db, bruger: Bruger, input: z.output<typeof VurderingSchema>, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const m = bruger.aktoer.medarbejderId;
  const { a, sag, person } = await hentAnsoegningTilVurdering(db, bruger, input.ansoegningId, now);
  const afgoerelse = input.status === 'bevilget' || input.status === 'afslag';
  if (afgoerelse && !kanISag(bruger, 'afgoere-hjaelpemiddel', sag, person, now)) {
    throw new HjaelpemiddelFejl('Kun en visitator eller terapeut kan bevilge et hjælpemiddel eller give afslag.');
  }
  const idag = dagen(now);
  const ansoegningId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        if (!kanGaaTil(a.status, input.status)) throw new HjaelpemiddelFejl(ugyldigOvergang(a.status, input.status));
        const event = async (h: Haendelse) => await skrivHaendelse(tx, sag.id, h, now, m);
        // Only from the status this decision was made on: a concurrent change makes it a no-op refusal.
        const set = async (v: Partial<typeof hjaelpemiddelAnsoegninger.$inferInsert>) => {
          const aendret = await tx
            .update(hjaelpemiddelAnsoegninger)
            .set(v)
            .where(and(eq(hjaelpemiddelAnsoegninger.id, a.id), eq(hjaelpemiddelAnsoegninger.status, a.status)))
            .returning({ id: hjaelpemiddelAnsoegninger.id });
          if (aendret.length !== 1)
            throw new HjaelpemiddelFejl('Ansøgningen er lige blevet ændret af en anden. Indlæs siden igen.');
        };
        switch (input.status) {
          case 'under-vurdering':
            await set({ status: 'under-vurdering' });
            await tildelHvisLedig(tx, sag, m);
            await saetTrin(
              tx,
              sag.id,
              { trin: VURDERING_TRIN, trinTekst: 'Terapeuten vurderer, hvilket hjælpemiddel der passer til dig.' },
              ansoegningVurderes(),
              now,
              m,
            );
            break;
          case 'bevilget':
          case 'afslag': {
            await set({ status: input.status });
            const kilde = { type: 'hjaelpemiddel', medarbejderId: m, hjaelpemiddel: a.hjaelpemiddel } as const;
            const udfald = input.status === 'bevilget' ? 'bevilling' : 'afslag';
            await registrerAfgoerelse(
              tx,
              sag,
              { udfald, begrundelse: input.begrundelse ?? '', forsendelse: input.forsendelse, kilde },
              now,
            );
            break;
          }
          case 'levering-aftalt':
            await set({ status: 'levering-aftalt', leveringsdato: input.leveringsdato });
            // The schema requires both fields for their status.
            await event(leveringAftalt(a.hjaelpemiddel, defined(input.leveringsdato, 'Leveringsdatoen')));
            break;
          case 'udleveret': {
            await set({ status: 'udleveret', leveringsdato: a.leveringsdato ?? idag });
            const laan = {
              id: crypto.randomUUID(),
              personId: a.personId,
              hjaelpemiddel: a.hjaelpemiddel,
              nummer: defined(input.nummer, 'Nummeret'),
              udlaantDato: idag,
            };
            await tx.insert(udlaan).values(laan);
            await event(hjaelpemiddelLeveret(a.hjaelpemiddel));
            const { id, personId, ...data } = laan;
            await tilJournal(
              tx,
              { type: 'udlaan', personId, sagId: null, enhed: UDLAANETS_ENHED, genstandId: id, data },
              now,
            );
            break;
          }
        }
        await tilJournal(
          tx,
          {
            type: 'hjaelpemiddel-status',
            personId: a.personId,
            sagId: sag.id,
            genstandId: a.id,
            data: {
              hjaelpemiddel: a.hjaelpemiddel,
              fra: a.status,
              status: input.status,
              begrundelse: input.begrundelse ?? null,
              leveringsdato: input.leveringsdato ?? null,
            },
          },
          now,
        );
        return a.id;
      }),
  );
  return { ansoegningId };
}

export const DepotStatusSchema = z.object({
  type: z.enum(['fejl', 'afhentning']),
  id: z.string().min(1),
  status: z.enum(['planlagt', 'repareret', 'afhentet']),
});

/** The depot marks a defect planned/repaired or a pick-up done (the device is then returned). */
export async function opdaterDepot(db: Db, bruger: Bruger, input: z.output<typeof DepotStatusSchema>, now: Date) {
  const row =
    input.type === 'fejl'
      ? foerste(await db.select().from(fejlmeldinger).where(eq(fejlmeldinger.id, input.id)))
      : foerste(await db.select().from(afhentninger).where(eq(afhentninger.id, input.id)));
  if (!row) throw new IkkeFundet();
  const l = defined(foerste(await db.select().from(udlaan).where(eq(udlaan.id, row.udlaanId))), 'Udlånet');
  // The depot's own handling: the depot serves every citizen's loans, other staff those of the people in their scope.
  await kraevPerson(
    db,
    bruger,
    'haandtere-udlaan',
    l.personId,
    { handling: 'ret', hvad: `Depot: ${l.hjaelpemiddel} ${l.nummer}` },
    now,
  );
  const journal = laanetsJournal(l);
  await db.transaction(async (tx) => {
    if (input.type === 'fejl' && input.status !== 'afhentet') {
      await tx.update(fejlmeldinger).set({ status: input.status }).where(eq(fejlmeldinger.id, input.id));
      // The citizen reported the defect; a planned or finished repair is news to them.
      await varsl(
        tx,
        { omPersonId: l.personId, aarsag: 'depot', kildeId: `fejlmelding:${input.id}:${input.status}` },
        now,
      );
      await tilJournal(
        tx,
        { ...journal, type: 'fejlmelding-status', genstandId: input.id, data: { ...laanet(l), status: input.status } },
        now,
      );
    }
    if (input.type === 'afhentning' && input.status === 'afhentet') {
      await tx.update(afhentninger).set({ status: 'afhentet' }).where(eq(afhentninger.id, input.id));
      await tx
        .update(udlaan)
        .set({ afleveret: dagen(now) })
        .where(eq(udlaan.id, l.id));
      await varsl(tx, { omPersonId: l.personId, aarsag: 'depot', kildeId: `afhentning:${input.id}` }, now);
      await tilJournal(
        tx,
        { ...journal, type: 'afhentning-status', genstandId: input.id, data: { ...laanet(l), status: 'afhentet' } },
        now,
      );
      await tilJournal(
        tx,
        { ...journal, type: 'udlaan-afsluttet', genstandId: l.id, data: { ...laanet(l), afleveret: dagen(now) } },
        now,
      );
    }
  });
  return { ok: true };
}
