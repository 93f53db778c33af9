/**
 * Whether a complaint can be made about a case's decision: one complaint per decision. The
 * deadline never stops a complaint (a late one is received and marked, see klageErForSen in
 * frister.ts): only Ankestyrelsen may set an exceeded deadline aside. The case page and the
 * write ask the same rule.
 */
import { type Dag, formatDato } from '#/lib/dato.ts';

type Afgoerelse = { id: string };
type Klage = { afgoerelseId: string };

export type KlageHindring = 'ingen-afgoerelse' | 'allerede-klaget';

/** Why no complaint can be made, or null when it can. */
export function klageHindring(afg: Afgoerelse | undefined, klager: readonly Klage[]): KlageHindring | null {
  if (!afg) return 'ingen-afgoerelse';
  if (klager.some((k) => k.afgoerelseId === afg.id)) return 'allerede-klaget';
  return null;
}

export const kanKlage = (afg: Afgoerelse | undefined, klager: readonly Klage[]): boolean =>
  klageHindring(afg, klager) === null;

/** The Danish message for each reason. */
export function klageHindringTekst(hindring: KlageHindring): string {
  switch (hindring) {
    case 'ingen-afgoerelse':
      return 'Der er ikke truffet en afgørelse i sagen endnu.';
    case 'allerede-klaget':
      return 'Du har allerede klaget over denne afgørelse. Vi behandler den klage, du har sendt. Kontakt din sagsbehandler, hvis du vil tilføje noget.';
  }
}

/** What a late complaint's receipt and the complaint page say: it is received and goes on all the same. */
export const SEN_KLAGE_TEKST =
  'Klagefristen er overskredet, men vi modtager din klage alligevel. Vi vurderer afgørelsen igen, og fastholder vi den, sender vi klagen videre til Ankestyrelsen. Det er Ankestyrelsen, der afgør, om klagen kan behandles, selv om fristen er overskredet – fx hvis du har været alvorligt syg. Skriv gerne i klagen, hvorfor den kommer efter fristen.';

/** Beside a decision sent without a klagevejledning: no deadline runs (Retssikkerhedsvejledningen pkt. 272). */
export const INGEN_KLAGEVEJLEDNING_TEKST =
  'Brevet med afgørelsen manglede en vejledning om, hvordan du klager. Derfor løber der ingen klagefrist, og du kan klage, når du vil. Sådan klager du:';

/** The deadline line beside a decision: "Klagefristen er …" or, when passed, that a complaint still goes on. */
export const klagefristUdloebet = (frist: Dag): string =>
  `Klagefristen udløb ${formatDato(frist)}. Du kan stadig klage: Ankestyrelsen afgør, om klagen kan behandles.`;
