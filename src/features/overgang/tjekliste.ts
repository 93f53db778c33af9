/** What must be in place before the 18th birthday. The family ticks these off together. */
export const overgangTjekliste = [
  {
    id: 'tal-om-oensker',
    tekst: 'Tal med den unge om ønsker til bolig, uddannelse, job og fritid efter 18 år',
    maanederFoer18: 12,
  },
  { id: 'cafemoede', tekst: 'Deltag i cafémødet om overgangen til voksenlivet', maanederFoer18: 9 },
  {
    id: 'koordinerende-moede',
    tekst: 'Deltag i det koordinerende møde med Børnehandicap og Voksenhandicap',
    maanederFoer18: 6,
  },
  {
    id: 'soeg-voksenydelser',
    tekst: 'Søg de voksenydelser, den unge har brug for (fx socialpædagogisk støtte)',
    maanederFoer18: 6,
  },
  {
    id: 'fuldmagt',
    tekst: 'Aftal en fuldmagt, hvis forældrene fortsat skal hjælpe – eller kontakt Familieretshuset om værgemål',
    maanederFoer18: 3,
  },
  {
    id: 'oekonomi',
    tekst: 'Se på økonomien: børnefamilieydelser stopper, og den unge kan søge egne ydelser',
    maanederFoer18: 3,
  },
  { id: 'mitid', tekst: 'Sørg for, at den unge har sit eget MitID og kan bruge Digital Post', maanederFoer18: 3 },
] as const;

export type TjeklistePunkt = (typeof overgangTjekliste)[number]['id'];
export const tjeklisteIds = overgangTjekliste.map((p) => p.id) as [TjeklistePunkt, ...TjeklistePunkt[]];
