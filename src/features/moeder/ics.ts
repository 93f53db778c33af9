/**
 * A meeting as an iCalendar file (RFC 5545) the citizen can add to their own calendar.
 * Pure: the caller passes `now` (for DTSTAMP). Times are written as local Copenhagen time
 * with a VTIMEZONE, so the meeting stays at 13.00 even if the calendar is set to another zone.
 */
import { dagen, TIDSZONE, tilKoebenhavnstid } from '#/lib/dato.ts';
import { stedslinje } from './sted.ts';

export type IcsMoede = {
  id: string;
  titel: string;
  start: Date;
  slut: Date;
  sted?: string | null;
  videolink?: string | null;
  deltagere: string[];
  dagsorden: string[];
  /** The citizen's own topics for the agenda, and the bisidder they said they bring. */
  egneEmner?: string[];
  bisidder?: string | null;
};

export type IcsOptions = { now: Date; organisator: { navn: string; email: string }; domain: string };

const CRLF = '\r\n';
const MAKS_OKTETTER = 75;
const encoder = new TextEncoder();

// EU summer time: from the last Sunday of March 02:00 to the last Sunday of October 03:00.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIDSZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function gyldig(d: Date, navn: string): Date {
  if (Number.isNaN(d.getTime())) throw new Error(`Ugyldigt tidspunkt for ${navn}`);
  return d;
}

/** DATE-TIME as local Copenhagen wall-clock time, e.g. 20261215T130000. */
function lokalDatoTid(d: Date): string {
  return tilKoebenhavnstid(d).replace(/[-:]/g, '');
}

/** DATE-TIME in UTC, e.g. 20261124T083000Z. */
function utcDatoTid(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// Control characters are not allowed in TEXT (RFC 5545 3.3.11); a stray one would make some
// calendar programs reject the whole file.
function udenKontroltegn(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Escape a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeTekst(s: string): string {
  return udenKontroltegn(s)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

// A parameter value cannot hold a double quote at all, and must be quoted if it holds : ; or ,.
function parameterVaerdi(s: string): string {
  const v = udenKontroltegn(s).replace(/[\r\n"]/g, ' ');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

function uriVaerdi(s: string): string {
  return udenKontroltegn(s).replace(/[\r\n\s]/g, '');
}

/** Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLinje(linje: string): string {
  const dele: string[] = [];
  let aktuel = '';
  let oktetter = 0;
  for (const tegn of linje) {
    const n = encoder.encode(tegn).length;
    // Continuation lines begin with one space, which counts towards their 75 octets.
    const graense = dele.length === 0 ? MAKS_OKTETTER : MAKS_OKTETTER - 1;
    if (oktetter + n > graense) {
      dele.push(aktuel);
      aktuel = '';
      oktetter = 0;
    }
    aktuel += tegn;
    oktetter += n;
  }
  dele.push(aktuel);
  return dele.join(`${CRLF} `);
}

function erWebadresse(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function beskrivelse(moede: IcsMoede, videolink: string | null): string {
  const afsnit: string[] = [];
  const punkter = [...moede.dagsorden, ...(moede.egneEmner ?? []).map((e) => `${e} (dit emne)`)];
  if (punkter.length > 0) afsnit.push(['Dagsorden:', ...punkter.map((p) => `- ${p}`)].join('\n'));
  if (moede.deltagere.length > 0) afsnit.push(`Deltagere: ${moede.deltagere.join(', ')}`);
  if (moede.bisidder)
    afsnit.push(moede.bisidder === 'Ja' ? 'Du tager en bisidder med.' : `Bisidder: ${moede.bisidder}`);
  if (videolink) afsnit.push(`Deltag på video: ${videolink}`);
  return afsnit.join('\n\n');
}

/** The meeting as a complete VCALENDAR text with CRLF line endings, ready to download as .ics. */
export function moedeTilIcs(moede: IcsMoede, opts: IcsOptions): string {
  const start = gyldig(moede.start, 'start');
  const slut = gyldig(moede.slut, 'slut');
  const now = gyldig(opts.now, 'now');
  if (slut.getTime() < start.getTime()) throw new Error('Mødet slutter før det starter');

  // The street address where the municipality's list knows the place, so a phone's map finds it.
  const sted = stedslinje(moede.sted ?? null);
  const videolink = moede.videolink?.trim() || null;
  const lokation = sted ?? videolink;
  const tekst = beskrivelse(moede, videolink);

  const linjer = [
    'BEGIN:VCALENDAR',
    `PRODID:-//${escapeTekst(opts.domain)}//Mit Forløb//DA`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeTekst(`${moede.id}@${opts.domain}`)}`,
    `DTSTAMP:${utcDatoTid(now)}`,
    `DTSTART;TZID=${TIDSZONE}:${lokalDatoTid(start)}`,
    `DTEND;TZID=${TIDSZONE}:${lokalDatoTid(slut)}`,
    `SUMMARY:${escapeTekst(moede.titel)}`,
    ...(lokation ? [`LOCATION:${escapeTekst(lokation)}`] : []),
    ...(videolink && erWebadresse(videolink) ? [`URL:${uriVaerdi(videolink)}`] : []),
    ...(tekst ? [`DESCRIPTION:${escapeTekst(tekst)}`] : []),
    `ORGANIZER;CN=${parameterVaerdi(opts.organisator.navn)}:mailto:${uriVaerdi(opts.organisator.email)}`,
    'STATUS:CONFIRMED',
    'BEGIN:VALARM',
    'TRIGGER:-P1D',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeTekst(`Påmindelse: ${moede.titel} i morgen`)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return linjer.map(foldLinje).join(CRLF) + CRLF;
}

/** A safe ASCII file name such as "moede-2026-12-15-opfoelgningsmoede.ics" (the day in Copenhagen). */
export function icsFilnavn(titel: string, start: Date): string {
  const slug = titel
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    // é → e, ü → u: split off the accent, then drop it with every other non-ASCII character.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `moede-${dagen(gyldig(start, 'start'))}${slug ? `-${slug}` : ''}.ics`;
}
