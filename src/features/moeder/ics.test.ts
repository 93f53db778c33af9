import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { defined } from '#/lib/defined.ts';
import { foldLinje, icsFilnavn, moedeTilIcs } from './ics.ts';

const opts = {
  now: new Date('2026-11-24T08:30:15.123Z'),
  organisator: { navn: 'Sofie Lund', email: 'sofie.lund@hedensted.dk' },
  domain: 'mitforloeb.hedensted.dk',
};

const moede = {
  id: 'm-123',
  titel: 'Opfølgningsmøde',
  start: new Date('2026-12-15T12:00:00Z'),
  slut: new Date('2026-12-15T13:00:00Z'),
  sted: 'Rådhuset, Tofteskovvej 3, Hedensted',
  videolink: null,
  deltagere: ['Jens Hansen', 'Maria Holm (sagsbehandler)'],
  dagsorden: ['Hvordan går det?', 'Badebænken'],
};

const linjer = (ics: string) => ics.split('\r\n');
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const oktetter = (s: string) => new TextEncoder().encode(s).length;

function parse(ics: string) {
  const kalender = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.register(defined(kalender.getFirstSubcomponent('vtimezone'), 'VTIMEZONE'));
  const vevent = defined(kalender.getFirstSubcomponent('vevent'), 'VEVENT');
  return { kalender, vevent, event: new ICAL.Event(vevent) };
}

beforeEach(() => ICAL.TimezoneService.reset());

describe('moedeTilIcs: tidspunkter', () => {
  it.each([
    ['winter (CET)', '2026-12-15T12:00:00Z', '2026-12-15T13:30:00Z', '20261215T130000', '20261215T143000'],
    ['summer (CEST)', '2026-06-16T07:30:00Z', '2026-06-16T09:00:00Z', '20260616T093000', '20260616T110000'],
    [
      'the morning summer time starts',
      '2026-03-29T01:30:00Z',
      '2026-03-29T02:30:00Z',
      '20260329T033000',
      '20260329T043000',
    ],
    [
      'the morning summer time ends',
      '2026-10-25T02:30:00Z',
      '2026-10-25T03:30:00Z',
      '20261025T033000',
      '20261025T043000',
    ],
  ])('%s: lokal tid i København, der regnes tilbage til samme øjeblik', (_, start, slut, lokalStart, lokalSlut) => {
    const ics = moedeTilIcs({ ...moede, start: new Date(start), slut: new Date(slut) }, opts);
    expect(linjer(ics)).toContain(`DTSTART;TZID=Europe/Copenhagen:${lokalStart}`);
    expect(linjer(ics)).toContain(`DTEND;TZID=Europe/Copenhagen:${lokalSlut}`);

    const { event } = parse(ics);
    // Resolved through the registered VTIMEZONE, not read as floating time.
    expect(event.startDate.zone?.tzid).toBe('Europe/Copenhagen');
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(slut).toISOString());
  });

  it('har en VTIMEZONE, hvis regler skifter den sidste søndag i marts og i oktober', () => {
    const { kalender } = parse(moedeTilIcs(moede, opts));
    const zone = new ICAL.Timezone(defined(kalender.getFirstSubcomponent('vtimezone'), 'VTIMEZONE'));
    const offset = (iso: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(iso)) / 3600;
    expect(offset('2027-03-28T01:59:00')).toBe(1);
    expect(offset('2027-03-28T03:00:00')).toBe(2);
    expect(offset('2027-10-31T01:00:00')).toBe(2);
    expect(offset('2027-10-31T03:00:00')).toBe(1);
    expect(offset('2027-01-15T12:00:00')).toBe(1);
  });
});

describe('moedeTilIcs: filen', () => {
  const ics = moedeTilIcs(moede, opts);

  it('bruger kun CRLF som linjeskift og slutter med ét', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('har kalenderens headere, én VTIMEZONE og én VEVENT med en påmindelse', () => {
    const l = linjer(ics);
    expect(l[0]).toBe('BEGIN:VCALENDAR');
    expect(l).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'TZID:Europe/Copenhagen',
        'STATUS:CONFIRMED',
      ]),
    );
    expect(l.some((x) => x.startsWith('PRODID:-//'))).toBe(true);
    const { kalender, vevent } = parse(ics);
    expect(kalender.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(kalender.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const alarm = defined(vevent.getFirstSubcomponent('valarm'), 'VALARM');
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-86400);
    expect(alarm.getFirstPropertyValue('description')).toBe('Påmindelse: Opfølgningsmøde i morgen');
  });

  it('har UID, DTSTAMP i UTC og arrangøren', () => {
    expect(linjer(ics)).toContain('UID:m-123@mitforloeb.hedensted.dk');
    expect(linjer(ics)).toContain('DTSTAMP:20261124T083015Z');
    expect(linjer(ics)).toContain('ORGANIZER;CN=Sofie Lund:mailto:sofie.lund@hedensted.dk');
    const { vevent } = parse(ics);
    expect(vevent.getFirstPropertyValue('uid')).toBe('m-123@mitforloeb.hedensted.dk');
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-11-24T08:30:15.000Z',
    );
  });

  it('skriver titel, sted og en dansk beskrivelse med dagsorden og deltagere', () => {
    const { event, vevent } = parse(ics);
    expect(event.summary).toBe('Opfølgningsmøde');
    expect(event.location).toBe('Rådhuset, Tofteskovvej 3, Hedensted');
    expect(event.description).toBe(
      'Dagsorden:\n- Hvordan går det?\n- Badebænken\n\nDeltagere: Jens Hansen, Maria Holm (sagsbehandler)',
    );
    expect(vevent.hasProperty('url')).toBe(false);
  });

  it('tager borgerens egne emner og bisidderen med i beskrivelsen', () => {
    const { event } = parse(
      moedeTilIcs({ ...moede, egneEmner: ['Min nye bolig i Uldum'], bisidder: 'Yasmin Hassan' }, opts),
    );
    expect(event.description).toBe(
      'Dagsorden:\n- Hvordan går det?\n- Badebænken\n- Min nye bolig i Uldum (dit emne)\n\nDeltagere: Jens Hansen, Maria Holm (sagsbehandler)\n\nBisidder: Yasmin Hassan',
    );
    expect(parse(moedeTilIcs({ ...moede, bisidder: 'Ja' }, opts)).event.description).toContain(
      'Du tager en bisidder med.',
    );
  });

  it('skriver et kendt mødested med gadeadresse', () => {
    expect(parse(moedeTilIcs({ ...moede, sted: 'Voksenhandicap, Tørring' }, opts)).event.location).toBe(
      'Voksenhandicap, Tørring, Vestergade 12, 7160 Tørring',
    );
  });

  it('bruger videolinket som sted, når der ikke er et sted, og som URL', () => {
    const link = 'https://video.hedensted.dk/m/123?pin=42';
    const { event, vevent } = parse(moedeTilIcs({ ...moede, sted: null, videolink: link }, opts));
    expect(event.location).toBe(link);
    expect(vevent.getFirstPropertyValue('url')).toBe(link);
    expect(event.description).toContain(`Deltag på video: ${link}`);
  });

  it('udelader sted, URL og beskrivelse, når der intet er at skrive', () => {
    const l = linjer(moedeTilIcs({ ...moede, sted: '  ', videolink: null, deltagere: [], dagsorden: [] }, opts));
    expect(l.filter((x) => /^(LOCATION|URL)[:;]/.test(x))).toEqual([]);
    // The only DESCRIPTION left is the alarm's.
    expect(l.filter((x) => x.startsWith('DESCRIPTION:'))).toEqual(['DESCRIPTION:Påmindelse: Opfølgningsmøde i morgen']);
  });

  it('sætter et arrangørnavn med komma i anførselstegn', () => {
    const ics = moedeTilIcs(moede, { ...opts, organisator: { navn: 'Lund, Sofie', email: 'sofie@hedensted.dk' } });
    expect(unfold(ics)).toContain('ORGANIZER;CN="Lund, Sofie":mailto:sofie@hedensted.dk');
    expect(defined(parse(ics).vevent.getFirstProperty('organizer'), 'ORGANIZER').getParameter('cn')).toBe(
      'Lund, Sofie',
    );
  });

  it('afviser et møde, der slutter, før det begynder', () => {
    expect(() => moedeTilIcs({ ...moede, slut: new Date('2026-12-15T11:00:00Z') }, opts)).toThrow();
  });
});

describe('moedeTilIcs: escaping og foldning', () => {
  it('escaper backslash, semikolon, komma og linjeskift i TEXT, og de overlever en tur frem og tilbage', () => {
    const titel = 'Møde; plan, mål \\ og\nmere';
    const ics = moedeTilIcs({ ...moede, titel }, opts);
    expect(unfold(ics)).toContain('SUMMARY:Møde\\; plan\\, mål \\\\ og\\nmere\r\n');
    expect(parse(ics).event.summary).toBe(titel);
  });

  it('folder en lang dansk beskrivelse ved 75 oktetter uden at splitte æ, ø, å eller emoji', () => {
    const dagsorden = [
      'Gennemgang af delmål: Økonomi, bolig og netværk – hvad er gået godt, og hvad har været svært?',
      'Ønsker til næste halvår; særligt om støtte på arbejdspladsen og i fritiden 🙂 på Åbent hus',
      'Æblekage og kaffe i mødelokale Ærø-Ålborg-Østerport '.repeat(4),
    ];
    const ics = moedeTilIcs({ ...moede, dagsorden }, opts);
    const l = linjer(ics);
    for (const linje of l) {
      expect(oktetter(linje), linje).toBeLessThanOrEqual(75);
      expect(linje.isWellFormed(), linje).toBe(true);
    }
    expect(l.filter((x) => x.startsWith(' ')).length).toBeGreaterThan(4);
    expect(parse(ics).event.description).toBe(
      `Dagsorden:\n- ${dagsorden[0]}\n- ${dagsorden[1]}\n- ${dagsorden[2]}\n\nDeltagere: Jens Hansen, Maria Holm (sagsbehandler)`,
    );
  });
});

describe('foldLinje', () => {
  it('fylder første linje op til 75 oktetter og fortsættelseslinjer til 74 efter mellemrummet', () => {
    const folded = foldLinje(`DESCRIPTION:${'a'.repeat(200)}`).split('\r\n');
    expect(folded.map((x) => oktetter(x))).toEqual([75, 75, 64]); // 212 octets = 75 + (1 + 74) + (1 + 63)
    expect(folded.slice(1).every((x) => x.startsWith(' '))).toBe(true);
  });

  it('flytter et tegn på to byte til næste linje i stedet for at splitte det', () => {
    // 12 octets + 31 × "æ" = 74; one more "æ" would make 76.
    const folded = foldLinje(`DESCRIPTION:${'æ'.repeat(40)}`).split('\r\n');
    expect(folded[0]).toBe(`DESCRIPTION:${'æ'.repeat(31)}`);
    expect(folded[1]).toBe(` ${'æ'.repeat(9)}`);
  });

  it('lader korte linjer være', () => expect(foldLinje('VERSION:2.0')).toBe('VERSION:2.0'));
});

describe('icsFilnavn', () => {
  it.each([
    ['Opfølgningsmøde', '2026-12-15T12:00:00Z', 'moede-2026-12-15-opfoelgningsmoede.ics'],
    [
      'Koordinerende møde: Den Gode Overgang',
      '2026-12-15T12:00:00Z',
      'moede-2026-12-15-koordinerende-moede-den-gode-overgang.ics',
    ],
    ['ÆØÅ Café Über', '2026-06-16T07:30:00Z', 'moede-2026-06-16-aeoeaa-cafe-uber.ics'],
    ['../../etc/passwd', '2026-12-15T12:00:00Z', 'moede-2026-12-15-etc-passwd.ics'],
    ['   ', '2026-12-15T12:00:00Z', 'moede-2026-12-15.ics'],
    ['Sent møde', '2026-12-15T23:30:00Z', 'moede-2026-12-16-sent-moede.ics'], // already the 16th in Copenhagen
  ])('%j den %s er %s', (titel, start, navn) => expect(icsFilnavn(titel, new Date(start))).toBe(navn));

  it('holder lange titler korte og i ASCII', () => {
    const navn = icsFilnavn(
      'Tværfagligt møde om støtte i hjemmet og på arbejdspladsen og i fritiden og meget mere',
      new Date('2026-12-15T12:00:00Z'),
    );
    expect(navn).toMatch(/^moede-2026-12-15-[a-z0-9-]+[a-z0-9]\.ics$/);
    expect(navn.length).toBeLessThanOrEqual(6 + 11 + 60 + 4);
  });
});
