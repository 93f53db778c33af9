/** How an offer's contact details, area and access are shown to citizens. Pure, so it is unit-tested. */
import { kommune, type TeamId, teamNavn } from '#/config/kommune.ts';

/** Towns as a Danish list: "Tørring og Uldum", "Juelsminde, Rårup, Hornsyld og Barrit". */
export function byListe(byer: readonly string[]): string {
  if (byer.length <= 1) return byer.join('');
  return `${byer.slice(0, -1).join(', ')} og ${byer.at(-1)}`;
}

/** A team with the towns people know, e.g. "Team Vest (Tørring og Uldum)"; "Team Vest" is an organisation name. */
export function teamMedByer(id: TeamId): string {
  const team = kommune.teams.find((t) => t.id === id);
  return team && team.byer.length > 0 ? `${teamNavn(id)} (${byListe(team.byer)})` : teamNavn(id);
}

/** Where an offer is, as places: "Hele kommunen" when every team has it, otherwise each team with its towns. */
export function omraadeTekst(teams: readonly TeamId[]): string {
  if (kommune.teams.every((t) => teams.includes(t.id))) return 'Hele kommunen';
  return teams.map(teamMedByer).join(', ');
}
