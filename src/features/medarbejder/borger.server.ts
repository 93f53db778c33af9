/** A citizen as staff see them: meetings (with the citizen's own topics), plan, and relatives' powers. */
import { z } from 'astro/zod';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { alleScopes } from '#/features/adgang/access.ts';
import {
  type Bruger,
  IkkeFundet,
  kan,
  kraevElement,
  kraevPerson,
  kraevPersonMedSager,
  type PersonAdgang,
} from '#/features/adgang/adgang.server.ts';
import { relationstyper } from '#/features/fuldmagt/labels.ts';
import { nyRelation } from '#/features/fuldmagt/relationsskrivning.server.ts';
import { tilJournal } from '#/features/journal/journal.server.ts';
import { moedetyper } from '#/features/moeder/labels.ts';
import { nytMoede } from '#/features/moeder/moedeskrivning.server.ts';
import { type KompasDimension, kompasDimensioner } from '#/features/plan/kompas.ts';
import { delmaalStatusser } from '#/features/plan/labels.ts';
import {
  evaluerDelmaal as evaluerDelmaalSkriv,
  nyeKompasscorer,
  nyPlan,
  nytDelmaal,
} from '#/features/plan/planskrivning.server.ts';
import { attenAarsdag, dagen, fraKoebenhavnstid } from '#/lib/dato.ts';
import { dagFelt, tidspunktFelt } from '#/lib/datofelt.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { delmaal, moedeEmner, moeder, personer, planer, relationer } from '../../../db/schema.ts';

/** A citizen's page for staff: only the cases in the staff member's scope, and the meetings and plans on them. */
export async function borgerOversigt(db: Db, bruger: Bruger, personId: string, now: Date) {
  if (bruger.aktoer.type !== 'medarbejder') throw new IkkeFundet();
  const adgang = await kraevPersonMedSager(
    db,
    bruger,
    'behandle-sag',
    personId,
    { handling: 'se', hvad: 'Borgeroverblik (medarbejder)' },
    now,
  );
  const m = (await db.select().from(moeder).where(eq(moeder.personId, personId)).orderBy(desc(moeder.start))).filter(
    (x) => adgang.maaSe(x.sagId),
  );
  const emner = m.length
    ? await db
        .select()
        .from(moedeEmner)
        .where(
          inArray(
            moedeEmner.moedeId,
            m.map((x) => x.id),
          ),
        )
        .orderBy(asc(moedeEmner.tidspunkt))
    : [];
  const p = (await db.select().from(planer).where(eq(planer.personId, personId))).filter((x) => adgang.maaSe(x.sagId));
  const dm = p.length
    ? await db
        .select()
        .from(delmaal)
        .where(
          inArray(
            delmaal.planId,
            p.map((x) => x.id),
          ),
        )
        .orderBy(asc(delmaal.raekkefoelge))
    : [];
  const rel = await db
    .select({ r: relationer, navn: personer.navn })
    .from(relationer)
    .innerJoin(personer, eq(personer.id, relationer.fraPersonId))
    .where(eq(relationer.tilPersonId, personId));
  return {
    person: adgang.person,
    sager: adgang.sager,
    moeder: m.map((x) => ({ ...x, emner: emner.filter((e) => e.moedeId === x.id) })),
    planer: p.map((x) => ({ ...x, delmaal: dm.filter((d) => d.planId === x.id) })),
    relationer: rel,
    maaRegistrereRelation: await kan(db, bruger, 'registrere-relation', personId, now),
  };
}

/** The case a new meeting or plan belongs to: the staff member's newest open case for the person in scope. */
function egenSag(adgang: PersonAdgang): string | null {
  const sorteret = [...adgang.sager].sort(
    (a, b) => Number(b.aaben) - Number(a.aaben) || b.modtaget.localeCompare(a.modtaget),
  );
  return sorteret[0]?.id ?? null;
}

const datoTid = tidspunktFelt('Vælg dato og tid.');
const linjer = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const MoedeSchema = z.object({
  personId: z.string().min(1),
  type: z.enum(moedetyper, { error: 'Vælg mødetype.' }),
  // Each check has its own message: a schema's message would otherwise also cover a check without one.
  titel: z
    .string({ error: 'Skriv en titel.' })
    .trim()
    .min(3, 'Skriv en titel.')
    .max(150, 'Titlen må højst være 150 tegn.'),
  start: datoTid,
  varighed: z.coerce
    .number({ error: 'Skriv varigheden i minutter.' })
    .int('Skriv varigheden i hele minutter.')
    .min(15, 'Mindst 15 minutter.')
    .max(480, 'Højst 8 timer.'),
  sted: z.string().trim().max(200).optional(),
  deltagere: z.string().max(2000).optional(),
  dagsorden: z.string().max(4000).optional(),
});

export async function opretMoede(db: Db, bruger: Bruger, input: z.output<typeof MoedeSchema>, now: Date) {
  const adgang = await kraevPersonMedSager(
    db,
    bruger,
    'behandle-sag',
    input.personId,
    { handling: 'opret', hvad: `Møde: ${input.titel}` },
    now,
  );
  const start = fraKoebenhavnstid(input.start);
  if (start.getTime() <= now.getTime()) throw new BorgerFejl('Mødet skal ligge i fremtiden.');
  await nytMoede(
    db,
    {
      personId: input.personId,
      sagId: egenSag(adgang),
      type: input.type,
      titel: input.titel,
      start: start.toISOString(),
      slut: new Date(start.getTime() + input.varighed * 60_000).toISOString(),
      sted: input.sted || null,
      deltagere: linjer(input.deltagere),
      dagsorden: linjer(input.dagsorden),
    },
    now,
  );
  return { personId: input.personId };
}

export const DelmaalSchema = z.object({
  planId: z.string().min(1),
  titel: z
    .string({ error: 'Skriv delmålet.' })
    .trim()
    .min(3, 'Skriv delmålet.')
    .max(300, 'Delmålet må højst være 300 tegn.'),
  indsats: z.string().trim().max(300).optional(),
  hvem: z.string().trim().max(150).optional(),
});

export async function tilfoejDelmaal(db: Db, bruger: Bruger, input: z.output<typeof DelmaalSchema>, now: Date) {
  const plan = foerste(await db.select().from(planer).where(eq(planer.id, input.planId)));
  if (!plan) throw new IkkeFundet();
  await kraevElement(db, bruger, 'behandle-sag', plan, { handling: 'ret', hvad: 'Plan: nyt delmål' }, now);
  const indsats = input.indsats ? [{ beskrivelse: input.indsats, hvem: input.hvem || 'Ikke fordelt' }] : [];
  await db.transaction(async (tx) => {
    await nytDelmaal(tx, plan.id, { titel: input.titel, status: 'ikke-startet', evaluering: null, indsatser: indsats });
  });
  return { personId: plan.personId };
}

/** A plan as the feed names it: the case system's id when the plan is mirrored from it. */
const planen = (p: typeof planer.$inferSelect) => ({ planId: p.id, planKildeId: p.kildeId });

export const KompasSchema = z.object({
  planId: z.string().min(1),
  // The form offers the known dimensions; anything else would be shown as it is in the citizen's plan.
  dimension: z.enum(Object.keys(kompasDimensioner) as [KompasDimension, ...KompasDimension[]], {
    error: 'Vælg en dimension.',
  }),
  score: z.coerce
    .number({ error: 'Vælg en score fra 1 til 10.' })
    .int()
    .min(1, 'Vælg en score fra 1 til 10.')
    .max(10, 'Vælg en score fra 1 til 10.'),
});

export async function registrerKompas(db: Db, bruger: Bruger, input: z.output<typeof KompasSchema>, now: Date) {
  const plan = foerste(await db.select().from(planer).where(eq(planer.id, input.planId)));
  if (!plan) throw new IkkeFundet();
  await kraevElement(db, bruger, 'behandle-sag', plan, { handling: 'ret', hvad: 'Plan: Forandringskompasset' }, now);
  const score = { dato: dagen(now), dimension: input.dimension, score: input.score };
  await db.transaction(async (tx) => {
    await nyeKompasscorer(tx, plan.id, [score]);
    await tilJournal(
      tx,
      {
        type: 'kompasscorer',
        personId: plan.personId,
        sagId: plan.sagId,
        genstandId: plan.id,
        data: { ...planen(plan), scorer: [score] },
      },
      now,
    );
  });
  return { personId: plan.personId };
}

export const RelationSchema = z
  .object({
    personId: z.string().min(1),
    type: z.enum(relationstyper, { error: 'Vælg forældremyndighed, fuldmagt eller værgemål.' }),
    cpr: z
      .string({ error: 'Skriv den pårørendes CPR-nummer.' })
      .trim()
      .transform((s) => s.replace('-', ''))
      .pipe(z.string().regex(/^\d{10}$/, 'Skriv den pårørendes CPR-nummer med 10 cifre.')),
    // Custody gives everything until the 18th birthday; the other two give what is chosen here.
    scopes: z.array(z.enum(alleScopes as [string, ...string[]])).default([]),
    gyldigFra: dagFelt('Vælg startdatoen.'),
    gyldigTil: dagFelt('Vælg slutdatoen, eller lad feltet stå tomt.').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.type !== 'foraeldremyndighed' && r.scopes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Vælg mindst én ting, den pårørende må.' });
  });

export class BorgerFejl extends Error {}

/** What the person's log says was registered. */
const REGISTRERET = {
  foraeldremyndighed: 'Forældremyndighed registreret',
  fuldmagt: 'Fuldmagt på papir registreret',
  vaergemaal: 'Værgemål registreret',
} as const;

/**
 * A fuldmagt given on paper or a værgemål from Familieretshuset, registered by a leder with a
 * case for the person in their scope. A fuldmagt needs both people to be 18 (værgemålsloven § 1),
 * as in the citizen's own flow.
 */
export async function registrerRelation(db: Db, bruger: Bruger, input: z.output<typeof RelationSchema>, now: Date) {
  const person = await kraevPerson(
    db,
    bruger,
    'registrere-relation',
    input.personId,
    { handling: 'opret', hvad: REGISTRERET[input.type] },
    now,
  );
  const relativ = foerste(await db.select().from(personer).where(eq(personer.cpr, input.cpr)));
  // The relative logs in with MitID before they can use it; until then we know them only by CPR.
  if (!relativ)
    throw new BorgerFejl(
      'Vi kender ikke en person med det CPR-nummer. Den pårørende skal logge ind i Mit Forløb én gang først.',
    );
  const idag = dagen(now);
  if (input.type === 'foraeldremyndighed' && idag >= attenAarsdag(person.foedselsdato))
    throw new BorgerFejl(`${person.navn} er fyldt 18 år. Forældremyndigheden er ophørt; brug en fuldmagt i stedet.`);
  if (input.type === 'foraeldremyndighed' && idag < attenAarsdag(relativ.foedselsdato))
    throw new BorgerFejl('En forælder under 18 år har ikke forældremyndigheden (forældreansvarsloven § 6).');
  if (input.type === 'fuldmagt' && idag < attenAarsdag(person.foedselsdato)) {
    throw new BorgerFejl(
      `${person.navn} er under 18 år og kan ikke give en fuldmagt. Indtil 18-årsdagen har forældrene forældremyndigheden.`,
    );
  }
  if (input.type === 'fuldmagt' && idag < attenAarsdag(relativ.foedselsdato))
    throw new BorgerFejl('Den pårørende er under 18 år og kan ikke få en fuldmagt.');
  await nyRelation(db, {
    fraPersonId: relativ.id,
    tilPersonId: input.personId,
    type: input.type,
    scopes: input.type === 'foraeldremyndighed' ? [] : input.scopes,
    gyldigFra: input.gyldigFra,
    gyldigTil: input.gyldigTil || null,
    oprettet: now.toISOString(),
  });
  return { personId: input.personId };
}

export const PlanSchema = z.object({
  personId: z.string().min(1),
  retningsgivendeMaal: z
    .string({ error: 'Skriv borgerens mål med borgerens egne ord.' })
    .trim()
    .min(5, 'Skriv borgerens mål med borgerens egne ord.')
    .max(300, 'Højst 300 tegn.'),
});

/** A new plan whose guiding goal is the citizen's own hope, in their words. */
export async function opretPlan(db: Db, bruger: Bruger, input: z.output<typeof PlanSchema>, now: Date) {
  const adgang = await kraevPersonMedSager(
    db,
    bruger,
    'behandle-sag',
    input.personId,
    { handling: 'opret', hvad: 'Plan' },
    now,
  );
  await nyPlan(db, {
    personId: input.personId,
    sagId: egenSag(adgang),
    retningsgivendeMaal: input.retningsgivendeMaal,
    oprettet: dagen(now),
  });
  return { personId: input.personId };
}

export const DelmaalStatusSchema = z.object({
  delmaalId: z.string().min(1),
  status: z.enum(delmaalStatusser, { error: 'Vælg status.' }),
  evaluering: z.string().trim().max(1000, 'Højst 1.000 tegn.').optional(),
});

/** The evaluation with the citizen after a meeting: the sub-goal's status and what was said. */
export async function evaluerDelmaal(db: Db, bruger: Bruger, input: z.output<typeof DelmaalStatusSchema>, now: Date) {
  const d = foerste(await db.select().from(delmaal).where(eq(delmaal.id, input.delmaalId)));
  const plan = d && foerste(await db.select().from(planer).where(eq(planer.id, d.planId)));
  if (!d || !plan) throw new IkkeFundet();
  await kraevElement(
    db,
    bruger,
    'behandle-sag',
    plan,
    { handling: 'ret', hvad: `Plan: evaluering af "${d.titel}"` },
    now,
  );
  await db.transaction(async (tx) => {
    await evaluerDelmaalSkriv(tx, d.id, input.status, input.evaluering || null);
    await tilJournal(
      tx,
      {
        type: 'plan-evaluering',
        personId: plan.personId,
        sagId: plan.sagId,
        genstandId: d.id,
        data: { ...planen(plan), delmaal: d.titel, status: input.status, evaluering: input.evaluering || null },
      },
      now,
    );
  });
  return { personId: plan.personId };
}
