/**
 * The caseload, one page at a time. Filters, the order (overdue first, then the nearest deadline the
 * municipality must keep: sagsliste.ts's rule, here in SQL) and the page are the database's work, so a
 * unit of 3,000 cases reads and logs 50 rows per view, not 3,000.
 */
import { type AnyColumn, and, asc, count, desc, eq, isNull, lt, min, type SQL, sql } from 'drizzle-orm';
import { type Bruger, iSkopForberedt, personerMedAdgang, skopVaerdier } from '#/features/adgang/adgang.server.ts';
import { AFGOERELSE_TRIN } from '#/features/sager/trin.ts';
import { type Dag, dagen } from '#/lib/dato.ts';
import { forberedt } from '#/lib/forberedt.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { aktindsigter, klager, klageVenter, personer, sager } from '../../../db/schema.ts';
import { type SagslisteFilter, sagsliste } from './sagsliste.ts';

export const SIDE_STOERRELSE = 50;

/** Per case, the earliest deadline of the rows of `tabel` still pending: a table to join on `sagId`. */
function tidligstVentende(
  db: Db,
  navn: string,
  tabel: typeof klager | typeof aktindsigter,
  frist: AnyColumn,
  venter: SQL,
) {
  return db
    .select({ sagId: tabel.sagId, frist: min(frist).as(`${navn}_min`) })
    .from(tabel)
    .where(venter)
    .groupBy(tabel.sagId)
    .as(navn);
}

/**
 * The two statements of one filter's shape (which filters are on), prepared once: the query is long,
 * and building it cost a millisecond per view. Values are bound when run.
 */
function sagslisteSql(db: Db, filter: SagslisteFilter) {
  const form = `${filter.visning}:${filter.status}:${filter.trin === undefined ? '' : 'trin'}`;
  return forberedt(db, `sagsliste:${form}`, () => {
    // A role without cases has no unit or id to compare with (skopVaerdier): nothing matches.
    const betingelser: (SQL | undefined)[] = [iSkopForberedt()];
    if (filter.visning === 'mine') betingelser.push(eq(sager.sagsbehandlerId, sql.placeholder('medarbejderId')));
    if (filter.status === 'aabne') betingelser.push(eq(sager.aaben, true));
    if (filter.trin !== undefined) betingelser.push(eq(sager.trin, sql.placeholder('trin')));

    // The deadlines a case may have pending, each computed once per case as a join: as subqueries
    // in the select, PostgreSQL ran them again for every place the order below uses them (26 times).
    // Each reads its partial index (db/schema.ts): only what is still pending, not all the years'.
    const genvurdering = tidligstVentende(
      db,
      'genvurdering',
      klager,
      klager.genvurderingFrist,
      klageVenter(klager.status),
    );
    const aktindsigt = tidligstVentende(
      db,
      'aktindsigt',
      aktindsigter,
      aktindsigter.svarFrist,
      isNull(aktindsigter.besvaret),
    );
    const basis = db.$with('basis').as(
      db
        .select({
          id: sager.id,
          titel: sager.titel,
          enhed: sager.enhed,
          sagsbehandlerId: sager.sagsbehandlerId,
          trin: sager.trin,
          aaben: sager.aaben,
          frist: sager.frist,
          nyFrist: sager.nyFrist,
          personId: sql<string>`${personer.id}`.as('person_id'),
          personNavn: sql<string>`${personer.navn}`.as('person_navn'),
          foedselsdato: personer.foedselsdato,
          genvurderingFrist: sql<string | null>`${genvurdering.frist}`.as('genvurdering_frist'),
          aktindsigtFrist: sql<string | null>`${aktindsigt.frist}`.as('aktindsigt_frist'),
          // venterPaaSvar (frister.ts): open and not yet decided.
          venter:
            sql<number>`case when ${and(eq(sager.aaben, true), lt(sager.trin, AFGOERELSE_TRIN))} then 1 else 0 end`.as(
              'venter',
            ),
        })
        .from(sager)
        .innerJoin(personer, eq(personer.id, sager.personId))
        .leftJoin(genvurdering, eq(genvurdering.sagId, sager.id))
        .leftJoin(aktindsigt, eq(aktindsigt.sagId, sager.id))
        .where(and(...betingelser)),
    );
    // sagsliste.ts's nearest binding deadline: the complaint's, else the case's own while it waits,
    // and an unanswered aktindsigt when that comes first. Dates are ISO text, so they compare as text.
    const sagens = sql`case when ${basis.genvurderingFrist} is not null then ${basis.genvurderingFrist} when ${basis.venter} = 1 then coalesce(${basis.nyFrist}, ${basis.frist}) end`;
    const naermeste = sql`case when ${sagens} is null then ${basis.aktindsigtFrist} when ${basis.aktindsigtFrist} is null then ${sagens} when ${basis.aktindsigtFrist} < ${sagens} then ${basis.aktindsigtFrist} else ${sagens} end`;
    const overskredet = sql`case when ${naermeste} < ${sql.placeholder('idag')} then 1 else 0 end`;
    return {
      antal: db.with(basis).select({ n: count() }).from(basis).prepare(),
      side: db
        .with(basis)
        .select()
        .from(basis)
        .orderBy(desc(overskredet), asc(sql`coalesce(${naermeste}, ${basis.nyFrist}, ${basis.frist})`), asc(basis.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(),
    };
  });
}

/** The rows of one page of the caseload, as sagsliste.ts shows them, and how many pages there are. */
export async function sagslisteSide(db: Db, bruger: Bruger, now: Date, filter: SagslisteFilter) {
  const a = bruger.aktoer;
  if (a.type !== 'medarbejder') return { raekker: [], antal: 0, sider: 0, side: 1 };
  const idag = dagen(now);
  const saetninger = sagslisteSql(db, filter);
  const vaerdier = { ...skopVaerdier(a), trin: filter.trin ?? null };
  const antal = Number(foerste(await saetninger.antal.execute(vaerdier))?.n ?? 0);
  const sider = Math.max(1, Math.ceil(antal / SIDE_STOERRELSE));
  const side = Math.min(filter.side, sider);
  const rows = await saetninger.side.execute({
    ...vaerdier,
    idag,
    limit: SIDE_STOERRELSE,
    offset: (side - 1) * SIDE_STOERRELSE,
  });
  const raekker = rows.map((r) => ({
    sag: {
      id: r.id,
      titel: r.titel,
      enhed: r.enhed,
      sagsbehandlerId: r.sagsbehandlerId,
      trin: r.trin,
      aaben: Boolean(r.aaben),
      frist: r.frist as Dag,
      nyFrist: r.nyFrist as Dag | null,
    },
    person: { id: r.personId, navn: r.personNavn, foedselsdato: r.foedselsdato },
    genvurderingFrist: r.genvurderingFrist as Dag | null,
    aktindsigtFrist: r.aktindsigtFrist as Dag | null,
  }));
  // The door decides each row shown, and logs each person shown on this page once.
  const vist = await personerMedAdgang(
    db,
    bruger,
    'se-sager',
    raekker,
    (r) => ({ personId: r.person.id, foedselsdato: r.person.foedselsdato, sager: [r.sag] }),
    (v) => `Sagsliste: ${v.map((r) => r.sag.titel).join(', ')}`,
    now,
  );
  // The display fields by the same rule; the order is already the database's (the sort is stable).
  return { raekker: sagsliste(vist, filter, a.medarbejderId, idag), antal, sider, side };
}
