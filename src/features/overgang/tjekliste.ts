/**
 * What must be in place before the 18th birthday. The family ticks these off together.
 *
 * There is one timeline for the transition: the steps in content/overgang/, anchored in
 * Barnets Lov §§ 122-123 (start soon after the 16th birthday; finished so the adult help can
 * start right after the 18th). Each point names the step it belongs to (`trin`, the file's name
 * without .md), and its "senest" date is that step's date, so the checklist cannot say another
 * month than the page. tjekliste.test.ts checks that every step exists and says the same.
 */
import type { Dag } from '#/lib/dato.ts';

export const overgangTjekliste = [
  {
    id: 'cafemoede',
    tekst: 'Deltag i cafémødet om livet efter 18 – eller få materialet fra jeres sagsbehandler',
    trin: '02-ved-16-og-et-halvt-aar',
  },
  {
    id: 'tal-om-oensker',
    tekst: 'Tal med den unge om ønsker til bolig, uddannelse, job og fritid efter 18 år – før det koordinerende møde',
    trin: '03-ved-17-aar',
  },
  {
    id: 'koordinerende-moede',
    tekst: 'Deltag i det koordinerende møde med Børnehandicap og Voksenhandicap',
    trin: '03-ved-17-aar',
  },
  {
    id: 'vaergemaal',
    tekst:
      'Kan den unge ikke selv forstå eller give en fuldmagt: kontakt Familieretshuset om værgemål lige efter det koordinerende møde',
    trin: '03-ved-17-aar',
  },
  {
    id: 'soeg-voksenydelser',
    tekst: 'Søg den hjælp, den unge skal have som voksen (fx socialpædagogisk støtte)',
    trin: '04-ved-17-og-et-halvt-aar',
  },
  {
    id: 'oekonomi',
    tekst: 'Spørg jobcentret om den unges forsørgelse og økonomi efter 18 år',
    trin: '04-ved-17-og-et-halvt-aar',
  },
  {
    id: 'fuldmagt',
    tekst: 'Aftal med den unge, om forældrene skal have en fuldmagt – den unge kan give den fra 18-årsdagen',
    trin: '05-tre-maaneder-foer-18',
  },
  {
    id: 'mitid',
    tekst: 'Sørg for, at den unge har sit eget MitID og kan bruge Digital Post',
    trin: '05-tre-maaneder-foer-18',
  },
] as const;

export type TjeklistePunkt = (typeof overgangTjekliste)[number]['id'];
export const tjeklisteIds = overgangTjekliste.map((p) => p.id) as [TjeklistePunkt, ...TjeklistePunkt[]];

/**
 * The checklist with each point's "senest" date: the date of its step on the person's dated
 * timeline (overgangsTidslinje). A point whose step is missing from the timeline is an error in
 * content/overgang, not something to show without a date.
 */
export function tjeklisteMedFrister<T extends { id: string; dato: Dag }>(tidslinje: readonly T[]) {
  return overgangTjekliste.map((p) => {
    const trin = tidslinje.find((t) => t.id === p.trin);
    if (!trin)
      throw new Error(`Tjeklistens punkt "${p.id}" hører til trinnet "${p.trin}", som ikke findes i content/overgang.`);
    return { ...p, senest: trin.dato };
  });
}
