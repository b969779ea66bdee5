import "server-only";
import { db } from "@/lib/db/client";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope, type Permission } from "@/lib/auth/permissions";

function teamWhere(actor: SessionActor, permission: Permission) {
  const scope = queryScope(actor, permission);
  return scope.all ? {} : { orgId: { in: scope.orgIds } };
}

/** The lead's "what next" list: nominations to decide, uncovered teams, waiting reviews, unmitigated threats. */
export async function getLeadAgenda(actor: SessionActor) {
  const teams = teamWhere(actor, "directory.read");
  const [pendingNominations, uncoveredCount, uncovered, waitingReviews, unmitigatedThreats, goals] = await Promise.all([
    db.guardianMembership.findMany({
      where: { status: "NOMINATED", team: teams },
      orderBy: { nominatedOn: "asc" },
      take: 5,
      select: { id: true, nominatedOn: true, user: { select: { name: true } }, team: { select: { name: true } } },
    }),
    db.team.count({ where: { ...teams, guardians: { none: { status: "ACTIVE" } } } }),
    db.team.findMany({
      where: { ...teams, guardians: { none: { status: "ACTIVE" } } },
      orderBy: [{ profile: "asc" }, { name: "asc" }],
      take: 5,
      select: { id: true, name: true, profile: true, org: { select: { name: true } } },
    }),
    db.review.count({ where: { startedAt: null, completedAt: null, team: teams } }),
    db.threat.count({ where: { mitigationStatus: "NONE", threatModel: { team: teams } } }),
    db.goal.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, target: true, period: true } }),
  ]);
  const nominationCount = await db.guardianMembership.count({ where: { status: "NOMINATED", team: teams } });
  return { pendingNominations, nominationCount, uncoveredCount, uncovered, waitingReviews, unmitigatedThreats, goals };
}

export async function getEngineerQueue(actor: SessionActor) {
  const [mine, unassigned, inReview] = await Promise.all([
    db.review.findMany({
      where: { securityEngineerId: actor.id, completedAt: null },
      orderBy: { requestedAt: "asc" },
      take: 8,
      select: { id: true, key: true, service: true, requestedAt: true, startedAt: true, team: { select: { name: true } } },
    }),
    db.review.count({ where: { securityEngineerId: null, completedAt: null } }),
    db.threatModel.count({ where: { status: "IN_REVIEW" } }),
  ]);
  return { mine, unassigned, inReview };
}

export async function getOrgSummary(actor: SessionActor) {
  const teams = teamWhere(actor, "dashboard.read");
  const [orgs, teamCount, coveredTeams, activeGuardians] = await Promise.all([
    db.org.findMany({ where: { leaderId: actor.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.team.count({ where: teams }),
    db.team.count({ where: { ...teams, guardians: { some: { status: "ACTIVE" } } } }),
    db.guardianMembership.count({ where: { status: "ACTIVE", team: teams } }),
  ]);
  const latestNewsletter = await db.newsletter.findFirst({
    where: { status: "PUBLISHED", org: { id: { in: actor.orgScope } } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, quarter: true, publishedAt: true, org: { select: { name: true } } },
  });
  return { orgs, teamCount, coveredTeams, activeGuardians, latestNewsletter };
}

export async function getAdminSummary() {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [people, orgs, teams, failedSignIns, recentAudit] = await Promise.all([
    db.user.count({ where: { deactivatedAt: null } }),
    db.org.count(),
    db.team.count(),
    db.loginAttempt.count({ where: { success: false, at: { gte: since } } }),
    db.auditLog.findMany({ orderBy: { at: "desc" }, take: 8, select: { id: true, at: true, action: true, entity: true, entityId: true, actor: { select: { name: true } } } }),
  ]);
  return { people, orgs, teams, failedSignIns, recentAudit };
}
