// Team counts of an organisation tree: each organisation's own teams and the total with every
// sub-organisation under it, so a parent whose teams all sit in sub-orgs does not read "0 teams".

type OrgCountInput = { id: number; parentId: number | null; teams: number };
export type TeamCounts = { own: number; total: number };

/** Own and total (with all sub-orgs) team counts per organisation; a cycle is counted once. */
export function orgTeamCounts(orgs: OrgCountInput[]): Map<number, TeamCounts> {
  const children = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const o of orgs) {
    own.set(o.id, o.teams);
    if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const counts = new Map<number, TeamCounts>();
  for (const o of orgs) {
    let total = 0;
    const seen = new Set<number>();
    const stack = [o.id];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      total += own.get(id) ?? 0;
      stack.push(...(children.get(id) ?? []));
    }
    counts.set(o.id, { own: o.teams, total });
  }
  return counts;
}

/** "3 teams", or "0 teams here, 10 with sub-organisations" when they differ. */
export function teamCountLabel({ own, total }: TeamCounts): string {
  const teams = (n: number) => `${n} team${n === 1 ? "" : "s"}`;
  return own === total ? teams(own) : `${teams(own)} here, ${total} with sub-organisations`;
}
