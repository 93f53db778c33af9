/**
 * PUT /api/v1/personer/{kildeId}/foraeldremyndighed: who holds custody of a child, as the case
 * system (and the CPR register behind it) says. The list replaces what the same system sent before;
 * custody registered in the portal is left alone. Access follows from the relations by the rules
 * that already exist (access.ts): a holder may act for the child until the 18th birthday.
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
  nyRelation,
  retRelationensDatoer,
  tilbagekaldRelation,
} from '#/features/fuldmagt/relationsskrivning.server.ts';
import { type Db, foerste } from '../../../db/client.ts';
import { personer, relationer } from '../../../db/schema.ts';
import { auditSystem, findPersonFraKilde, lagretKildeId, type UpsertUdfald } from './faelles.server.ts';
import { ApiFejl, uopfyldt } from './fejl.ts';
import type { ApiKlient } from './noegler.server.ts';
import type { ForaeldremyndighedInput } from './schemas.ts';

export async function upsertForaeldremyndighed(
  db: Db,
  klient: ApiKlient,
  kildeId: string,
  input: ForaeldremyndighedInput,
  now: Date,
): Promise<UpsertUdfald> {
  return await db.transaction(async (tx) => {
    const barn = foerste(
      await tx
        .select()
        .from(personer)
        .where(eq(personer.kildeId, lagretKildeId(klient, kildeId))),
    );
    if (!barn) throw new ApiFejl(404, `Personen "${kildeId}" findes ikke i portalen. Send personen først.`);
    const indehavere: { foraelder: typeof personer.$inferSelect; gyldigFra: string; gyldigTil: string | null }[] = [];
    for (const [n, i] of input.indehavere.entries()) {
      const foraelder = await findPersonFraKilde(tx, klient, i.personKildeId, `indehavere[${n}].personKildeId`);
      if (foraelder.id === barn.id)
        throw uopfyldt(`indehavere[${n}].personKildeId`, 'Et barn kan ikke have forældremyndighed over sig selv.');
      indehavere.push({ foraelder, gyldigFra: i.gyldigFra, gyldigTil: i.gyldigTil ?? null });
    }
    const gamle = await tx
      .select()
      .from(relationer)
      .where(
        and(
          eq(relationer.tilPersonId, barn.id),
          eq(relationer.type, 'foraeldremyndighed'),
          eq(relationer.kildesystem, klient.system),
          isNull(relationer.tilbagekaldt),
        ),
      );
    let aendret = false;
    for (const i of indehavere) {
      const gammel = gamle.find((r) => r.fraPersonId === i.foraelder.id);
      if (!gammel) {
        await nyRelation(tx, {
          fraPersonId: i.foraelder.id,
          tilPersonId: barn.id,
          type: 'foraeldremyndighed',
          scopes: [],
          gyldigFra: i.gyldigFra,
          gyldigTil: i.gyldigTil,
          oprettet: now.toISOString(),
          kildesystem: klient.system,
        });
        aendret = true;
      } else if (gammel.gyldigFra !== i.gyldigFra || gammel.gyldigTil !== i.gyldigTil) {
        await retRelationensDatoer(tx, gammel.id, { gyldigFra: i.gyldigFra, gyldigTil: i.gyldigTil });
        aendret = true;
      }
    }
    for (const r of gamle.filter((g) => !indehavere.some((i) => i.foraelder.id === g.fraPersonId))) {
      await tilbagekaldRelation(tx, r.id, `${klient.system} (integration)`, now);
      aendret = true;
    }
    if (aendret) await auditSystem(tx, klient, barn.id, 'ret', 'Forældremyndighed', now);
    return { id: barn.id, aendret, oprettet: false };
  });
}
