/**
 * Whether a complaint can be made about a case's decision: one complaint per decision, within
 * the complaint deadline. The case page and the write ask the same rule. Pure: the caller passes `idag`.
 */
import { type Dag, formatDato } from '#/lib/dato.ts';

type Afgoerelse = { id: string; klagefrist: Dag };
type Klage = { afgoerelseId: string };

export type KlageHindring = 'ingen-afgoerelse' | 'allerede-klaget' | 'frist-udloebet';

/** Why no complaint can be made now, or null when it can. */
export function klageHindring(afg: Afgoerelse | undefined, klager: readonly Klage[], idag: Dag): KlageHindring | null {
  if (!afg) return 'ingen-afgoerelse';
  if (klager.some((k) => k.afgoerelseId === afg.id)) return 'allerede-klaget';
  // The deadline day itself still counts as in time.
  if (idag > afg.klagefrist) return 'frist-udloebet';
  return null;
}

export const kanKlage = (afg: Afgoerelse | undefined, klager: readonly Klage[], idag: Dag): boolean =>
  klageHindring(afg, klager, idag) === null;

/** The Danish refusal for each reason. */
export function klageHindringTekst(hindring: KlageHindring, afg: Afgoerelse | undefined): string {
  switch (hindring) {
    case 'ingen-afgoerelse':
      return 'Der er ikke truffet en afgørelse i sagen endnu.';
    case 'allerede-klaget':
      return 'Du har allerede klaget over denne afgørelse. Vi behandler den klage, du har sendt. Kontakt din sagsbehandler, hvis du vil tilføje noget.';
    case 'frist-udloebet':
      return `Klagefristen udløb ${afg ? formatDato(afg.klagefrist) : ''}. Kontakt din sagsbehandler, hvis du mener, der er særlige grunde til, at din klage skal behandles alligevel.`;
  }
}
