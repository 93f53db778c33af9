/**
 * The municipality running the portal. Another municipality edits this file and `content/`.
 * Everything citizens see about who we are and how to reach us comes from here.
 */
export const kommune = {
  navn: 'Hedensted Kommune',
  forvaltning: 'Social Omsorg',
  portalnavn: 'Mit Forløb',
  adresse: 'Tofteskovvej 3, 8722 Hedensted',
  telefon: '79 75 50 00',
  telefontider: 'Mandag-onsdag kl. 9-15, torsdag kl. 9-17 og fredag kl. 9-13',
  email: 'socialomsorg@hedensted.dk',
  webadresse: 'https://www.hedensted.dk',
  /**
   * The portal's tilgængelighedserklæring. It must be made in Digitaliseringsstyrelsen's WAS-Tool and is
   * published at was.digst.dk/<the portal's domain with - for .> (webtilgængelighedsloven § 4; bek. nr. 904
   * af 22/08/2019); the footer links here. This is the demo municipality's address: each municipality fills
   * in the one WAS-Tool gives it, and changes the link in content/sider/tilgaengelighed.md to match.
   */
  tilgaengelighedserklaering: 'https://www.was.digst.dk/mitforloeb-hedensted-dk',
  /**
   * The depot that lends, delivers, repairs and collects hjælpemidler. Shown on the contact page (anchor
   * #hjaelpemiddeldepot), which the content links to wherever it says "kontakt hjælpemiddeldepotet".
   * Demo data: the number follows the demo staff's 79 75 5x xx; the address is the municipality's.
   */
  hjaelpemiddeldepot: {
    navn: 'Hjælpemiddeldepotet',
    telefon: '79 75 52 00',
    telefontider: 'Mandag-torsdag kl. 8-15 og fredag kl. 8-12',
    adresse: 'Tofteskovvej 3, 8722 Hedensted',
  },
  /**
   * Where meetings are held, by the name a meeting's place (`sted`) carries, with the street address
   * and the access for a wheelchair or rollator. Demo data: Tørring's address is invented for the demo.
   */
  moedesteder: [
    {
      navn: 'Voksenhandicap, Tørring',
      adresse: 'Vestergade 12, 7160 Tørring',
      adgang: 'Indgang i gadeniveau uden trin, elevator til 1. sal og handicaptoilet. Handicapparkering ved indgangen.',
    },
    {
      navn: 'Rådhuset, Hedensted',
      adresse: 'Tofteskovvej 3, 8722 Hedensted',
      adgang:
        'Indgang uden trin ved hovedindgangen, elevator til alle etager og handicaptoilet i stueetagen. Handicapparkering foran rådhuset.',
    },
  ],
  teams: [
    { id: 'oest', navn: 'Team Øst', byer: ['Juelsminde', 'Rårup', 'Hornsyld', 'Barrit'] },
    { id: 'vest', navn: 'Team Vest', byer: ['Tørring', 'Uldum'] },
    { id: 'midt', navn: 'Team Midt', byer: ['Løsning', 'Hedensted'] },
  ],
  enheder: [
    { id: 'velfaerdsraadgivningen', navn: 'Velfærdsrådgivningen' },
    { id: 'voksenhandicap', navn: 'Voksenhandicap' },
    { id: 'boernehandicap', navn: 'Børnehandicap' },
    { id: 'hjaelpemiddeldepot', navn: 'Hjælpemiddeldepotet' },
    { id: 'hjerneskadekoordinator', navn: 'Hjerneskadekoordinatoren' },
  ],
} as const;

export type Kommune = typeof kommune;
export type TeamId = (typeof kommune.teams)[number]['id'];

export const teamIds = kommune.teams.map((t) => t.id) as [TeamId, ...TeamId[]];

/** The team's display name, e.g. "Team Vest". */
export function teamNavn(id: TeamId): string {
  return kommune.teams.find((t) => t.id === id)?.navn ?? id;
}

/** The team serving a town; citizens in towns outside the list are served by the first team. */
export function teamForBy(by: string | null | undefined): TeamId {
  return kommune.teams.find((t) => (t.byer as readonly string[]).includes(by ?? ''))?.id ?? kommune.teams[0].id;
}

/** A unit's or team's display name, e.g. "Voksenhandicap" or "Team Øst"; an unknown id as it is. */
export function enhedNavn(id: string): string {
  return [...kommune.teams, ...kommune.enheder].find((e) => e.id === id)?.navn ?? id;
}
