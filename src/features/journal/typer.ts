/**
 * The kinds of events in the outbound feed (GET /api/v1/haendelser) and how staff read them.
 * What a case system may need to journalise: what citizens send, every change of an aid's
 * request or loan, and, for cases made in the portal, what the caseworker did there.
 */

export const journalTyper = {
  klage: 'Klage over afgørelse',
  aktindsigt: 'Anmodning om aktindsigt',
  'aktindsigt-besvaret': 'Aktindsigt besvaret',
  besked: 'Besked fra borgeren',
  'besked-svar': 'Svar på besked',
  'besked-lukket': 'Besked lukket uden svar',
  'klage-genvurderet': 'Klage genvurderet',
  partshoeringssvar: 'Svar på partshøring',
  'partshoering-tilfoejelse': 'Tilføjelse til svar på partshøring',
  'hjaelpemiddel-ansoegning': 'Ansøgning om hjælpemiddel',
  'hjaelpemiddel-status': 'Ny status på ansøgning om hjælpemiddel',
  udlaan: 'Hjælpemiddel udlånt',
  'udlaan-afsluttet': 'Udlån afsluttet',
  fejlmelding: 'Fejl meldt på hjælpemiddel',
  'fejlmelding-status': 'Ny status på fejlmelding',
  afhentning: 'Afhentning bestilt',
  'afhentning-status': 'Hjælpemiddel afhentet',
  'samtykke-tilbagekaldt': 'Samtykke tilbagekaldt',
  'moede-emne': 'Emne til møde',
  'moede-bisidder': 'Bisidder til møde',
  'plan-evaluering': 'Evaluering af delmål',
  kompasscorer: 'Scorer på forandringskompasset',
  afgoerelse: 'Afgørelse truffet i portalen',
  brev: 'Brev på sagen',
  sagsbehandlerskift: 'Sagen overdraget',
  frist: 'Ny frist',
} as const;

export type JournalType = keyof typeof journalTyper;
export const alleJournalTyper = Object.keys(journalTyper) as [JournalType, ...JournalType[]];

/** A label for a stored type; an unknown one (written by a newer version) is shown as it is. */
export const journalTypeTekst = (type: string): string =>
  Object.hasOwn(journalTyper, type) ? journalTyper[type as JournalType] : type;

/** The unit a loan's events go to: loans have no case, and the depot handles them. */
export const UDLAANETS_ENHED = 'depot';

/** An event not acknowledged by any case system after this long is shown to staff. */
export const IKKE_JOURNALISERET_EFTER_MS = 24 * 60 * 60 * 1000;
