// Labels for the dashboard's team filter: the team's name, with its organisation when the name
// is not unique in the list, and its id when even that repeats, so each label picks one team.
export type TeamOptionSource = { id: number; name: string; orgName: string };
export type Option = { value: string; label: string };

export function teamOptions(teams: TeamOptionSource[]): Option[] {
  const count = (key: (t: TeamOptionSource) => string) => {
    const n = new Map<string, number>();
    for (const t of teams) n.set(key(t), (n.get(key(t)) ?? 0) + 1);
    return n;
  };
  const byName = count((t) => t.name);
  const byNameOrg = count((t) => `${t.name}\u0000${t.orgName}`);
  return teams.map((t) => {
    let label = t.name;
    if (byName.get(t.name)! > 1) label = `${t.name} (${t.orgName})`;
    if (byNameOrg.get(`${t.name}\u0000${t.orgName}`)! > 1) label = `${t.name} (${t.orgName}, #${t.id})`;
    return { value: String(t.id), label };
  });
}
