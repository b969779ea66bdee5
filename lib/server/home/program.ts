import "server-only";
import { db } from "@/lib/db/client";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope, type Permission } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";

function teamWhere(actor: SessionActor, permission: Permission) {
  return tenantWhere(queryScope(actor, permission), "orgId");
}

/** A review waiting for someone to run it: requested, not completed, no engineer assigned. */
export const UNASSIGNED_REVIEW = { securityEngineerId: null, completedAt: null };

/** How many rows each home list shows; the figures beside them are separate counts, never a list's length. */
export const HOME_LIST_SIZE = 8;

/**
 * The lead's "what next" list: nominations to decide, uncovered teams, waiting reviews, unmitigated
 * threats.
 */
export async function getLeadAgenda(actor: SessionActor) {
  const teams = teamWhere(actor, "directory.read");
  const nominated = { status: "NOMINATED" as const, team: teams };
  const uncoveredWhere = { ...teams, guardians: { none: { status: "ACTIVE" as const } } };
  const [
    pendingNominations,
    nominationCount,
    uncoveredCount,
    uncovered,
    waitingReviews,
    unmitigatedThreats,
    goals,
  ] = await Promise.all([
    db.guardianMembership.findMany({
      where: nominated,
      orderBy: [{ nominatedOn: "asc" }, { id: "asc" }],
      take: 5,
      select: {
        id: true,
        nominatedOn: true,
        user: { select: { name: true } },
        team: { select: { name: true } },
      },
    }),
    db.guardianMembership.count({ where: nominated }),
    db.team.count({ where: uncoveredWhere }),
    db.team.findMany({
      where: uncoveredWhere,
      orderBy: [{ profile: "asc" }, { name: "asc" }],
      take: 5,
      select: { id: true, name: true, profile: true, org: { select: { name: true } } },
    }),
    db.review.count({ where: { startedAt: null, completedAt: null, team: teams } }),
    db.threat.count({ where: { mitigationStatus: "NONE", threatModel: { team: teams } } }),
    db.goal.findMany({
      orderBy: { id: "asc" },
      select: { id: true, title: true, target: true, period: true },
    }),
  ]);
  return {
    pendingNominations,
    nominationCount,
    uncoveredCount,
    uncovered,
    waitingReviews,
    unmitigatedThreats,
    goals,
  };
}

/** An engineer's open reviews (the oldest few, and how many in all), and the queues waiting for AppSec. */
export async function getEngineerQueue(actor: SessionActor) {
  const reviewScope = queryScope(actor, "review.read");
  const team = tenantWhere(reviewScope, "team.orgId");
  const tmScope = queryScope(actor, "threatmodel.read");
  const mineWhere = { securityEngineerId: actor.id, completedAt: null };
  const [mine, mineCount, unassigned, inReview] = await Promise.all([
    db.review.findMany({
      where: mineWhere,
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: HOME_LIST_SIZE,
      select: {
        id: true,
        key: true,
        service: true,
        requestedAt: true,
        startedAt: true,
        team: { select: { name: true } },
      },
    }),
    db.review.count({ where: mineWhere }),
    db.review.count({ where: { ...UNASSIGNED_REVIEW, ...team } }),
    db.threatModel.count({
      where: {
        status: "IN_REVIEW",
        ...tenantWhere(tmScope, "team.orgId"),
      },
    }),
  ]);
  return { mine, mineCount, unassigned, inReview };
}

export async function getAdminSummary() {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [people, orgs, teams, failedSignIns, recentAudit] = await Promise.all([
    db.user.count({ where: { deactivatedAt: null } }),
    db.org.count(),
    db.team.count(),
    db.loginAttempt.count({ where: { success: false, at: { gte: since } } }),
    db.auditLog.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HOME_LIST_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        entity: true,
        entityId: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  return { people, orgs, teams, failedSignIns, recentAudit };
}
