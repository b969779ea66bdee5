// Who a survey is for: people of its organisation and every sub-org; a survey without an
// organisation is for everyone. Pure: the organisation tree is passed in.
type OrgNode = { id: number; parentId: number | null };

/** The organisation and all its ancestors, nearest first (cycles stop the walk). */
export function orgAndAncestors(tree: OrgNode[], orgId: number | null): number[] {
  if (orgId === null) return [];
  const parent = new Map(tree.map((o) => [o.id, o.parentId]));
  const out: number[] = [];
  for (let id: number | null | undefined = orgId; id != null && !out.includes(id);) {
    out.push(id);
    id = parent.get(id);
  }
  return out;
}

/** Whether a person of organisation `personOrgId` is in the scope of a survey for `surveyOrgId`. */
export function inSurveyScope(
  tree: OrgNode[],
  surveyOrgId: number | null,
  personOrgId: number | null,
): boolean {
  return surveyOrgId === null || orgAndAncestors(tree, personOrgId).includes(surveyOrgId);
}
