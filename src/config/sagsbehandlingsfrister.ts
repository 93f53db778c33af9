/**
 * The municipality's published handling deadlines (sagsbehandlingsfrister), per kind of case.
 * Every municipality must decide and publish its own (Retssikkerhedsloven § 3, stk. 2).
 * These numbers are the demo municipality's: replace them with the ones your municipality
 * has published. `lovgrundlag` must be written exactly as on the case (sager.lovgrundlag).
 */
export type Sagsbehandlingsfrist = {
  lovgrundlag: string;
  ydelse: string;
  frist: { uger: number } | { dage: number };
};

export const sagsbehandlingsfrister: Sagsbehandlingsfrist[] = [
  // From 1 July 2025 people over folkepensionsalderen get helhedspleje under ældreloven (LOV nr. 1651 af
  // 30/12/2024) instead of serviceloven §§ 83–84 (SEL § 2, stk. 5); § 83 stays for younger adults.
  {
    lovgrundlag: 'Ældreloven § 10',
    ydelse: 'Helhedspleje: praktisk hjælp, personlig pleje og madservice',
    frist: { uger: 4 },
  },
  { lovgrundlag: 'Ældreloven § 16', ydelse: 'Afløsning og aflastning af pårørende', frist: { uger: 4 } },
  {
    lovgrundlag: 'Serviceloven § 83',
    ydelse: 'Praktisk hjælp og personlig pleje (under folkepensionsalderen)',
    frist: { uger: 4 },
  },
  { lovgrundlag: 'Serviceloven § 85', ydelse: 'Socialpædagogisk støtte', frist: { uger: 12 } },
  { lovgrundlag: 'Serviceloven § 97', ydelse: 'Ledsagelse', frist: { uger: 8 } },
  { lovgrundlag: 'Serviceloven § 100', ydelse: 'Dækning af merudgifter (voksne)', frist: { uger: 12 } },
  { lovgrundlag: 'Serviceloven § 112', ydelse: 'Hjælpemidler', frist: { uger: 5 } },
  { lovgrundlag: 'Serviceloven § 113', ydelse: 'Forbrugsgoder', frist: { uger: 5 } },
  { lovgrundlag: 'Serviceloven § 116', ydelse: 'Boligindretning', frist: { uger: 16 } },
  { lovgrundlag: 'Barnets Lov § 90', ydelse: 'Hjælpemidler og boligindretning (børn)', frist: { uger: 5 } },
  { lovgrundlag: 'Barnets Lov § 86', ydelse: 'Dækning af merudgifter (børn)', frist: { uger: 12 } },
  { lovgrundlag: 'Barnets Lov § 87', ydelse: 'Tabt arbejdsfortjeneste', frist: { uger: 12 } },
];
