import { describe, expect, it } from 'vitest';
import {
  type Aktoer,
  type Handling,
  kanHandleFor,
  kanRedigereIndhold,
  manglendeRet,
  may,
  maySystem,
  type Relation,
  type Rolle,
  type Subjekt,
} from './access.ts';

/** Noon in Copenhagen on a day, so the tests read as calendar days. */
const paa = (dag: string) => new Date(`${dag}T12:00:00+01:00`);

const freja: Subjekt = {
  personId: 'freja',
  foedselsdato: '2009-02-07',
  sager: [{ enhed: 'boernehandicap', sagsbehandlerId: 'henrik' }],
};
const jens: Subjekt = {
  personId: 'jens',
  foedselsdato: '1942-03-02',
  sager: [{ enhed: 'oest', sagsbehandlerId: 'maria' }],
};
const ali: Subjekt = {
  personId: 'ali',
  foedselsdato: '1992-05-05',
  sager: [{ enhed: 'voksenhandicap', sagsbehandlerId: 'sofie' }],
};
const frejaVoksen: Subjekt = { ...freja, sager: [{ enhed: 'voksenhandicap', sagsbehandlerId: 'sofie' }] };
const aliUdenSager: Subjekt = { ...ali, sager: [] };

const rel = (r: Partial<Relation> & Pick<Relation, 'type' | 'tilPersonId'>): Relation => ({
  scopes: [],
  gyldigFra: '2000-01-01',
  gyldigTil: null,
  tilbagekaldt: null,
  ...r,
});
const borger = (personId: string, ...relationer: Relation[]): Aktoer => ({ type: 'borger', personId, relationer });

const mette = borger('mette', rel({ type: 'foraeldremyndighed', tilPersonId: 'freja' }));
const karin = borger(
  'karin',
  rel({
    type: 'fuldmagt',
    tilPersonId: 'jens',
    scopes: ['se-sager', 'se-moeder', 'soege-hjaelpemidler'],
    gyldigFra: '2026-01-01',
    gyldigTil: '2027-01-01',
  }),
);
const karinTilbagekaldt = borger(
  'karin',
  rel({ type: 'fuldmagt', tilPersonId: 'jens', scopes: ['se-sager'], tilbagekaldt: '2026-11-01T10:00:00Z' }),
);
const vaerge = borger('v', rel({ type: 'vaergemaal', tilPersonId: 'ali', scopes: ['se-sager', 'se-plan'] }));
const medarbejder = (medarbejderId: string, enhed: string, rolle: Rolle): Aktoer => ({
  type: 'medarbejder',
  medarbejderId,
  enhed,
  rolle,
});
const sofie = medarbejder('sofie', 'voksenhandicap', 'sagsbehandler');
const maria = medarbejder('maria', 'oest', 'visitator');
const henrik = medarbejder('henrik', 'boernehandicap', 'sagsbehandler');
const peter = medarbejder('peter', 'midt', 'sagsbehandler');
const terapeut = medarbejder('tina', 'oest', 'terapeut');
const lederOest = medarbejder('lene', 'oest', 'leder');
const depot = medarbejder('dorte', 'hjaelpemiddeldepot', 'depot');
// An editor registered in Team Øst: the unit gives no case.
const redaktoerOest = medarbejder('rikke', 'oest', 'redaktoer');

describe('may', () => {
  it.each<[string, Aktoer, Handling, Subjekt, string, boolean]>([
    // A citizen and their own data
    ['Jens ser egne sager', borger('jens'), 'se-sager', jens, '2026-11-24', true],
    ['Jens ser sin log', borger('jens'), 'se-log', jens, '2026-11-24', true],
    ['Jens klager i egen sag', borger('jens'), 'handle-i-sag', jens, '2026-11-24', true],
    ['Jens kan ikke behandle sin egen sag', borger('jens'), 'behandle-sag', jens, '2026-11-24', false],
    ['Jens ser ikke Alis sager', borger('jens'), 'se-sager', ali, '2026-11-24', false],
    // Parental authority ends on the 18th birthday
    ['Mette ser Frejas sager dagen før 18-årsdagen', mette, 'se-sager', freja, '2027-02-06', true],
    ['Mette ser ikke Frejas sager på 18-årsdagen', mette, 'se-sager', freja, '2027-02-07', false],
    ['Mette ser ikke Frejas sager dagen efter', mette, 'se-sager', freja, '2027-02-08', false],
    ['Mette søger hjælpemidler for Freja før 18', mette, 'soege-hjaelpemidler', freja, '2026-11-24', true],
    ['Mette ser Frejas plan før 18', mette, 'se-plan', freja, '2026-11-24', true],
    ['Mette ser ikke Frejas log', mette, 'se-log', freja, '2026-11-24', false],
    ['Mette giver ikke fuldmagt for Freja', mette, 'give-fuldmagt', freja, '2026-11-24', false],
    ['Mette ser ikke Jens', mette, 'se-sager', jens, '2026-11-24', false],
    // Fuldmagt: named scopes, from a start to an optional end, revocable
    ['Karin ser Jens sager', karin, 'se-sager', jens, '2026-11-24', true],
    ['Karin søger hjælpemidler for Jens', karin, 'soege-hjaelpemidler', jens, '2026-11-24', true],
    ['Karin ser ikke Jens plan (ikke i fuldmagten)', karin, 'se-plan', jens, '2026-11-24', false],
    ['Karin handler ikke i Jens sag (ikke en scope)', karin, 'handle-i-sag', jens, '2026-11-24', false],
    ['Karin ser ikke Jens log', karin, 'se-log', jens, '2026-11-24', false],
    ['Karin før fuldmagten gælder', karin, 'se-sager', jens, '2025-12-31', false],
    ['Karin på fuldmagtens første dag', karin, 'se-sager', jens, '2026-01-01', true],
    ['Karin på fuldmagtens sidste dag', karin, 'se-sager', jens, '2027-01-01', true],
    ['Karin dagen efter fuldmagten udløb', karin, 'se-sager', jens, '2027-01-02', false],
    ['Karin med tilbagekaldt fuldmagt', karinTilbagekaldt, 'se-sager', jens, '2026-11-24', false],
    ['Karin ser ikke Ali', karin, 'se-sager', ali, '2026-11-24', false],
    // Værgemål: the scopes staff recorded
    ['Værgen ser Alis sager', vaerge, 'se-sager', ali, '2026-11-24', true],
    ['Værgen ser ikke Alis møder (ikke registreret)', vaerge, 'se-moeder', ali, '2026-11-24', false],
    // Staff: their unit's cases and cases assigned to them
    ['Sofie ser en voksenhandicap-sag', sofie, 'se-sager', ali, '2026-11-24', true],
    ['Sofie behandler en voksenhandicap-sag', sofie, 'behandle-sag', ali, '2026-11-24', true],
    ['Sofie ser ikke Jens (Team Øst)', sofie, 'se-sager', jens, '2026-11-24', false],
    [
      'Sofie ser en sag tildelt hende i en anden enhed',
      sofie,
      'se-sager',
      { ...freja, sager: [{ enhed: 'boernehandicap', sagsbehandlerId: 'sofie' }] },
      '2026-11-24',
      true,
    ],
    ['Maria ser Jens', maria, 'se-plan', jens, '2026-11-24', true],
    ['Peter ser ikke Jens', peter, 'se-sager', jens, '2026-11-24', false],
    ['Sofie behandler ikke Frejas børnehandicap-sag', sofie, 'behandle-sag', freja, '2026-11-24', false],
    ['Sofie ser ikke Frejas overgangsmøde (på en børnehandicap-sag)', sofie, 'se-moeder', freja, '2026-11-24', false],
    ['Henrik ser ikke Frejas voksensag', henrik, 'se-sager', frejaVoksen, '2026-11-24', false],
    ['Sofie ser Frejas voksensag', sofie, 'se-sager', frejaVoksen, '2026-11-24', true],
    ['Medarbejdere ser ikke en borgers log', sofie, 'se-log', ali, '2026-11-24', false],
    // The stored role: who may grant or refuse a hjælpemiddel, register a relation, do the depot's work
    [
      'Maria (visitator) afgør Jens ansøgning om hjælpemiddel',
      maria,
      'afgoere-hjaelpemiddel',
      jens,
      '2026-11-24',
      true,
    ],
    ['En terapeut i Team Øst afgør Jens ansøgning', terapeut, 'afgoere-hjaelpemiddel', jens, '2026-11-24', true],
    [
      'En sagsbehandler afgør ikke en ansøgning om hjælpemiddel',
      sofie,
      'afgoere-hjaelpemiddel',
      ali,
      '2026-11-24',
      false,
    ],
    ['En leder afgør ikke en ansøgning om hjælpemiddel', lederOest, 'afgoere-hjaelpemiddel', jens, '2026-11-24', false],
    ['Depotet afgør ikke en ansøgning om hjælpemiddel', depot, 'afgoere-hjaelpemiddel', jens, '2026-11-24', false],
    [
      'En visitator i en anden enhed afgør ikke',
      medarbejder('x', 'midt', 'visitator'),
      'afgoere-hjaelpemiddel',
      jens,
      '2026-11-24',
      false,
    ],
    ['Depotet håndterer Jens udlån, uden en sag i depotet', depot, 'haandtere-udlaan', jens, '2026-11-24', true],
    ['Depotet håndterer udlån for en person uden sager', depot, 'haandtere-udlaan', aliUdenSager, '2026-11-24', true],
    ['Depotet ser ikke Jens sager', depot, 'se-sager', jens, '2026-11-24', false],
    ['En redaktør i Team Øst ser ikke Jens sager', redaktoerOest, 'se-sager', jens, '2026-11-24', false],
    ['En redaktør i Team Øst ser ikke Jens plan', redaktoerOest, 'se-plan', jens, '2026-11-24', false],
    ['En redaktør i Team Øst behandler ikke Jens sag', redaktoerOest, 'behandle-sag', jens, '2026-11-24', false],
    ['En redaktør håndterer ikke Jens udlån', redaktoerOest, 'haandtere-udlaan', jens, '2026-11-24', false],
    ['Depotet behandler ikke Jens sag', depot, 'behandle-sag', jens, '2026-11-24', false],
    ['Maria håndterer Jens udlån (hans sag er i Team Øst)', maria, 'haandtere-udlaan', jens, '2026-11-24', true],
    ['Sofie håndterer ikke Jens udlån', sofie, 'haandtere-udlaan', jens, '2026-11-24', false],
    [
      'En leder i Team Øst registrerer en fuldmagt for Jens',
      lederOest,
      'registrere-relation',
      jens,
      '2026-11-24',
      true,
    ],
    [
      'En leder i Team Øst registrerer ikke en fuldmagt for Ali',
      lederOest,
      'registrere-relation',
      ali,
      '2026-11-24',
      false,
    ],
    ['En sagsbehandler registrerer ikke en fuldmagt', sofie, 'registrere-relation', ali, '2026-11-24', false],
    ['Maria (visitator) registrerer ikke en fuldmagt', maria, 'registrere-relation', jens, '2026-11-24', false],
    ['En leder ser sin enheds sager', lederOest, 'se-sager', jens, '2026-11-24', true],
    ['Jens afgør ikke sin egen ansøgning', borger('jens'), 'afgoere-hjaelpemiddel', jens, '2026-11-24', false],
    ['Jens håndterer ikke sit udlån som depotet', borger('jens'), 'haandtere-udlaan', jens, '2026-11-24', false],
    ['Mette registrerer ikke en relation for Freja', mette, 'registrere-relation', freja, '2026-11-24', false],
    ['Medarbejdere ser intet om en person uden sager', sofie, 'se-sager', aliUdenSager, '2026-11-24', false],
  ])('%s', (_, aktoer, handling, subjekt, dag, expected) => {
    expect(may(aktoer, handling, subjekt, paa(dag))).toBe(expected);
  });

  it('bruger dagen i København: kl. 23.30 UTC aftenen før fødselsdagen er allerede fødselsdagen', () => {
    expect(may(mette, 'se-sager', freja, new Date('2027-02-06T22:59:00Z'))).toBe(true);
    expect(may(mette, 'se-sager', freja, new Date('2027-02-06T23:30:00Z'))).toBe(false);
  });
});

describe('kanHandleFor', () => {
  it('viser de personer, en pårørende må handle for i dag, men ikke den pårørende selv', () => {
    const personer = [
      { id: 'jens', foedselsdato: jens.foedselsdato },
      { id: 'ali', foedselsdato: ali.foedselsdato },
      { id: 'karin', foedselsdato: '1970-01-01' },
    ];
    expect(kanHandleFor(karin as Aktoer & { type: 'borger' }, personer, paa('2026-11-24')).map((p) => p.id)).toEqual([
      'jens',
    ]);
    expect(kanHandleFor(karin as Aktoer & { type: 'borger' }, personer, paa('2027-06-01'))).toEqual([]);
  });
});

describe('maySystem', () => {
  const nexus = { system: 'Nexus', scopes: ['laes:klager', 'skriv:sager'], enheder: ['oest'] };
  type Genstand = { kildeId: string | null; enhed: string | null } | undefined;
  const portalens = (enhed: string | null) => ({ kildeId: null, enhed });
  it.each<[string, string, Genstand, boolean]>([
    ['Nexus må hente klager', 'laes:klager', undefined, true],
    ['Nexus må ikke hente partshøringssvar (ikke i nøglen)', 'laes:partshoeringer', undefined, false],
    ['Nexus må ikke skrive møder (ikke i nøglen)', 'skriv:moeder', undefined, false],
    ['Nexus ser en klage på sin egen sag', 'laes:klager', { kildeId: 'Nexus:48213', enhed: 'vest' }, true],
    ['Nexus ser en klage på en portalsag i sin enhed', 'laes:klager', portalens('oest'), true],
    ['Nexus ser ikke en klage på en portalsag i en anden enhed', 'laes:klager', portalens('boernehandicap'), false],
    ['Nexus ser ikke en ansøgning uden sag og enhed (kun for "*")', 'laes:klager', portalens(null), false],
    [
      'Nexus ser ikke en klage på DUBUs sag, heller ikke i sin enhed',
      'laes:klager',
      { kildeId: 'DUBU:77', enhed: 'oest' },
      false,
    ],
    [
      'Nexus ser ikke en sag fra et system, hvis navn begynder med Nexus',
      'laes:klager',
      { kildeId: 'Nexus2:1', enhed: 'oest' },
      false,
    ],
    ['Nexus ser ikke en sag fra "nexus" med lille n', 'laes:klager', { kildeId: 'nexus:1', enhed: 'oest' }, false],
    ['Uden scopet hjælper en egen sag ikke', 'laes:samtykker', { kildeId: 'Nexus:1', enhed: 'oest' }, false],
  ])('%s', (_, scope, genstand, expected) => {
    expect(maySystem(nexus, scope, genstand)).toBe(expected);
  });

  it('en nøgle uden enheder får ingen ejerløse poster; "*" får dem alle, også uden enhed', () => {
    const uden = { ...nexus, enheder: [] };
    const alle = { ...nexus, enheder: ['*'] };
    expect(maySystem(uden, 'laes:klager', portalens('oest'))).toBe(false);
    expect(maySystem(alle, 'laes:klager', portalens('boernehandicap'))).toBe(true);
    expect(maySystem(alle, 'laes:klager', portalens(null))).toBe(true);
    expect(maySystem(alle, 'laes:klager', { kildeId: 'DUBU:1', enhed: null })).toBe(false);
  });
});

describe('manglendeRet', () => {
  const dag = paa('2026-06-01');
  it('Karins fuldmagt fra Jens mangler "Se plan": afvisningen kan sige det', () => {
    expect(manglendeRet(karin, 'se-plan', 'jens', dag)).toBe('se-plan');
    expect(may(karin, 'se-plan', jens, dag)).toBe(false);
  });
  it('intet at forklare uden en fuldmagt i kraft, for en anden person, en forælder eller en handling, der ikke kan gives', () => {
    expect(manglendeRet(karin, 'se-plan', 'ali', dag)).toBeNull();
    expect(manglendeRet(karin, 'se-plan', 'jens', paa('2027-02-01'))).toBeNull();
    expect(manglendeRet(karinTilbagekaldt, 'se-plan', 'jens', dag)).toBeNull();
    expect(manglendeRet(mette, 'se-plan', 'freja', paa('2030-01-01'))).toBeNull();
    expect(manglendeRet(karin, 'se-log', 'jens', dag)).toBeNull();
    expect(manglendeRet(sofie, 'se-plan', 'jens', dag)).toBeNull();
  });
});

describe('kanRedigereIndhold', () => {
  it('kun redaktører; hverken sagsbehandlere, ledere, depotet eller borgere', () => {
    expect(kanRedigereIndhold(redaktoerOest)).toBe(true);
    for (const a of [sofie, lederOest, depot, borger('jens')]) expect(kanRedigereIndhold(a)).toBe(false);
  });
});
