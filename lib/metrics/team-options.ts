// Labels for the dashboard's team filter: the team's name, with its organisation when the name
// is not unique in the list, and its id when even that repeats, so each label picks one team.
export type TeamOptionSource = { id: number; name: string; orgName: string };
export type Option = { value: string; label: string };

/** One team's label, given how many teams of the list share its name, and its name and organisation. */
export function teamLabel(t: TeamOptionSource, sameName: number, sameNameAndOrg: number): string {
  if (sameNameAndOrg > 1) return `${t.name} (${t.orgName}, #${t.id})`;
  if (sameName > 1) return `${t.name} (${t.orgName})`;
  return t.name;
}

export function teamOptions(teams: TeamOptionSource[]): Option[] {
  const count = (key: (t: TeamOptionSource) => string) => {
    const n = new Map<string, number>();
    for (const t of teams) n.set(key(t), (n.get(key(t)) ?? 0) + 1);
    return n;
  };
  const byName = count((t) => t.name);
  const byNameOrg = count((t) => `${t.name}\u0000${t.orgName}`);
  return teams.map((t) => ({
    value: String(t.id),
    label: teamLabel(t, byName.get(t.name)!, byNameOrg.get(`${t.name}\u0000${t.orgName}`)!),
  }));
}
