/**
 * Complaint guidance per area of law, put on every decision. The municipality edits these;
 * the texts follow the rule that a complaint goes to the municipality first (genvurdering)
 * and then to Ankestyrelsen.
 */
export const klagevejledninger = [
  {
    lovgrundlag: 'Barnets Lov',
    tekst:
      'Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået afgørelsen. Send klagen til Børnehandicap – skriftligt eller mundtligt. Vi vurderer afgørelsen igen inden 4 uger. Fastholder vi den, sender vi din klage videre til Ankestyrelsen. Kommer klagen for sent, sender vi den alligevel videre: Ankestyrelsen kan behandle den, hvis der er en særlig grund.',
  },
  {
    lovgrundlag: 'Serviceloven',
    tekst:
      'Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået afgørelsen. Send klagen til kommunen – skriftligt eller mundtligt, fx i Mit Forløb. Vi vurderer afgørelsen igen inden 4 uger. Fastholder vi den, sender vi din klage videre til Ankestyrelsen. Kommer klagen for sent, sender vi den alligevel videre: Ankestyrelsen kan behandle den, hvis der er en særlig grund.',
  },
] as const;

/** The guidance for a case's legal basis, by the law's name at the start of it. */
export function klagevejledningFor(lovgrundlag: string): string {
  return (klagevejledninger.find((k) => lovgrundlag.startsWith(k.lovgrundlag)) ?? klagevejledninger[1]).tekst;
}
