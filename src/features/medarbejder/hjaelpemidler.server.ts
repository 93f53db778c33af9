/** The therapist's and the depot's work on hjælpemiddel requests, deliveries, defects and pick-ups. */

import { z } from 'astro/zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  type Bruger,
  IkkeFundet,
  iSkop,
  kanISag,
  kraevElement,
  kraevPerson,
  kraevSag,
  personerMedAdgang,
} from '#/features/adgang/adgang.server.ts';
import {
  afhentningerIArbejdsorden,
  fejlIArbejdsorden,
  leveringerIArbejdsorden,
} from '#/features/hjaelpemidler/depot.ts';
import {
  type AnsoegningStatusskift,
  ansoegningStatusskift,
  kanGaaTil,
  ugyldigOvergang,
} from '#/features/hjaelpemidler/status.ts';
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
 * Requests on the cases in the staff member's scope, agreed deliveries on those cases, and
 * defects and pick-ups of loans of the people with such a case (for the depot: every delivery
 * and loan): narrowed in SQL, then decided by the list door, which logs each person shown.
 */
export async function indbakke(db: Db, bruger: Bruger, now: Date) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') throw new IkkeFundet();
  const hvem = { id: personer.id, navn: personer.navn, foedselsdato: personer.foedselsdato };
  const depot = a.rolle === 'depot';
  const ans = await db
    .select({ x: hjaelpemiddelAnsoegninger, sag: sager, person: hvem })
    .from(hjaelpemiddelAnsoegninger)
    .innerJoin(sager, eq(sager.id, hjaelpemiddelAnsoegninger.sagId))
    .innerJoin(personer, eq(personer.id, hjaelpemiddelAnsoegninger.personId))
    .where(iSkop(a))
    .orderBy(desc(hjaelpemiddelAnsoegninger.modtaget));
  // A loan has no case of its own: it is decided on the person's cases in scope. The depot serves everyone's loans.
  const skopSager = await db.select().from(sager).where(iSkop(a));
  const laanHvor = depot ? undefined : inArray(udlaan.personId, [...new Set(skopSager.map((s) => s.personId))]);
  // Only what a delivery needs: the depot sees nothing else of the application or its case.
  const lev = await db
    .select({
      x: {
        id: hjaelpemiddelAnsoegninger.id,
        hjaelpemiddel: hjaelpemiddelAnsoegninger.hjaelpemiddel,
        leveringsdato: hjaelpemiddelAnsoegninger.leveringsdato,
        leveringsadresse: hjaelpemiddelAnsoegninger.leveringsadresse,
      },
      sag: sager,
      person: { ...hvem, adresse: personer.adresse },
    })
    .from(hjaelpemiddelAnsoegninger)
    .innerJoin(sager, eq(sager.id, hjaelpemiddelAnsoegninger.sagId))
    .innerJoin(personer, eq(personer.id, hjaelpemiddelAnsoegninger.personId))
    .where(and(eq(hjaelpemiddelAnsoegninger.status, 'levering-aftalt'), depot ? undefined : iSkop(a)))
    .orderBy(hjaelpemiddelAnsoegninger.modtaget);
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
    ...lev.map((r) => ({ ...r, art: 'levering' as const })),
  ];
  const vist = await personerMedAdgang(
    db,
    bruger,
    (r) => (r.art === 'ansoegning' ? 'se-sager' : 'haandtere-udlaan'),
    alle,
    // A request or a delivery is decided on its own case, as its form is (markerLeveret); a loan on the person's cases in scope.
    (r) => ({
      personId: r.person.id,
      foedselsdato: r.person.foedselsdato,
      sager:
        r.art === 'ansoegning' || r.art === 'levering' ? [r.sag] : skopSager.filter((s) => s.personId === r.person.id),
    }),
    (deres) =>
      `Hjælpemidler (medarbejder): ${deres.map((r) => (r.art === 'ansoegning' ? r.x.hjaelpemiddel : r.art === 'levering' ? `${r.x.hjaelpemiddel} (levering)` : r.laan.hjaelpemiddel)).join(', ')}`,
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
    // Without an address of its own (a request from before the field), the address the form would have offered.
    leveringer: leveringerIArbejdsorden(
      vist.flatMap((r) =>
        r.art === 'levering'
          ? [
              {
                id: r.x.id,
                hjaelpemiddel: r.x.hjaelpemiddel,
                leveringsdato: r.x.leveringsdato,
                adresse: r.x.leveringsadresse ?? r.person.adresse,
                navn: r.person.navn,
              },
            ]
          : [],
      ),
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

const NUMMER_MANGLER = 'Skriv hjælpemidlets nummer fra depotet.';

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
      ctx.addIssue({ code: 'custom', path: ['nummer'], message: NUMMER_MANGLER });
  });

type Ansoegning = typeof hjaelpemiddelAnsoegninger.$inferSelect;
type Skriver = Pick<Db, 'select' | 'insert' | 'update'>;

/**
 * Moves the request on, only from the status it was read in: a concurrent change, or the same
 * step sent again from another form, is refused, so nothing that follows is written twice.
 */
async function skiftStatus(
  tx: Skriver,
  a: Ansoegning,
  v: Partial<typeof hjaelpemiddelAnsoegninger.$inferInsert> & { status: AnsoegningStatusskift },
): Promise<void> {
  if (!kanGaaTil(a.status, v.status)) throw new HjaelpemiddelFejl(ugyldigOvergang(a.status, v.status));
  const aendret = await tx
    .update(hjaelpemiddelAnsoegninger)
    .set(v)
    .where(and(eq(hjaelpemiddelAnsoegninger.id, a.id), eq(hjaelpemiddelAnsoegninger.status, a.status)))
    .returning({ id: hjaelpemiddelAnsoegninger.id });
  if (aendret.length !== 1)
    throw new HjaelpemiddelFejl('Ansøgningen er lige blevet ændret af en anden. Indlæs siden igen.');
}

async function statusTilJournal(
  tx: Skriver,
  a: Ansoegning,
  sagId: string,
  status: AnsoegningStatusskift,
  data: { begrundelse: string | null; leveringsdato: string | null },
  now: Date,
): Promise<void> {
  await tilJournal(
    tx,
    {
      type: 'hjaelpemiddel-status',
      personId: a.personId,
      sagId,
      genstandId: a.id,
      data: { hjaelpemiddel: a.hjaelpemiddel, fra: a.status, status, ...data },
    },
    now,
  );
}

/**
 * The one writer of a delivery, for the therapist's form and the depot's list alike: the request
 * becomes `udleveret`, the loan is made, the case tells the citizen, and all of it goes to the
 * journal, in the caller's transaction. The status step comes first, so a refusal writes nothing.
 */
async function udlever(
  tx: Skriver,
  a: Ansoegning,
  hvem: { sagId: string; nummer: string; medarbejderId: string; begrundelse: string | null },
  now: Date,
): Promise<void> {
  const idag = dagen(now);
  const leveringsdato = a.leveringsdato ?? idag;
  await skiftStatus(tx, a, { status: 'udleveret', leveringsdato });
  const laan = {
    id: crypto.randomUUID(),
    personId: a.personId,
    hjaelpemiddel: a.hjaelpemiddel,
    nummer: hvem.nummer,
    udlaantDato: idag,
  };
  await tx.insert(udlaan).values(laan);
  await skrivHaendelse(tx, hvem.sagId, hjaelpemiddelLeveret(a.hjaelpemiddel), now, hvem.medarbejderId);
  const { id, personId, ...data } = laan;
  await tilJournal(tx, { type: 'udlaan', personId, sagId: null, enhed: UDLAANETS_ENHED, genstandId: id, data }, now);
  await statusTilJournal(tx, a, hvem.sagId, 'udleveret', { begrundelse: hvem.begrundelse, leveringsdato }, now);
}

/** Moves a request on; a grant or refusal is a decision with klagevejledning on its case. */
export async function vurderAnsoegning(db: Db, bruger: Bruger, input: z.output<typeof VurderingSchema>, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const m = bruger.aktoer.medarbejderId;
  const { a, sag, person } = await hentAnsoegningTilVurdering(db, bruger, input.ansoegningId, now);
  const afgoerelse = input.status === 'bevilget' || input.status === 'afslag';
  if (afgoerelse && !kanISag(bruger, 'afgoere-hjaelpemiddel', sag, person, now)) {
    throw new HjaelpemiddelFejl('Kun en visitator eller terapeut kan bevilge et hjælpemiddel eller give afslag.');
  }
  const ansoegningId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        const event = async (h: Haendelse) => await skrivHaendelse(tx, sag.id, h, now, m);
        const journal = { begrundelse: input.begrundelse ?? null, leveringsdato: input.leveringsdato ?? null };
        switch (input.status) {
          case 'under-vurdering':
            await skiftStatus(tx, a, { status: 'under-vurdering' });
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
            await skiftStatus(tx, a, { status: input.status });
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
            await skiftStatus(tx, a, { status: 'levering-aftalt', leveringsdato: input.leveringsdato });
            // The schema requires both fields for their status.
            await event(leveringAftalt(a.hjaelpemiddel, defined(input.leveringsdato, 'Leveringsdatoen')));
            break;
          case 'udleveret':
            // The same write as the depot's, which journalises the step itself.
            await udlever(
              tx,
              a,
              {
                sagId: sag.id,
                nummer: defined(input.nummer, 'Nummeret'),
                medarbejderId: m,
                begrundelse: journal.begrundelse,
              },
              now,
            );
            return a.id;
        }
        await statusTilJournal(tx, a, sag.id, input.status, journal, now);
        return a.id;
      }),
  );
  return { ansoegningId };
}

export const LeveringSchema = z.object({
  ansoegningId: z.string().min(1),
  noegle: formularnoegle,
  nummer: z.string({ error: NUMMER_MANGLER }).trim().min(1, NUMMER_MANGLER).max(30, 'Højst 30 tegn.'),
});

/**
 * The depot (or other staff who handle loans on the request's case) marks an agreed delivery as
 * done, through the same writer as the therapist's form: the device is then on loan.
 */
export async function markerLeveret(db: Db, bruger: Bruger, input: z.output<typeof LeveringSchema>, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const m = bruger.aktoer.medarbejderId;
  const a = foerste(
    await db.select().from(hjaelpemiddelAnsoegninger).where(eq(hjaelpemiddelAnsoegninger.id, input.ansoegningId)),
  );
  if (!a?.sagId) throw new IkkeFundet();
  const sagId = a.sagId;
  // Decided on the request's own case, as the list shows it: another case of the person's in scope is not enough.
  await kraevElement(
    db,
    bruger,
    'haandtere-udlaan',
    { personId: a.personId, sagId },
    { handling: 'ret', hvad: `Depot: levering af ${a.hjaelpemiddel.toLowerCase()}` },
    now,
  );
  const ansoegningId = await db.transaction(
    async (tx) =>
      await enGangPrNoegle(tx, input.noegle, m, now, async () => {
        // The depot delivers what was agreed; handing over without an agreed day is the therapist's step.
        if (a.status === 'bevilget')
          throw new HjaelpemiddelFejl('Der er ikke aftalt en levering af hjælpemidlet. Indlæs siden igen.');
        await udlever(tx, a, { sagId, nummer: input.nummer, medarbejderId: m, begrundelse: null }, now);
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
