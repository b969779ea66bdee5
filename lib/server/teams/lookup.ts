import "server-only";
import { queryScope, type Permission } from "@/lib/auth/permissions";
import { tenantSql } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { FieldError } from "@/lib/server/errors";
import { likeLiteral } from "@/lib/search/query";

// Team pickers on the review, release and threat-model pages: a text field with the visible
// teams as suggestions (a <datalist>), resolved here by key or name within the actor's scope.
export type TeamPermission = Extract<
  Permission,
  "review.read" | "review.request" | "threatmodel.read" | "threatmodel.write" | "fasttrack.manage"
>;

export type TeamChoice = { value: string; label: string };

/**
 * Teams the actor may see with this permission whose name or key contains `q` (names starting
 * with it first), as suggestions: the name, or the key where several visible teams share a name.
 * At most `limit`: a program of 2,000 teams is searched as the person types, never sent whole.
 */
export async function teamChoices(
  actor: SessionActor,
  permission: TeamPermission,
  opts: { q?: string; limit?: number } = {},
): Promise<TeamChoice[]> {
  const scope = queryScope(actor, permission);
  const inScope = tenantSql(scope, 't."orgId"');
  const q = (opts.q ?? "").trim().toLowerCase();
  const contains = `%${likeLiteral(q)}%`;
  const prefix = `${likeLiteral(q)}%`;
  const rows = await db.$queryRaw<{ key: string; name: string; org: string; twins: number }[]>`
    SELECT key, name, org, twins FROM (
      SELECT t.key, t.name, o.name AS org, count(*) OVER (PARTITION BY lower(t.name))::int AS twins
      FROM "Team" t JOIN "Org" o ON o.id = t."orgId" WHERE ${inScope}) x
    WHERE lower(name) LIKE ${contains} OR lower(key) LIKE ${contains}
    ORDER BY (lower(name) LIKE ${prefix}) DESC, name, key LIMIT ${opts.limit ?? 20}`;
  return rows.map((t) =>
    t.twins > 1 ? { value: t.key, label: `${t.name} · ${t.org}` } : { value: t.name, label: t.org },
  );
}

export const UNKNOWN_TEAM =
  "No team with this name or key is visible to you: pick one from the list.";
export const AMBIGUOUS_TEAM =
  "Several teams you can see have this name: pick the entry with the team's key from the list.";

/** The team a typed name or key means, among those the actor may use with `permission`. */
export async function findTeam(
  actor: SessionActor,
  permission: TeamPermission,
  text: string,
  field = "team",
) {
  const scope = queryScope(actor, permission);
  const inScope = tenantSql(scope, '"orgId"');
  // lower() = lower(), not Prisma's insensitive `equals` (ILIKE), where "%" or "_" would match other teams.
  const rows = await db.$queryRaw<
    { id: number; key: string; name: string; orgId: number; byKey: boolean }[]
  >`
    SELECT id, key, name, "orgId", lower(key) = lower(${text}) AS "byKey" FROM "Team"
    WHERE ${inScope} AND (lower(key) = lower(${text}) OR lower(name) = lower(${text}))
    ORDER BY "byKey" DESC, id LIMIT 3`;
  const match = rows[0]?.byKey ? [rows[0]] : rows;
  if (match.length === 1)
    return { id: match[0].id, key: match[0].key, name: match[0].name, orgId: match[0].orgId };
  if (match.length > 1)
    throw new FieldError(field, AMBIGUOUS_TEAM, "Several teams have this name.");
  // Worded like every record outside the caller's scope: a foreign team answers as a missing one.
  throw new FieldError(field, UNKNOWN_TEAM, "That team does not exist or is not visible to you.");
}

/** For list filters: the team a filter names, or an error to show beside the filter. */
export async function teamFilter(
  actor: SessionActor,
  permission: TeamPermission,
  text: string | undefined,
) {
  const value = text
    ?.replace(/\u0000/g, "")
    .trim()
    .slice(0, 200);
  if (!value) return { teamId: undefined, text: "", error: undefined };
  try {
    return { teamId: (await findTeam(actor, permission, value)).id, text: value, error: undefined };
  } catch (error) {
    // -1 matches no team: the list is empty and the filter says why.
    if (error instanceof FieldError) return { teamId: -1, text: value, error: error.fieldMessage };
    throw error;
  }
}
