/**
 * When a decision letter counts as received, by how it was sent: the complaint deadline (4 weeks,
 * retssikkerhedsloven § 67, stk. 1) runs from that day. The rule is Ankestyrelsen's, which follows
 * Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister:
 * https://ast.dk/for-borgere-med-en-klagesag/klagefrister/klagefrister (read 3 December 2026).
 * - Digital Post: received the day it was sent.
 * - Almindelig post: received 6 hverdage after the letter's date.
 * - Quickpost: received 2 days after it was sent.
 * "Hverdage" are counted as Monday to Friday without public holidays: if the guidance also counts
 * Saturdays, the portal's date is a little later, which only gives the citizen more time.
 */
export const forsendelser = {
  'digital-post': { label: 'Digital Post', hverdage: 0, dage: 0 },
  'almindelig-post': { label: 'Almindelig post', hverdage: 6, dage: 0 },
  quickpost: { label: 'Quickpost', hverdage: 0, dage: 2 },
} as const;

export type Forsendelse = keyof typeof forsendelser;
export const STANDARD_FORSENDELSE: Forsendelse = 'digital-post';
