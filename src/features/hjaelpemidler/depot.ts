/**
 * The depot's order of work: a defect marked dangerous first (someone may get hurt), then the
 * other open defects, then what is done; pick-ups still to do before those done; deliveries by
 * their day. Oldest first within each, so nothing waits at the bottom. Pure: the lists come sorted from here.
 */

type Fejl = { farlig: boolean; status: 'modtaget' | 'planlagt' | 'repareret'; modtaget: string };
type Afhentning = { status: 'bestilt' | 'afhentet'; dato: string };
type Levering = { leveringsdato: string | null };

const fejlRang = (f: Fejl): number => (f.status === 'repareret' ? 2 : f.farlig ? 0 : 1);

export function fejlIArbejdsorden<F extends Fejl>(fejl: readonly F[]): F[] {
  return [...fejl].sort((a, b) => fejlRang(a) - fejlRang(b) || a.modtaget.localeCompare(b.modtaget));
}

export function afhentningerIArbejdsorden<A extends Afhentning>(afhentninger: readonly A[]): A[] {
  return [...afhentninger].sort(
    (a, b) => Number(a.status === 'afhentet') - Number(b.status === 'afhentet') || a.dato.localeCompare(b.dato),
  );
}

/**
 * Agreed deliveries, earliest day first: one whose day has passed is simply at the top. The portal
 * never agrees a delivery without a day; should one have none, it comes first, so someone sets it.
 */
export function leveringerIArbejdsorden<L extends Levering>(leveringer: readonly L[]): L[] {
  return [...leveringer].sort((a, b) => (a.leveringsdato ?? '').localeCompare(b.leveringsdato ?? ''));
}
