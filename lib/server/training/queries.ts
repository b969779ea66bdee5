import "server-only";
import { orgSubtree, queryScope } from "@/lib/auth/permissions";
import { inTenant, tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { orgTree, subOrgIds } from "@/lib/server/org-tree";

const COURSE = {
  id: true,
  key: true,
  title: true,
  required: true,
  onboarding: true,
  quarterHours: true,
  description: true,
  link: true,
  active: true,
  _count: { select: { completions: true } },
} as const;
const ORDER = [
  { required: "desc" as const },
  { onboarding: "desc" as const },
  { title: "asc" as const },
];

/** The catalogue: courses on offer (retired ones only when asked, for those who manage it). */
export async function listCourses({ retired = false } = {}) {
  return db.course.findMany({ where: { active: !retired }, orderBy: ORDER, select: COURSE });
}

export async function getCourse(id: number) {
  return db.course.findUnique({ where: { id }, select: COURSE });
}

export async function ownCompletions(userId: number) {
  return db.courseCompletion.findMany({
    where: { userId },
    select: { courseId: true, completedOn: true, evidenceUrl: true },
  });
}

/**
 * Of these people, who completed every required course on offer (retired courses count as
 * neither, as for belts and the dashboards). Null when no course is required: "not enough data".
 */
async function completedAllRequired(userIds: number[]): Promise<Set<number> | null> {
  const required = await db.course.findMany({
    where: { active: true, required: true },
    select: { id: true },
  });
  if (required.length === 0) return null;
  const done = await db.courseCompletion.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, courseId: { in: required.map((r) => r.id) } },
    _count: true,
  });
  return new Set(done.filter((d) => d._count === required.length).map((d) => d.userId));
}

/**
 * Of the active guardians per organisation in scope (each with its sub-orgs), how many completed
 * every required course.
 */
export async function completionByOrg(actor: SessionActor) {
  const scope = queryScope(actor, "dashboard.read");
  const [orgs, memberships] = await Promise.all([
    orgTree(),
    db.guardianMembership.findMany({
      where: { status: "ACTIVE", team: tenantWhere(scope, "orgId") },
      select: { userId: true, team: { select: { orgId: true } } },
    }),
  ]);
  const complete = await completedAllRequired([...new Set(memberships.map((m) => m.userId))]);
  return orgs
    .filter((o) => inTenant(scope, o.id))
    .map((o) => {
      const tree = new Set(orgSubtree(orgs, [o.id]));
      const people = [
        ...new Set(memberships.filter((m) => tree.has(m.team.orgId)).map((m) => m.userId)),
      ];
      return {
        orgId: o.id,
        name: o.name,
        guardians: people.length,
        complete: complete ? people.filter((p) => complete.has(p)).length : null,
      };
    })
    .filter((r) => r.guardians > 0);
}

/** The same, per team of one organisation with its sub-orgs. */
export async function completionByTeam(actor: SessionActor, orgId: number) {
  const scope = queryScope(actor, "dashboard.read");
  if (!inTenant(scope, orgId)) return [];
  const tree = await subOrgIds([orgId]);
  const memberships = await db.guardianMembership.findMany({
    where: { status: "ACTIVE", team: { orgId: { in: tree } } },
    select: {
      userId: true,
      team: { select: { id: true, name: true, org: { select: { name: true } } } },
    },
  });
  const complete = await completedAllRequired([...new Set(memberships.map((m) => m.userId))]);
  const teams = new Map<
    number,
    { name: string; org: string; guardians: number; complete: number | null }
  >();
  for (const m of memberships) {
    const t = teams.get(m.team.id) ?? {
      name: m.team.name,
      org: m.team.org.name,
      guardians: 0,
      complete: complete ? 0 : null,
    };
    t.guardians++;
    if (complete?.has(m.userId) && t.complete !== null) t.complete++;
    teams.set(m.team.id, t);
  }
  return [...teams.entries()]
    .map(([teamId, t]) => ({ teamId, ...t }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.teamId - b.teamId);
}
