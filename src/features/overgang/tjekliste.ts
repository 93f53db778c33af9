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

/** A point met by a kind of meeting: a booked meeting of that kind gives its date instead of "senest". */
type Moedetype = 'cafe' | 'overgang';
interface Punkt {
  id: string;
  /** To the parents ("I", "den unge"). */
  tekst: string;
  /** To the young person ("du"). */
  selv: string;
  /** What to do now, when the date has passed and the point is not ticked; an imperative fits both readers. */
  forSent: string;
  moede?: Moedetype;
  trin: string;
}

export const overgangTjekliste = [
  {
    id: 'cafemoede',
    tekst: 'Deltag i cafémødet om livet efter 18 – eller få materialet fra jeres sagsbehandler',
    selv: 'Deltag i cafémødet om livet efter 18 – eller få materialet fra din sagsbehandler',
    forSent: 'Bed sagsbehandleren om materialet fra cafémødet.',
    moede: 'cafe',
    trin: '02-ved-16-og-et-halvt-aar',
  },
  {
    id: 'tal-om-oensker',
    tekst: 'Tal med den unge om ønsker til bolig, uddannelse, job og fritid efter 18 år – før det koordinerende møde',
    selv: 'Tænk over, hvad du ønsker dig af bolig, uddannelse, job og fritid efter 18 år – og fortæl det før det koordinerende møde',
    forSent: 'Tal om det nu, og fortæl sagsbehandleren, hvad I er kommet frem til.',
    trin: '03-ved-17-aar',
  },
  {
    id: 'koordinerende-moede',
    tekst: 'Deltag i det koordinerende møde med Børnehandicap og Voksenhandicap',
    selv: 'Deltag i det koordinerende møde med Børnehandicap og Voksenhandicap',
    forSent: 'Ring til sagsbehandleren, og aftal en tid til mødet.',
    moede: 'overgang',
    trin: '03-ved-17-aar',
  },
  {
    id: 'vaergemaal',
    tekst:
      'Kan den unge ikke selv forstå eller give en fuldmagt: kontakt Familieretshuset om værgemål lige efter det koordinerende møde',
    selv: 'Tal med dine forældre om, hvem der skal hjælpe dig med dine sager, når du er 18 år',
    forSent: 'Kontakt Familieretshuset nu. En sag om værgemål tager tid, så vent ikke længere.',
    trin: '03-ved-17-aar',
  },
  {
    id: 'soeg-voksenydelser',
    tekst: 'Søg den hjælp, den unge skal have som voksen (fx socialpædagogisk støtte)',
    selv: 'Søg den hjælp, du skal have som voksen (fx socialpædagogisk støtte)',
    forSent: 'Søg nu. Ring til sagsbehandleren, hvis I er i tvivl om, hvad der skal søges.',
    trin: '04-ved-17-og-et-halvt-aar',
  },
  {
    id: 'oekonomi',
    tekst: 'Spørg jobcentret om den unges forsørgelse og økonomi efter 18 år',
    selv: 'Spørg jobcentret, hvad du skal leve af, når du er 18 år',
    forSent: 'Ring til jobcentret nu, så pengene er på plads fra 18-årsdagen.',
    trin: '04-ved-17-og-et-halvt-aar',
  },
  {
    id: 'fuldmagt',
    tekst: 'Aftal med den unge, om forældrene skal have en fuldmagt – den unge kan give den fra 18-årsdagen',
    selv: 'Aftal med dine forældre, om de skal have en fuldmagt – du kan give den fra din 18-årsdag',
    forSent: 'Det kan stadig nås: en fuldmagt kan gives i Mit Forløb fra 18-årsdagen og senere.',
    trin: '05-tre-maaneder-foer-18',
  },
  {
    id: 'mitid',
    tekst: 'Sørg for, at den unge har sit eget MitID og kan bruge Digital Post',
    selv: 'Sørg for, at du har dit eget MitID og kan bruge Digital Post',
    forSent: 'Bestil MitID nu på mitid.dk eller i Borgerservice.',
    trin: '05-tre-maaneder-foer-18',
  },
] as const satisfies readonly Punkt[];

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

/**
 * Each point as the page shows it: its text for the reader, and either the booked meeting's day, or
 * its "senest" date with, when that has passed and the point is not ticked, what to do now.
 */
export function tjeklistenNu<P extends { senest: Dag } & Punkt>(
  punkter: readonly P[],
  {
    idag,
    selv,
    afkrydset,
    moeder,
  }: { idag: Dag; selv: boolean; afkrydset: ReadonlySet<string>; moeder: readonly { type: string; dag: Dag }[] },
) {
  return punkter.map((p) => {
    const moede = p.moede && moeder.find((m) => m.type === p.moede && m.dag >= idag);
    const forSent = !afkrydset.has(p.id) && !moede && p.senest < idag;
    return {
      id: p.id,
      tekst: selv ? p.selv : p.tekst,
      senest: p.senest,
      moedeDag: moede ? moede.dag : undefined,
      forSent: forSent ? p.forSent : undefined,
    };
  });
}
