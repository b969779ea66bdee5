import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

export async function listCourses() {
  return db.course.findMany({ where: { active: true }, orderBy: [{ required: "desc" }, { onboarding: "desc" }, { title: "asc" }], select: { id: true, key: true, title: true, required: true, onboarding: true, quarterHours: true, description: true, link: true, _count: { select: { completions: true } } } });
}

export async function ownCompletions(userId: number) {
  return db.courseCompletion.findMany({ where: { userId }, select: { courseId: true, completedOn: true, evidenceUrl: true } });
}

/** Of the active guardians per organisation in scope, how many completed every required course. */
export async function completionByOrg(actor: SessionActor) {
  const scope = queryScope(actor, "dashboard.read");
  const orgFilter = scope.all ? {} : { orgId: { in: scope.orgIds } };
  const [required, memberships, orgs] = await Promise.all([
    db.course.findMany({ where: { active: true, required: true }, select: { id: true } }),
    db.guardianMembership.findMany({ where: { status: "ACTIVE", team: orgFilter }, select: { userId: true, team: { select: { orgId: true } } } }),
    db.org.findMany({ where: scope.all ? {} : { id: { in: scope.orgIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const userIds = [...new Set(memberships.map((m) => m.userId))];
  const done = await db.courseCompletion.groupBy({ by: ["userId"], where: { userId: { in: userIds }, courseId: { in: required.map((r) => r.id) } }, _count: true });
  const complete = new Set(done.filter((d) => d._count === required.length).map((d) => d.userId));
  return orgs
    .map((o) => {
      const people = [...new Set(memberships.filter((m) => m.team.orgId === o.id).map((m) => m.userId))];
      return { orgId: o.id, name: o.name, guardians: people.length, complete: people.filter((p) => complete.has(p)).length };
    })
    .filter((r) => r.guardians > 0);
}

/** The same, per team of one organisation (with its sub-orgs). */
export async function completionByTeam(actor: SessionActor, orgId: number) {
  const scope = queryScope(actor, "dashboard.read");
  if (!scope.all && !scope.orgIds.includes(orgId)) return [];
  const [required, memberships] = await Promise.all([
    db.course.findMany({ where: { active: true, required: true }, select: { id: true } }),
    db.guardianMembership.findMany({ where: { status: "ACTIVE", team: { orgId } }, select: { userId: true, team: { select: { id: true, name: true } } } }),
  ]);
  const done = await db.courseCompletion.groupBy({ by: ["userId"], where: { userId: { in: memberships.map((m) => m.userId) }, courseId: { in: required.map((r) => r.id) } }, _count: true });
  const complete = new Set(done.filter((d) => d._count === required.length).map((d) => d.userId));
  const teams = new Map<number, { name: string; guardians: number; complete: number }>();
  for (const m of memberships) {
    const t = teams.get(m.team.id) ?? { name: m.team.name, guardians: 0, complete: 0 };
    t.guardians++;
    if (complete.has(m.userId)) t.complete++;
    teams.set(m.team.id, t);
  }
  return [...teams.entries()].map(([teamId, t]) => ({ teamId, ...t })).sort((a, b) => a.name.localeCompare(b.name));
}
