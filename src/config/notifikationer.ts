/**
 * Notices of news by e-mail and SMS. They never carry personal data: only that there is news in
 * Mit Forløb, and a link. Digital Post stays the binding channel for decisions (sent by the case system).
 */
export const notifikationConfig = {
  /** No notice is sent from 22 to 7 (Copenhagen time); what waits goes at 7. */
  stilleFra: 22,
  stilleTil: 7,
  /** After a notice to an address, the next waits this long, so several events go as one. */
  samleMinutter: 60,
  /** Back-off between attempts after a temporary failure, in minutes; then the notice is given up. */
  genforsoegMinutter: [1, 5, 15, 60, 240, 720],
  /** A confirmation code is valid this long and may be tried this many times. */
  kodeMinutter: 15,
  kodeForsoeg: 5,
} as const;
